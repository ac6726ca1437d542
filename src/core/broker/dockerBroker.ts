// The Docker engine of the local broker launcher: a single-node KRaft broker in a container
// from apache/kafka (or any image with the same KAFKA_* contract, such as the project's own
// local image), on 127.0.0.1 only, with a named volume so topics survive a restart.
// Containers are found again by their labels.
import { UserError } from '../errors';
import { DockerError, runDocker, streamDocker, type DockerFailureKind } from './dockerCli';
import {
  DEFAULT_BROKER_PORT,
  DEFAULT_VOLUME,
  LABELS,
  LIST_MANAGED_ARGS,
  chooseDockerImage,
  defaultContainerName,
  dockerImageProblem,
  dockerNameProblem,
  dockerRunArgs,
  imageCandidates,
  kafkaVersionOfImage,
  parseManagedContainers,
  pullFailureMessage,
  volumeCreateArgs,
  type DockerImageChoice,
  type DockerImageRequest,
  type ManagedContainer,
} from './dockerBrokerArgs';
import { firstFreePort, isPortFree } from './freePort';
import { waitForContainer } from './dockerReadiness';

export interface DockerDetection {
  available: boolean;
  /** Why Docker cannot be used, in words for the user. */
  reason?: string;
  kind?: DockerFailureKind;
  serverVersion?: string;
}

/** Is the docker CLI there and does its daemon answer (DOCKER_HOST and contexts respected)? */
export async function detectDocker(signal?: AbortSignal): Promise<DockerDetection> {
  try {
    const { stdout } = await runDocker(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 20000, signal });
    return { available: true, serverVersion: stdout.trim() };
  } catch (e) {
    const err = e as DockerError;
    return { available: false, reason: err.message, kind: err.kind ?? 'failed' };
  }
}

