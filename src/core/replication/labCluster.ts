// The cluster a replication lab runs on: the JVM cluster `broker start --nodes N --engine jvm`
// left running, else a temporary one the lab starts and stops itself.
import { JvmClusterControl, startJvmCluster } from '../broker/jvmCluster';
import { loadClusterRecord, saveClusterRecord } from '../broker/jvmClusterState';
import { UserError } from '../errors';

export interface LabCluster {
  bootstrap: string[];
  control: JvmClusterControl;
  /** True when the lab started the cluster (and `close` stops it). */
  temporary: boolean;
  startMs?: number;
  close(): Promise<void>;
}

export interface LabClusterOptions {
  size: number;
  kafkaVersion?: string;
  readyTimeoutMs?: number;
  onProgress?: (line: string) => void;
  signal?: AbortSignal;
}

export async function openLabCluster(options: LabClusterOptions): Promise<LabCluster> {
  const record = loadClusterRecord();
  if (record) {
    const control = new JvmClusterControl(record, { detached: true, onRecord: saveClusterRecord });
    if (control.status().some((n) => n.state === 'up')) {
      if (record.nodes.length !== options.size)
        throw new UserError(
          `the running JVM cluster has ${record.nodes.length} nodes, not ${options.size}; stop it (kafka-log-lab broker stop) or use --brokers ${record.nodes.length}`,
        );
      options.onProgress?.(`Using the running JVM cluster at ${record.bootstrap}`);
      return { bootstrap: record.bootstrap.split(','), control, temporary: false, close: async () => undefined };
    }
  }
  return startLabCluster(options);
}

/** A new cluster of the lab's own: closing the lab stops it. */
export async function startLabCluster(options: LabClusterOptions): Promise<LabCluster> {
  const cluster = await startJvmCluster({
    size: options.size,
    kafkaVersion: options.kafkaVersion,
    readyTimeoutMs: options.readyTimeoutMs,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  return {
    bootstrap: cluster.bootstrap.split(','),
    control: cluster.control,
    temporary: true,
    startMs: cluster.startMs,
    close: () => cluster.control.stopAll(),
  };
}
