// `kafka-log-lab broker start --nodes N`: a local multi-broker cluster in Docker or on the JVM,
// and per-node control of either (`broker stop|start|kill --node K`).
import type { CliIO } from '../command';
import { printJson } from '../command';
import { listBrokerRecords, removeBrokerRecord, saveBrokerRecord } from '../../core/broker/brokerState';
import { requireDocker } from '../../core/broker/dockerBroker';
import { resetDockerCluster, startDockerCluster } from '../../core/broker/dockerCluster';
import { dockerImageRequest } from '../../core/broker/startBroker';
import { UserError } from '../../core/errors';
import { DockerClusterControl } from '../../core/broker/dockerClusterControl';
import { JvmClusterControl, startJvmCluster } from '../../core/broker/jvmCluster';
import type { ClusterNodeControl } from '../../core/replication/clusterWatch';
import {
  clusterNodeStatus,
  loadClusterRecord,
  removeClusterRecord,
  saveClusterRecord,
  type ClusterNodeStatus,
} from '../../core/broker/jvmClusterState';
import { t } from '../l10n';

export interface ClusterStartOptions {
  engine: string;
  nodes: number;
  port?: number;
  image?: string;
  kafkaVersion?: string;
  timeoutS: number;
  json: boolean;
}

export async function startCluster(options: ClusterStartOptions, io: CliIO): Promise<number> {
  if (options.engine === 'jvm') return startJvmClusterCli(options, io);
  await requireDocker(io.signal);
  const cluster = await startDockerCluster({
    size: options.nodes,
    // An explicit --port is the first broker's; the others follow it.
    ports: options.port === undefined ? undefined : Array.from({ length: options.nodes }, (_, i) => options.port! + i),
    ...dockerImageRequest({ image: options.image, imageSource: '--image', kafkaVersion: options.kafkaVersion }),
    readyTimeoutMs: options.timeoutS * 1000,
    signal: io.signal,
    onProgress: options.json ? undefined : (m) => process.stderr.write(m + '\n'),
  });
  const startedAt = new Date().toISOString();
  for (const b of cluster.brokers) {
    for (const r of listBrokerRecords())
      if (r.engine === 'docker' && r.containerName === b.containerName) removeBrokerRecord(r);
    saveBrokerRecord({
      engine: 'docker',
      bootstrap: b.bootstrap,
      port: b.port,
      containerName: b.containerName,
      kafkaVersion: cluster.kafkaVersion,
      startedAt,
    });
  }
  if (options.json) {
    printJson(io, {
      engine: 'docker',
      bootstrap: cluster.bootstrap,
      cluster: cluster.cluster,
      brokers: cluster.brokers,
      kafkaVersion: cluster.kafkaVersion,
      image: cluster.image,
      imageReason: cluster.imageReason,
      startMs: cluster.startMs,
    });
  } else {
    io.out(
      t(
        'Kafka {0} cluster of {1} brokers ready at {2} (image {3}, started in {4} s)',
        cluster.kafkaVersion,
        cluster.brokers.length,
        cluster.bootstrap,
        cluster.image,
        (cluster.startMs / 1000).toFixed(1),
      ),
    );
  }
  return 0;
}

export async function resetCluster(json: boolean, io: CliIO): Promise<number> {
  const removed = await resetDockerCluster();
  for (const r of listBrokerRecords())
    if (r.engine === 'docker' && removed.containers.includes(r.containerName ?? '')) removeBrokerRecord(r);
  if (json) printJson(io, removed);
  else if (removed.containers.length + removed.volumes.length === 0)
    io.out(t('Nothing to reset: no local cluster from kafka-log-lab was found.'));
  else
    io.out(
      t(
        'Removed {0}',
        [
          ...removed.containers.map((c) => t('container {0}', c)),
          ...removed.volumes.map((v) => t('volume {0}', v)),
        ].join(', '),
      ),
    );
  return 0;
}

