// One entry point for "start a local broker", whatever runs it: Docker when it is available
// (the default), else Kafka's jars on the local Java. The choice and its reason are reported.
import { UserError } from '../errors';
import { detectDocker, startDockerBroker, type DockerBrokerOptions } from './dockerBroker';
import type { DockerError } from './dockerCli';
import type { DockerImageRequest } from './dockerBrokerArgs';
import { javaAvailable, startJvmBroker, type JvmBrokerOptions } from './jvmBroker';
import { locateJava, type JvmSetup } from './javaRuntime';

export type BrokerEngine = 'docker' | 'jvm';
export type EngineChoice = BrokerEngine | 'auto';

export interface LocalBrokerOptions {
  engine?: EngineChoice;
  port?: number;
  /** Kafka version: the JVM engine's jars, and the Docker image tag when `image` is not set. */
  kafkaVersion?: string;
  /** Docker only: an image that runs whatever else is local. */
  image?: string;
  /** Where `image` was named ("--image", a setting...), for messages. */
  imageSource?: string;
  volume?: string;
  name?: string;
  /** JVM only. */
  dataDir?: string;
  /** JVM only: Java home, download folder, proxy and download progress, as the host chooses them. */
  jvm?: JvmSetup;
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
  /** Docker only: why this image runs, e.g. "present locally". */
  imageReason?: string;
  alreadyRunning?: boolean;
  stop(): Promise<void>;
}

/** Which engine `choice` means on this machine, and why. Throws when neither can run. */
export async function resolveEngine(
  choice: EngineChoice,
  signal?: AbortSignal,
  jvm?: JvmSetup,
): Promise<{ engine: BrokerEngine; reason: string }> {
  if (choice === 'jvm') return { engine: 'jvm', reason: 'the JVM engine was requested' };
  if (choice === 'docker') return { engine: 'docker', reason: 'the Docker engine was requested' };
  const docker = await detectDocker(signal);
  if (docker.available)
    return {
      engine: 'docker',
      reason: docker.serverVersion ? `Docker ${docker.serverVersion} is available` : 'Docker is available',
    };
  const noJava = await locateJava(jvm).then(
    () => undefined,
    (e: Error) => e.message,
  );
  if (!noJava) return { engine: 'jvm', reason: `${docker.reason}; using the local Java instead` };
  throw new UserError(`cannot start a local broker: ${docker.reason}, and ${noJava}`);
}

export const DOCKER_IMAGE_VARIABLE = 'KAFKA_LOG_LAB_DOCKER_IMAGE';

/**
 * What the Docker engine is asked to run: `image`, else the images of `kafkaVersion`, else
 * $KAFKA_LOG_LAB_DOCKER_IMAGE, else the images of the pinned version (chooseDockerImage then
 * picks the official or the project's local image from what is present).
 */
export function dockerImageRequest(
  options: Pick<LocalBrokerOptions, 'image' | 'imageSource' | 'kafkaVersion'>,
  env = process.env,
): DockerImageRequest {
  if (options.image) return { image: options.image, imageSource: options.imageSource };
  if (options.kafkaVersion) return { kafkaVersion: options.kafkaVersion };
  const named = env[DOCKER_IMAGE_VARIABLE]?.trim();
  return named ? { image: named, imageSource: `$${DOCKER_IMAGE_VARIABLE}` } : {};
}

export async function startLocalBroker(options: LocalBrokerOptions = {}): Promise<LocalBroker> {
  const choice = options.engine ?? 'auto';
  const { engine, reason } = await resolveEngine(choice, options.signal, options.jvm);
  options.onProgress?.(`Engine: ${engine} (${reason})`);
  if (engine === 'jvm') return startJvm(options, reason);
  const dockerOptions: DockerBrokerOptions = {
    port: options.port,
    ...dockerImageRequest(options),
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
    if (choice !== 'auto' || (e as DockerError).kind !== 'image-missing' || !(await javaAvailable(options.jvm)))
      throw e;
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
    setup: options.jvm,
  };
  const broker = await startJvmBroker(jvmOptions);
  return { ...broker, engineReason: reason };
}
