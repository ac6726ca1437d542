// The cluster a replication lab runs on: the JVM cluster `broker start --nodes N --engine jvm`
// left running, else the Docker cluster `broker start --nodes N` left running, else a temporary
// JVM cluster the lab starts and stops itself.
import { DockerClusterControl } from '../broker/dockerClusterControl';
import { JvmClusterControl, startJvmCluster } from '../broker/jvmCluster';
import { loadClusterRecord, saveClusterRecord } from '../broker/jvmClusterState';
import { UserError } from '../errors';
import type { ClusterNodeControl } from './clusterWatch';

export interface LabCluster {
  bootstrap: string[];
  engine: 'jvm' | 'docker';
  control: ClusterNodeControl;
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
  return (await runningJvmCluster(options)) ?? (await runningDockerCluster(options)) ?? startLabCluster(options);
}

function refuseOtherSize(what: string, nodes: number, size: number): void {
  if (nodes !== size)
    throw new UserError(
      `the running ${what} has ${nodes} nodes, not ${size}; stop it (kafka-log-lab broker stop) or use --brokers ${nodes}`,
    );
}

async function runningJvmCluster(options: LabClusterOptions): Promise<LabCluster | undefined> {
  const record = loadClusterRecord();
  if (!record) return undefined;
  const control = new JvmClusterControl(record, { detached: true, onRecord: saveClusterRecord });
  if (!control.status().some((n) => n.state === 'up')) return undefined;
  refuseOtherSize('JVM cluster', record.nodes.length, options.size);
  options.onProgress?.(`Using the running JVM cluster at ${record.bootstrap}`);
  const bootstrap = record.bootstrap.split(',');
  return { bootstrap, engine: 'jvm', control, temporary: false, close: async () => undefined };
}

/** The Docker cluster when one of its nodes runs; nothing when Docker is absent or silent. */
async function runningDockerCluster(options: LabClusterOptions): Promise<LabCluster | undefined> {
  const control = new DockerClusterControl();
  const nodes = await control.nodes().catch(() => undefined);
  if (!nodes || ![...nodes.values()].some((c) => c.running)) return undefined;
  refuseOtherSize('Docker cluster', nodes.size, options.size);
  const bootstrap = [...nodes.values()].map((c) => c.bootstrap);
  options.onProgress?.(`Using the running Docker cluster at ${bootstrap.join(',')}`);
  return { bootstrap, engine: 'docker', control, temporary: false, close: async () => undefined };
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
    engine: 'jvm',
    control: cluster.control,
    temporary: true,
    startMs: cluster.startMs,
    close: () => cluster.control.stopAll(),
  };
}