export interface DockerBrokerOptions {
  /** Host port on 127.0.0.1. Default 9092, or the next free one; an explicit port must be free. */
  port?: number;
  /** An image to run whatever else is local; without it, see chooseDockerImage. */
  image?: string;
  /** Where `image` was named ("--image", a setting...), for messages. */
  imageSource?: string;
  /** Without `image`: the Kafka version of the official or project image (default: pinned). */
  kafkaVersion?: string;
  volume?: string;
  name?: string;
  /** JVM heap flags for the broker (KAFKA_HEAP_OPTS). */
  heap?: string;
  readyTimeoutMs?: number;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

export interface RunningDockerBroker {
  engine: 'docker';
  bootstrap: string;
  port: number;
  containerName: string;
  volume: string;
  image: string;
  /** Why this image runs, e.g. "present locally". */
  imageReason: string;
  kafkaVersion: string;
  /** True when the broker was already running and was only found again. */
  alreadyRunning: boolean;
  startMs: number;
  stop(): Promise<void>;
}

/** Every container this launcher created, running or not. */
export async function dockerBrokerStatus(signal?: AbortSignal): Promise<ManagedContainer[]> {
  const { stdout } = await runDocker(LIST_MANAGED_ARGS, { signal, timeoutMs: 30000 });
  return parseManagedContainers(stdout);
}

/** Throws the DockerError that says why Docker cannot be used here. */
export async function requireDocker(signal?: AbortSignal): Promise<void> {
  const detected = await detectDocker(signal);
  if (!detected.available)
    throw new DockerError(detected.kind ?? 'failed', detected.reason ?? 'Docker is not available');
}

/** The `candidates` that are present locally (`docker image inspect`, no registry involved). */
async function localImagesAmong(candidates: string[], signal?: AbortSignal): Promise<Set<string>> {
  const present = await Promise.all(
    candidates.map(async (image) => {
      try {
        await runDocker(['image', 'inspect', '--format', '{{.Id}}', image], { signal, timeoutMs: 30000 });
        return image;
      } catch (e) {
        const kind = (e as DockerError).kind;
        if (kind !== 'image-missing' && kind !== 'failed') throw e;
        return undefined;
      }
    }),
  );
  return new Set(present.filter((image): image is string => image !== undefined));
}

/** The image to run, decided from the images present locally (see chooseDockerImage). */
export async function chooseImage(request: DockerImageRequest, signal?: AbortSignal): Promise<DockerImageChoice> {
  return chooseDockerImage(request, await localImagesAmong(imageCandidates(request), signal));
}

/**
 * Says which image runs and why, pulling it only when the choice needs a pull; a failed pull
 * says why and what else could have run. Returns the reason to report with the broker.
 */
export async function provideImage(
  choice: DockerImageChoice,
  request: DockerImageRequest,
  progress: (m: string) => void,
  signal?: AbortSignal,
): Promise<string> {
  if (!choice.pull) {
    progress(`Image: ${choice.image} (${choice.reason})`);
    return choice.reason;
  }
  progress(`Pulling ${choice.image} (${choice.reason})…`);
  const t0 = Date.now();
  try {
    await runDocker(['pull', choice.image], { signal, timeoutMs: 20 * 60000, image: choice.image });
  } catch (e) {
    const err = e as DockerError;
    // A cancel or an unusable Docker is not a missing image (which `auto` answers with Java).
    if (signal?.aborted || err.kind === 'daemon-down' || err.kind === 'permission-denied' || err.kind === 'cli-missing')
      throw err;
    const detail = err.detail ?? err.message;
    throw new DockerError('image-missing', pullFailureMessage(choice, request, detail), detail);
  }
  const took = `pulled in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
  progress(`${choice.image} ${took}`);
  return `${choice.reason}; ${took}`;
}

export async function removeContainer(name: string): Promise<void> {
  // -v removes the anonymous volumes the image declares; our named volume stays.
  await runDocker(['rm', '-f', '-v', name], { timeoutMs: 60000 }).catch(() => undefined);
}

/** The reason reported for a container that is only found again or restarted. */
const EXISTING_CONTAINER_IMAGE = 'the image of the existing container';

function handle(
  container: Pick<ManagedContainer, 'name' | 'port' | 'volume' | 'image'>,
  imageReason: string,
  alreadyRunning: boolean,
  t0: number,
): RunningDockerBroker {
  return {
    engine: 'docker',
    bootstrap: `127.0.0.1:${container.port}`,
    port: container.port,
    containerName: container.name,
    volume: container.volume,
    image: container.image,
    imageReason,
    kafkaVersion: kafkaVersionOfImage(container.image) ?? 'unknown',
    alreadyRunning,
    startMs: Date.now() - t0,
    stop: async () => {
      await stopDockerBroker({ name: container.name });
    },
  };
}

/** Starts (or finds running, or starts again) the broker container and waits until it is ready. */
/** Refuses names and images Docker would reject or read as options, before any docker call. */
function requireDockerValues(name: string | undefined, volume: string | undefined, image: string | undefined): void {
  const problem =
    (name === undefined ? undefined : dockerNameProblem('container name', name)) ??
    (volume === undefined ? undefined : dockerNameProblem('volume name', volume)) ??
    (image === undefined ? undefined : dockerImageProblem(image));
  if (problem) throw new UserError(problem);
}

/** What every step of a start shares. */
interface DockerStart {
  options: DockerBrokerOptions;
  t0: number;
  progress: (m: string) => void;
  signal?: AbortSignal;
  volume: string;
  readyTimeoutMs: number;
  imageRequest: DockerImageRequest;
  /** This launcher's containers as Docker listed them. */
  containers: ManagedContainer[];
}

async function prepareStart(options: DockerBrokerOptions): Promise<DockerStart> {
  const t0 = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const { signal } = options;
  const imageRequest = { image: options.image, imageSource: options.imageSource, kafkaVersion: options.kafkaVersion };
  const volume = options.volume ?? DEFAULT_VOLUME;
  requireDockerValues(options.name, volume, options.image);
  progress('Checking Docker…');
  await requireDocker(signal);
  const containers = await dockerBrokerStatus(signal);
  return {
    options,
    t0,
    progress,
    signal,
    volume,
    readyTimeoutMs: options.readyTimeoutMs ?? 120000,
    imageRequest,
    containers,
  };
}

/** The container already runs: wait until it answers (it may be starting) and use it. */
async function useRunning(start: DockerStart, existing: ManagedContainer): Promise<RunningDockerBroker> {
  const { port } = start.options;
  if (port !== undefined && port !== existing.port) {
    throw new UserError(
      `the local broker ${existing.name} already runs on ${existing.bootstrap}; stop it before starting one on port ${port}`,
    );
  }
  start.progress(`${existing.name} is already running on ${existing.bootstrap}`);
  const { readyTimeoutMs: timeoutMs, signal, progress } = start;
  await waitForContainer(existing.name, existing.bootstrap, { timeoutMs, signal, progress, stopOnFailure: false });
  return handle(existing, EXISTING_CONTAINER_IMAGE, true, start.t0);
}

/** Starts the stopped container again when nothing about it changed; undefined when it must be recreated. */
async function restartStopped(
  start: DockerStart,
  existing: ManagedContainer,
  choice: DockerImageChoice,
): Promise<RunningDockerBroker | undefined> {
  const { options, signal, progress } = start;
  const samePort = options.port === undefined || options.port === existing.port;
  const same = samePort && existing.image === choice.image && existing.volume === start.volume;
  if (!same || !(await isPortFree(existing.port))) return undefined;
  // Never a pull: the container's image is local.
  const imageReason = await provideImage(choice, start.imageRequest, progress, signal);
  progress(`Starting the existing container ${existing.name} on ${existing.bootstrap}…`);
  await runDocker(['start', existing.name], { signal, timeoutMs: 60000 });
  await waitForContainer(existing.name, existing.bootstrap, { timeoutMs: start.readyTimeoutMs, signal, progress });
  return handle(existing, imageReason, false, start.t0);
}

/** `docker run` on the chosen port; when another process takes that port meanwhile, the next one. */
async function runNewContainer(start: DockerStart, choice: DockerImageChoice, replaced?: string) {
  const { options, signal, progress, volume } = start;
  const { image } = choice;
  const explicitPort = options.port !== undefined;
  let port = await choosePort(options.port);
  const imageReason = await provideImage(choice, start.imageRequest, progress, signal);
  await runDocker(volumeCreateArgs(volume), { signal, timeoutMs: 30000 });
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) port = await choosePort(undefined, port + 1);
    const name = options.name ?? defaultContainerName(port);
    if (start.containers.some((c) => c.name === name && c.name !== replaced)) {
      throw new UserError(
        `a container named ${name} from kafka-log-lab already exists for another volume; remove it with "kafka-log-lab broker reset" or choose --name`,
      );
    }
    progress(`Starting ${image} as ${name} on 127.0.0.1:${port}…`);
    const started = await dockerRun({ name, image, port, volume, heap: options.heap }, signal, explicitPort, attempt);
    if (!started) continue;
    await waitForContainer(name, `127.0.0.1:${port}`, { timeoutMs: start.readyTimeoutMs, signal, progress });
    return handle({ name, port, volume, image }, imageReason, false, start.t0);
  }
}

/** False when the port was taken between our check and docker's bind and another may be tried. */
async function dockerRun(
  args: Parameters<typeof dockerRunArgs>[0],
  signal: AbortSignal | undefined,
  explicitPort: boolean,
  attempt: number,
): Promise<boolean> {
  try {
    await runDocker(dockerRunArgs(args), { signal, timeoutMs: 120000, image: args.image });
    return true;
  } catch (e) {
    const kind = (e as DockerError).kind;
    // The name belongs to a container we did not create: leave it alone.
    if (kind === 'name-conflict')
      throw new DockerError(
        kind,
        `a container named ${args.name} already exists and was not started by kafka-log-lab; choose another --name`,
      );
    // A failed `docker run` can leave the container it created behind.
    await removeContainer(args.name);
    if (kind === 'port-taken' && !explicitPort && attempt < 3) return false;
    throw e;
  }
}

export async function startDockerBroker(options: DockerBrokerOptions = {}): Promise<RunningDockerBroker> {
  const start = await prepareStart(options);
  const existing = start.containers.find((c) => (options.name ? c.name === options.name : c.volume === start.volume));
  if (existing?.running) return useRunning(start, existing);
  const choice = await chooseImage(start.imageRequest, start.signal);
  if (existing) {
    const restarted = await restartStopped(start, existing, choice);
    if (restarted) return restarted;
    // Another port, image or volume: recreate the container; a named volume keeps its topics.
    await removeContainer(existing.name);
  }
  return runNewContainer(start, choice, existing?.name);
}

/** The requested port if free (else a clear error), or the first free one from `from`. */
export async function choosePort(requested: number | undefined, from = DEFAULT_BROKER_PORT): Promise<number> {
  if (requested !== undefined) {
    if (!(await isPortFree(requested)))
      throw new DockerError('port-taken', `port ${requested} is taken by another process; choose another with --port`);
    return requested;
  }
  const port = await firstFreePort(from);
  if (port === undefined) throw new UserError(`no free port from ${from} to ${from + 49}; choose one with --port`);
  return port;
}

export interface DockerBrokerTarget {
  /** The container; default: every container of `volume` (default kafka-log-lab-data). */
  name?: string;
  volume?: string;
}

async function targets(target: DockerBrokerTarget): Promise<ManagedContainer[]> {
  const all = await dockerBrokerStatus();
  if (target.name) return all.filter((c) => c.name === target.name);
  return all.filter((c) => c.volume === (target.volume ?? DEFAULT_VOLUME));
}

/** Stops the broker container(s); the container and volume stay for the next start. */
export async function stopDockerBroker(target: DockerBrokerTarget = {}): Promise<string[]> {
  const found = (await targets(target)).filter((c) => c.running);
  // Kafka shuts down cleanly on SIGTERM; give it time before docker kills it.
  for (const c of found) await runDocker(['stop', '-t', '30', c.name], { timeoutMs: 60000 });
  return found.map((c) => c.name);
}

/** Restarts the broker container and waits until it answers again. */
export async function restartDockerBroker(
  target: DockerBrokerTarget & Pick<DockerBrokerOptions, 'readyTimeoutMs' | 'onProgress' | 'signal'> = {},
): Promise<RunningDockerBroker> {
  const t0 = Date.now();
  const [container] = await targets(target);
  if (!container) throw new UserError('there is no local Docker broker to restart; start one first');
  target.onProgress?.(`Restarting ${container.name}…`);
  await runDocker(['restart', '-t', '30', container.name], { timeoutMs: 120000, signal: target.signal });
  await waitForContainer(container.name, container.bootstrap, {
    timeoutMs: target.readyTimeoutMs ?? 120000,
    signal: target.signal,
    progress: target.onProgress ?? (() => undefined),
  });
  return handle(container, EXISTING_CONTAINER_IMAGE, false, t0);
}

/** Removes the broker container(s) and the data volume: every topic is gone. */
export async function resetDockerBroker(
  target: DockerBrokerTarget = {},
): Promise<{ containers: string[]; volumes: string[] }> {
  requireDockerValues(target.name, target.volume, undefined);
  await requireDocker();
  const found = await targets(target);
  for (const c of found) await removeContainer(c.name);
  const volumes = new Set(found.map((c) => c.volume).filter(Boolean));
  // A volume no container of ours uses any more is removed only when we created it.
  const named = target.name ? undefined : (target.volume ?? DEFAULT_VOLUME);
  if (named && (await volumeLabel(named)) === 'true') volumes.add(named);
  const removed: string[] = [];
  for (const volume of volumes) {
    try {
      await runDocker(['volume', 'rm', volume], { timeoutMs: 60000 });
      removed.push(volume);
    } catch (e) {
      if (!/no such volume/i.test((e as DockerError).detail ?? (e as Error).message)) throw e;
    }
  }
  return { containers: found.map((c) => c.name), volumes: removed };
}

/** The volume's kafka-log-lab label, or undefined when it does not exist. */
async function volumeLabel(volume: string): Promise<string | undefined> {
  const format = `{{index .Labels "${LABELS.managed}"}}`;
  return runDocker(['volume', 'inspect', '--format', format, volume], { timeoutMs: 30000 }).then(
    (r) => r.stdout.trim(),
    () => undefined,
  );
}

/** Streams the container's log lines (last `tail` lines, then new ones) until `signal` aborts. */
export async function streamDockerLogs(
  name: string,
  onLine: (line: string) => void,
  signal?: AbortSignal,
  options: { follow?: boolean; tail?: number } = {},
): Promise<void> {
  const args = ['logs', '--tail', String(options.tail ?? 200), ...(options.follow === false ? [] : ['-f']), name];
  await streamDocker(args, onLine, { signal });
}
