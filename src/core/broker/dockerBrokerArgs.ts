// The pure half of the Docker engine: names, labels and the exact `docker run` arguments of
// a single-node KRaft broker, using the KAFKA_* environment contract of the apache/kafka image.
import { DEFAULT_KAFKA_VERSION } from './kafkaJars';
import { stableClusterId } from './kraftConfig';

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

/**
 * Why Docker would refuse (or misread) a container or volume name: Docker allows
 * [a-zA-Z0-9][a-zA-Z0-9_.-]*, which also keeps a name from being read as an option.
 */
export function dockerNameProblem(what: 'container name' | 'volume name', name: string): string | undefined {
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) return undefined;
  return `${what} "${name}" is not valid: Docker names start with a letter or digit and use only letters, digits, "_", "." and "-"`;
}

/** Why `image` is not an image reference (it must not be empty, contain spaces, or start with "-"). */
export function dockerImageProblem(image: string): string | undefined {
  if (/^[A-Za-z0-9][A-Za-z0-9_.\-/:@]*$/.test(image)) return undefined;
  return `image "${image}" is not a Docker image reference such as apache/kafka:3.9.2`;
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
  return stableClusterId(volume);
}

/** The controller listens inside the container only; any port other than the client port. */
export function controllerPortFor(port: number): number {
  return port === 9093 ? 9094 : 9093;
}

/** The image tag's Kafka version (`apache/kafka:3.9.2` -> 3.9.2), or undefined for `latest` etc. */
export function kafkaVersionOfImage(image: string): string | undefined {
  return image.match(/:(\d+\.\d+\.\d+)(?:[-@].*)?$/)?.[1];
}

/** The script that builds the project's own image, for machines that cannot pull apache/kafka. */
export const LOCAL_IMAGE_SCRIPT = 'scripts/docker/build-local-kafka-image.sh';

/** The official image of a Kafka version. */
export function officialImageFor(kafkaVersion = DEFAULT_KAFKA_VERSION): string {
  return `apache/kafka:${kafkaVersion}`;
}

/** The image LOCAL_IMAGE_SCRIPT builds for a Kafka version (same KAFKA_* contract). */
export function projectImageFor(kafkaVersion = DEFAULT_KAFKA_VERSION): string {
  return `kafka-log-lab/kafka:${kafkaVersion}`;
}

export interface DockerImageRequest {
  /** An image the user named; it always wins, pulled when it is not local. */
  image?: string;
  /** Where that name came from, for messages: "--image", "$KAFKA_LOG_LAB_DOCKER_IMAGE", a setting. */
  imageSource?: string;
  /** Without `image`: the Kafka version whose official or project image runs (default: pinned). */
  kafkaVersion?: string;
}

export interface DockerImageChoice {
  image: string;
  /** The image is not local, so it must be pulled before it can run. */
  pull: boolean;
  /** Why this image, in words for the user, e.g. "present locally". */
  reason: string;
  /** When `pull`: what else could have run, said after a failed pull. */
  alternative?: string;
}

/** The images whose local presence decides the choice, most preferred first. */
export function imageCandidates(request: DockerImageRequest): string[] {
  if (request.image) return [request.image];
  return [officialImageFor(request.kafkaVersion), projectImageFor(request.kafkaVersion)];
}

/**
 * Which image to run, given the images present locally: a named image always; otherwise the
 * official image when local, else the project's local image (no pull, so a machine without a
 * registry never waits on one), else the official image, pulled.
 */
export function chooseDockerImage(request: DockerImageRequest, localImages: ReadonlySet<string>): DockerImageChoice {
  if (request.image) {
    const named = `named by ${request.imageSource ?? 'the image option'}`;
    const pull = !localImages.has(request.image);
    return { image: request.image, pull, reason: `${named}, ${pull ? 'not present locally' : 'present locally'}` };
  }
  const official = officialImageFor(request.kafkaVersion);
  const project = projectImageFor(request.kafkaVersion);
  if (localImages.has(official)) return { image: official, pull: false, reason: 'present locally' };
  if (localImages.has(project)) {
    return {
      image: project,
      pull: false,
      reason: `${official} is not present locally, so it is not pulled; using the local image built by ${LOCAL_IMAGE_SCRIPT}`,
    };
  }
  return {
    image: official,
    pull: true,
    reason: `not present locally, nor is the local image ${project}`,
    alternative: `there is no local image ${project} either (${LOCAL_IMAGE_SCRIPT} builds it)`,
  };
}

/** The error text of a failed pull: the image, why it failed, and what else could have run. */
export function pullFailureMessage(choice: DockerImageChoice, request: DockerImageRequest, detail: string): string {
  const named = request.image ? ` (named by ${request.imageSource ?? 'the image option'})` : '';
  const base = `image ${choice.image}${named} is not present locally and cannot be pulled`;
  // One line: it also ends up inside the "Engine: jvm (…)" line of a fallback.
  const why = detail.replace(/\s*\n\s*/g, ' ').trim();
  return choice.alternative ? `${base} (${why}), and ${choice.alternative}` : `${base}: ${why}`;
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
    'run',
    '-d',
    '--name',
    spec.name,
    '--label',
    `${LABELS.managed}=true`,
    '--label',
    `${LABELS.port}=${spec.port}`,
    '--label',
    `${LABELS.volume}=${spec.volume}`,
    '-p',
    `127.0.0.1:${spec.port}:${spec.port}`,
    '-v',
    `${spec.volume}:${IMAGE_DATA_DIR}`,
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
  'ps',
  '-a',
  '--no-trunc',
  '--filter',
  `label=${LABELS.managed}=true`,
  '--format',
  `{{.Names}}\t{{.Image}}\t{{.State}}\t{{.Label "${LABELS.port}"}}\t{{.Label "${LABELS.volume}"}}\t{{.Label "${LABELS.cluster}"}}`,
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
