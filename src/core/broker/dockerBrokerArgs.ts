// The pure half of the Docker engine: names, labels and the exact `docker run` arguments of
// a single-node KRaft broker, using the KAFKA_* environment contract of the apache/kafka image.
import crypto from 'node:crypto';
import { DEFAULT_KAFKA_VERSION } from './kafkaJars';

export const DEFAULT_DOCKER_IMAGE = `apache/kafka:${DEFAULT_KAFKA_VERSION}`;
export const DEFAULT_CONTAINER_NAME = 'kafka-log-lab-broker';
export const DEFAULT_VOLUME = 'kafka-log-lab-data';
export const DEFAULT_BROKER_PORT = 9092;
/** Where apache/kafka keeps (and declares a volume for) its data. */
export const IMAGE_DATA_DIR = '/var/lib/kafka/data';

/** Labels that let us find, and clean up, only the containers and volumes we created. */
export const LABELS = {
  managed: 'dev.kafka-log-lab.managed',
  port: 'dev.kafka-log-lab.port',
  volume: 'dev.kafka-log-lab.volume',
  /** Only on the nodes of a multi-broker cluster: the cluster's name. */
  cluster: 'dev.kafka-log-lab.cluster',
} as const;

export interface DockerBrokerSpec {
  name: string;
  image: string;
  /** Host port on 127.0.0.1; the broker listens on the same port inside the container. */
  port: number;
  volume: string;
  /** JVM heap flags for the broker (KAFKA_HEAP_OPTS). */
  heap?: string;
}

/** `kafka-log-lab-broker` on the default port, `kafka-log-lab-broker-<port>` otherwise. */
export function defaultContainerName(port: number): string {
  return port === DEFAULT_BROKER_PORT ? DEFAULT_CONTAINER_NAME : `${DEFAULT_CONTAINER_NAME}-${port}`;
}

/**
 * A stable cluster id per volume: a container recreated on the same volume (new port, new
 * image) presents the id its data was formatted with. 16 bytes, base64url, 22 characters.
 */
export function clusterIdForVolume(volume: string): string {
  return crypto.createHash('sha256').update(`kafka-log-lab:${volume}`).digest().subarray(0, 16).toString('base64url');
}

/** The controller listens inside the container only; any port other than the client port. */
export function controllerPortFor(port: number): number {
  return port === 9093 ? 9094 : 9093;
}

/** The image tag's Kafka version (`apache/kafka:3.9.2` -> 3.9.2), or undefined for `latest` etc. */
export function kafkaVersionOfImage(image: string): string | undefined {
  return image.match(/:(\d+\.\d+\.\d+)(?:[-@].*)?$/)?.[1];
}

/** The broker's KAFKA_* environment, as apache/kafka's entrypoint turns it into server.properties. */
export function brokerEnvironment(spec: DockerBrokerSpec): Record<string, string> {
  const controllerPort = controllerPortFor(spec.port);
  return {
    KAFKA_NODE_ID: '1',
    KAFKA_PROCESS_ROLES: 'broker,controller',
    // The same port inside and out, so the advertised address also works from inside.
    KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${spec.port},CONTROLLER://0.0.0.0:${controllerPort}`,
    KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${spec.port}`,
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
    KAFKA_CONTROLLER_QUORUM_VOTERS: `1@localhost:${controllerPort}`,
    KAFKA_LOG_DIRS: IMAGE_DATA_DIR,
    KAFKA_NUM_PARTITIONS: '1',
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '10',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
    // A lab broker: consumer groups form at once instead of after 3 s.
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
    KAFKA_HEAP_OPTS: spec.heap ?? '-Xmx1g -Xms256m',
    CLUSTER_ID: clusterIdForVolume(spec.volume),
  };
}

/** `docker run` arguments: detached, labelled, published on 127.0.0.1 only, data on the volume. */
export function dockerRunArgs(spec: DockerBrokerSpec): string[] {
  const env = Object.entries(brokerEnvironment(spec)).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  return [
    'run', '-d',
    '--name', spec.name,
    '--label', `${LABELS.managed}=true`,
    '--label', `${LABELS.port}=${spec.port}`,
    '--label', `${LABELS.volume}=${spec.volume}`,
    '-p', `127.0.0.1:${spec.port}:${spec.port}`,
    '-v', `${spec.volume}:${IMAGE_DATA_DIR}`,
    ...env,
    spec.image,
  ];
}

/** `docker volume create` arguments for a labelled (so resettable) data volume. */
export function volumeCreateArgs(volume: string): string[] {
  return ['volume', 'create', '--label', `${LABELS.managed}=true`, volume];
}

/** `docker ps` listing every container we manage, one tab-separated line each. */
export const LIST_MANAGED_ARGS = [
  'ps', '-a', '--no-trunc',
  '--filter', `label=${LABELS.managed}=true`,
  '--format', `{{.Names}}\t{{.Image}}\t{{.State}}\t{{.Label "${LABELS.port}"}}\t{{.Label "${LABELS.volume}"}}\t{{.Label "${LABELS.cluster}"}}`,
];

export interface ManagedContainer {
  name: string;
  image: string;
  /** Docker's state: running, exited, created, restarting, paused, dead. */
  state: string;
  running: boolean;
  port: number;
  volume: string;
  bootstrap: string;
  kafkaVersion: string;
  /** Set on the nodes of a multi-broker cluster. */
  cluster?: string;
}

/** Parses the output of LIST_MANAGED_ARGS. */
export function parseManagedContainers(stdout: string): ManagedContainer[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [name, image, state, port, volume, cluster] = line.split('\t');
      return {
        name,
        image,
        state,
        running: state === 'running',
        port: Number(port),
        volume: volume ?? '',
        bootstrap: `127.0.0.1:${port}`,
        kafkaVersion: kafkaVersionOfImage(image) ?? 'unknown',
        ...(cluster ? { cluster } : {}),
      };
    })
    .sort((a, b) => a.port - b.port);
}