async function startJvmClusterCli(options: ClusterStartOptions, io: CliIO): Promise<number> {
  const running = loadClusterRecord();
  if (running && clusterNodeStatus(running).some((n) => n.state === 'up'))
    throw new UserError(
      t('a JVM cluster from kafka-log-lab already runs on {0} (stop it: kafka-log-lab broker stop)', running.bootstrap),
    );
  if (options.port !== undefined) throw new UserError(t('a JVM cluster chooses free ports itself; leave out --port'));
  const cluster = await startJvmCluster({
    size: options.nodes,
    kafkaVersion: options.kafkaVersion,
    detached: true,
    readyTimeoutMs: options.timeoutS * 1000,
    signal: io.signal,
    onProgress: options.json ? undefined : (m) => process.stderr.write(m + '\n'),
  });
  saveClusterRecord(cluster.control.record);
  const { record } = cluster.control;
  if (options.json) {
    printJson(io, { ...record, startMs: cluster.startMs, status: cluster.control.status() });
  } else {
    io.out(
      t(
        'Kafka {0} cluster of {1} JVM nodes ready at {2} (started in {3} s)',
        record.kafkaVersion,
        record.nodes.length,
        record.bootstrap,
        (cluster.startMs / 1000).toFixed(1),
      ),
    );
  }
  return 0;
}

/** The recorded JVM cluster's control, saving every pid change; a UserError when there is none. */
function recordedCluster(): JvmClusterControl {
  const record = loadClusterRecord();
  if (!record)
    throw new UserError('no JVM cluster from kafka-log-lab is known (start one: broker start --nodes 3 --engine jvm)');
  return new JvmClusterControl(record, { detached: true, onRecord: saveClusterRecord });
}

/**
 * The cluster `--node K` means: the engine named by `--engine`, else the recorded JVM cluster,
 * else the Docker cluster when it has containers.
 */
async function nodeControl(engine: string | undefined): Promise<ClusterNodeControl> {
  if (engine === 'jvm' || (engine === undefined && loadClusterRecord())) return recordedCluster();
  const docker = new DockerClusterControl();
  if (engine === 'docker') return docker;
  const nodes = await docker.nodes().catch(() => new Map());
  if (nodes.size > 0) return docker;
  throw new UserError(
    'no local cluster from kafka-log-lab is known (start one: broker start --nodes 3, or --nodes 3 --engine jvm)',
  );
}

/** `broker stop|start|kill --node K` on the recorded JVM cluster or the Docker cluster. */
export async function clusterNodeCommand(
  action: 'stop' | 'start' | 'kill',
  target: { nodeId: number; engine?: string },
  timeoutS: number,
  io: CliIO,
): Promise<number> {
  const control = await nodeControl(target.engine);
  const { nodeId } = target;
  const t0 = Date.now();
  const done =
    action === 'start'
      ? await control.startNode(nodeId, timeoutS * 1000, io.signal)
      : action === 'stop'
        ? await control.stopNode(nodeId)
        : await control.killNode(nodeId);
  const took = ((Date.now() - t0) / 1000).toFixed(1);
  const doneText = {
    start: () => t('Node {0} started in {1} s', nodeId, took),
    stop: () => t('Node {0} stopped in {1} s', nodeId, took),
    kill: () => t('Node {0} killed (SIGKILL) in {1} s', nodeId, took),
  }[action];
  io.out(
    done
      ? doneText()
      : action === 'start'
        ? t('Node {0} was already up', nodeId)
        : t('Node {0} was already down', nodeId),
  );
  return 0;
}

/** The recorded JVM cluster's nodes (up, down, controller), or nothing. */
export function jvmClusterStatus(): { bootstrap: string; nodes: ClusterNodeStatus[] } | undefined {
  const record = loadClusterRecord();
  return record && { bootstrap: record.bootstrap, nodes: clusterNodeStatus(record) };
}

export function clusterStatusLine(n: ClusterNodeStatus): string {
  const role = n.controller ? ', active controller' : '';
  return `jvm     ${n.bootstrap}  node ${n.nodeId}  pid ${n.pid ?? '-'}  ${n.state}${role}`;
}

/** Stops every node of the recorded JVM cluster; false when there is none. */
export async function stopJvmClusterCli(io: CliIO): Promise<boolean> {
  if (!loadClusterRecord()) return false;
  const control = recordedCluster();
  await control.stopAll();
  removeClusterRecord();
  io.out(t('Stopped the JVM cluster on {0}', control.record.bootstrap));
  return true;
}
