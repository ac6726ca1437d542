// Configuration of one node of a local multi-node KRaft cluster on the JVM engine: every node
// is broker and controller at once (three small JVMs instead of six), all three vote.
import path from 'node:path';
import { serverProperties, type KraftNode } from './kraftConfig';

/** One node's identity and ports, as saved in the cluster record. */
export interface ClusterNodeLayout {
  nodeId: number;
  port: number;
  controllerPort: number;
  /** The node's own folder: server.properties, broker.out and its log dir. */
  dir: string;
}

export const CLUSTER_HOST = '127.0.0.1';

/** Node ids 1…n on the given ports (`ports` holds n client ports then n controller ports). */
export function clusterLayout(dataDir: string, size: number, ports: number[]): ClusterNodeLayout[] {
  return Array.from({ length: size }, (_, i) => ({
    nodeId: i + 1,
    port: ports[i],
    controllerPort: ports[size + i],
    dir: path.join(dataDir, `node-${i + 1}`),
  }));
}

export function kraftNodeOf(node: ClusterNodeLayout): KraftNode {
  const { nodeId, port, controllerPort } = node;
  return { nodeId, host: CLUSTER_HOST, port, controllerPort, logDir: path.join(node.dir, 'kraft-logs') };
}

/** `1@127.0.0.1:p1,2@127.0.0.1:p2,…`: the static controller quorum every node is given. */
export function quorumVoters(nodes: ClusterNodeLayout[]): string {
  return nodes.map((n) => `${n.nodeId}@${CLUSTER_HOST}:${n.controllerPort}`).join(',');
}

/**
 * Failure detection of a local lab cluster (JVM and Docker engines alike): a killed broker is
 * fenced within seconds and a lagging replica leaves the ISR soon, so a lab of a minute shows it.
 */
export const LAB_FAILURE_DETECTION = {
  'broker.session.timeout.ms': 6000,
  'broker.heartbeat.interval.ms': 1000,
  'replica.lag.time.max.ms': 8000,
} as const;

/** A property as the Kafka image's environment names it: `log.dirs` → `KAFKA_LOG_DIRS`. */
export const kafkaEnvName = (property: string): string => `KAFKA_${property.replace(/\./g, '_').toUpperCase()}`;

/**
 * server.properties of one node. Internal topics are replicated on every node so that the
 * consumer offsets and the idempotent producer's state survive a broker loss; failure
 * detection is shortened so a lab of a minute shows fencing and ISR changes.
 */
export function clusterNodeProperties(node: ClusterNodeLayout, nodes: ClusterNodeLayout[]): string {
  const replicas = nodes.length;
  const minIsr = Math.min(2, replicas);
  return serverProperties(kraftNodeOf(node), {
    'controller.quorum.voters': quorumVoters(nodes),
    'num.partitions': 3,
    'default.replication.factor': replicas,
    'offsets.topic.replication.factor': replicas,
    'offsets.topic.num.partitions': 3,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.min.isr': minIsr,
    'share.coordinator.state.topic.replication.factor': replicas,
    'share.coordinator.state.topic.min.isr': minIsr,
    ...LAB_FAILURE_DETECTION,
    // Fewer threads per JVM: three brokers share a laptop's cores.
    'num.network.threads': 2,
    'num.io.threads': 2,
    'num.replica.fetchers': 1,
    'background.threads': 2,
    'log.cleaner.threads': 1,
  });
}

/** JVM flags of a cluster node: a fixed small heap and a collector that needs few threads. */
export function clusterNodeJvmArgs(heap: string): string[] {
  return [`-Xmx${heap}`, `-Xms${heap}`, '-XX:+UseSerialGC', '-Djava.awt.headless=true'];
}
