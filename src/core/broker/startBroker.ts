// One entry point for "start a local broker", whatever runs it: Docker when it is available
// (the default), else Kafka's jars on the local Java. The choice and its reason are reported.
import { UserError } from '../errors';
import { detectDocker, startDockerBroker, type DockerBrokerOptions } from './dockerBroker';
import type { DockerError } from './dockerCli';
import { DEFAULT_DOCKER_IMAGE } from './dockerBrokerArgs';
import { javaAvailable, startJvmBroker, type JvmBrokerOptions } from './jvmBroker';

export type BrokerEngine = 'docker' | 'jvm';
export type EngineChoice = BrokerEngine | 'auto';

export interface LocalBrokerOptions {
  engine?: EngineChoice;
  port?: number;
  /** Kafka version: the JVM engine's jars, and the Docker image tag when `image` is not set. */
  kafkaVersion?: string;
  /** Docker only. */
  image?: string;
  volume?: string;
  name?: string;
  /** JVM only. */
  dataDir?: string;
  detached?: boolean;
  readyTimeoutMs?: number;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

export interface LocalBroker {
  engine: BrokerEngine;
  bootstrap: string;
  port: number;
  pid?: number;
  containerName?: string;
  kafkaVersion: string;
  startMs: number;
  /** Why this engine was used (with `auto`), e.g. "Docker is not installed…; using the local Java". */
  engineReason: string;
  /** JVM only: where the broker keeps its data and output. */
  dataDir?: string;
  logFile?: string;
  /** Docker only. */
  volume?: string;
  image?: string;
  alreadyRunning?: boolean;
  stop(): Promise<void>;
}

/** Which engine `choice` means on this machine, and why. Throws when neither can run. */
export async function resolveEngine(choice: EngineChoice, signal?: AbortSignal): Promise<{ engine: BrokerEngine; reason: string }> {
  if (choice === 'jvm') return { engine: 'jvm', reason: 'the JVM engine was requested' };
  if (choice === 'docker') return { engine: 'docker', reason: 'the Docker engine was requested' };
  const docker = await detectDocker(signal);
  if (docker.available) return { engine: 'docker', reason: docker.serverVersion ? `Docker ${docker.serverVersion} is available` : 'Docker is available' };
  if (await javaAvailable()) return { engine: 'jvm', reason: `${docker.reason}; using the local Java instead` };
  throw new UserError(`cannot start a local broker: ${docker.reason}, and Java is not installed (the JVM engine needs Java 17 or newer)`);
}

/**
 * The image the Docker engine runs: `image`, else apache/kafka:<kafkaVersion>, else
 * $KAFKA_LOG_LAB_DOCKER_IMAGE (e.g. a locally built image), else the pinned default.
 */
export function dockerImageFor(options: Pick<LocalBrokerOptions, 'image' | 'kafkaVersion'>, env = process.env): string {
  if (options.image) return options.image;
  if (options.kafkaVersion) return `apache/kafka:${options.kafkaVersion}`;
  return env.KAFKA_LOG_LAB_DOCKER_IMAGE || DEFAULT_DOCKER_IMAGE;
}

export async function startLocalBroker(options: LocalBrokerOptions = {}): Promise<LocalBroker> {
  const choice = options.engine ?? 'auto';
  const { engine, reason } = await resolveEngine(choice, options.signal);
  options.onProgress?.(`Engine: ${engine} (${reason})`);
  if (engine === 'jvm') return startJvm(options, reason);
  const dockerOptions: DockerBrokerOptions = {
    port: options.port,
    image: dockerImageFor(options),
    volume: options.volume,
    name: options.name,
    readyTimeoutMs: options.readyTimeoutMs,
    onProgress: options.onProgress,
    signal: options.signal,
  };
  try {
    return { ...(await startDockerBroker(dockerOptions)), engineReason: reason };
  } catch (e) {
    // Offline with no image: `auto` still gets a broker, on the local Java.
    if (choice !== 'auto' || (e as DockerError).kind !== 'image-missing' || !(await javaAvailable())) throw e;
    const fallback = `Docker is available but ${(e as Error).message}; using the local Java instead`;
    options.onProgress?.(`Engine: jvm (${fallback})`);
    return startJvm(options, fallback);
  }
}

async function startJvm(options: LocalBrokerOptions, reason: string): Promise<LocalBroker> {
  const jvmOptions: JvmBrokerOptions = {
    port: options.port,
    kafkaVersion: options.kafkaVersion,
    dataDir: options.dataDir,
    detached: options.detached,
    readyTimeoutMs: options.readyTimeoutMs,
    onProgress: options.onProgress,
    signal: options.signal,
  };
  const broker = await startJvmBroker(jvmOptions);
  return { ...broker, engineReason: reason };
}
