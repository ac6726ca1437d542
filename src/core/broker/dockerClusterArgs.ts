// The pure half of the local multi-broker cluster: N containers on one Docker network, each a
// KRaft broker and controller (so N voters), replicating to each other over an internal
// listener and reachable from the host on 127.0.0.1:<own port>.
import { IMAGE_DATA_DIR, LABELS, clusterIdForVolume } from './dockerBrokerArgs';
import { LAB_FAILURE_DETECTION, kafkaEnvName } from './jvmClusterConfig';

export const DEFAULT_CLUSTER_NAME = 'kafka-log-lab-cluster';
export const DEFAULT_CLUSTER_SIZE = 3;

export interface DockerClusterSpec {
  /** Prefix of the container names (`<cluster>-1`...), the volumes and the network. */
  cluster: string;
  image: string;
  /** One host port per broker, on 127.0.0.1; node i+1 uses ports[i]. */
  ports: number[];
  heap?: string;
}

export const clusterNodeName = (cluster: string, nodeId: number) => `${cluster}-${nodeId}`;
export const clusterVolumePrefix = (cluster: string) => `${cluster}-data-`;
export const clusterVolumeName = (cluster: string, nodeId: number) => `${clusterVolumePrefix(cluster)}${nodeId}`;
export const clusterNetworkName = (cluster: string) => `${cluster}-net`;

/** Ports for the internal (broker-to-broker) and controller listeners, clear of the client ports. */
export function internalPortsFor(clientPorts: number[]): { internal: number; controller: number } {
  const free: number[] = [];
  for (let port = 29092; free.length < 2; port++) if (!clientPorts.includes(port)) free.push(port);
  return { internal: free[0], controller: free[1] };
}

export function clusterNodeEnvironment(spec: DockerClusterSpec, nodeId: number): Record<string, string> {
  const size = spec.ports.length;
  const port = spec.ports[nodeId - 1];
  const { internal, controller } = internalPortsFor(spec.ports);
  const voters = spec.ports.map((_, i) => `${i + 1}@${clusterNodeName(spec.cluster, i + 1)}:${controller}`).join(',');
  const replication = String(Math.min(3, size));
  const minIsr = size >= 3 ? '2' : '1';
  return {
    KAFKA_NODE_ID: String(nodeId),
    KAFKA_PROCESS_ROLES: 'broker,controller',
    KAFKA_LISTENERS: `INTERNAL://0.0.0.0:${internal},EXTERNAL://0.0.0.0:${port},CONTROLLER://0.0.0.0:${controller}`,
    KAFKA_ADVERTISED_LISTENERS: `INTERNAL://${clusterNodeName(spec.cluster, nodeId)}:${internal},EXTERNAL://127.0.0.1:${port}`,
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT',
    KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_CONTROLLER_QUORUM_VOTERS: voters,
    KAFKA_LOG_DIRS: IMAGE_DATA_DIR,
    KAFKA_NUM_PARTITIONS: String(size),
    KAFKA_DEFAULT_REPLICATION_FACTOR: replication,
    KAFKA_MIN_INSYNC_REPLICAS: minIsr,
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: replication,
    KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '10',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: replication,
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: minIsr,
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: replication,
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: minIsr,
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    ...Object.fromEntries(Object.entries(LAB_FAILURE_DETECTION).map(([k, v]) => [kafkaEnvName(k), String(v)])),
    KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
    // Three JVMs on a laptop: a smaller heap each than the single broker's.
    KAFKA_HEAP_OPTS: spec.heap ?? '-Xmx512m -Xms128m',
    // Every node formats its volume with the same cluster id.
    CLUSTER_ID: clusterIdForVolume(spec.cluster),
  };
}

/** `docker run` arguments for node `nodeId` (1-based) of the cluster. */
export function clusterRunArgs(spec: DockerClusterSpec, nodeId: number): string[] {
  const name = clusterNodeName(spec.cluster, nodeId);
  const port = spec.ports[nodeId - 1];
  const volume = clusterVolumeName(spec.cluster, nodeId);
  const env = Object.entries(clusterNodeEnvironment(spec, nodeId)).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  return [
    'run',
    '-d',
    '--name',
    name,
    '--hostname',
    name,
    '--network',
    clusterNetworkName(spec.cluster),
    '--label',
    `${LABELS.managed}=true`,
    '--label',
    `${LABELS.port}=${port}`,
    '--label',
    `${LABELS.volume}=${volume}`,
    '--label',
    `${LABELS.cluster}=${spec.cluster}`,
    '-p',
    `127.0.0.1:${port}:${port}`,
    '-v',
    `${volume}:${IMAGE_DATA_DIR}`,
    ...env,
    spec.image,
  ];
}
