// A local multi-broker Kafka cluster in Docker (3 brokers by default), so replication, ISR and
// partition leadership can be watched on one machine. Same image contract, labels and
// 127.0.0.1-only publishing as the single broker; each node keeps its own named volume.
import { UserError } from '../errors';
import { createKafkaClient, withAdmin } from '../kafka/client';
import { runDocker, type DockerError } from './dockerCli';
import {
  chooseImage,
  choosePort,
  dockerBrokerStatus,
  provideImage,
  removeContainer,
  requireDocker,
} from './dockerBroker';
import {
  LABELS,
  kafkaVersionOfImage,
  volumeCreateArgs,
  type DockerImageRequest,
  type ManagedContainer,
} from './dockerBrokerArgs';
import {
  DEFAULT_CLUSTER_NAME,
  DEFAULT_CLUSTER_SIZE,
  clusterNetworkName,
  clusterNodeName,
  clusterRunArgs,
  clusterVolumeName,
  clusterVolumePrefix,
} from './dockerClusterArgs';
import { waitForContainer } from './dockerReadiness';

export interface DockerClusterOptions {
  /** Number of brokers (default 3). */
  size?: number;
  /** One host port per broker; default: the first free ports from 9092. */
  ports?: number[];
  /** An image to run whatever else is local; without it, see chooseDockerImage. */
  image?: string;
  /** Where `image` was named ("--image", a setting...), for messages. */
  imageSource?: string;
  /** Without `image`: the Kafka version of the official or project image (default: pinned). */
  kafkaVersion?: string;
  cluster?: string;
  heap?: string;
  readyTimeoutMs?: number;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

export interface RunningDockerCluster {
  engine: 'docker';
  cluster: string;
  /** Every broker's address, comma-separated: a client's bootstrap list. */
  bootstrap: string;
  brokers: Array<{ nodeId: number; containerName: string; bootstrap: string; port: number }>;
  image: string;
  /** Why this image runs, e.g. "present locally". */
  imageReason: string;
  kafkaVersion: string;
  startMs: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The cluster's containers, in node id order. */
async function nodesOf(cluster: string): Promise<ManagedContainer[]> {
  const nodeId = (c: ManagedContainer) => Number(c.name.slice(cluster.length + 1));
  return (await dockerBrokerStatus()).filter((c) => c.cluster === cluster).sort((a, b) => nodeId(a) - nodeId(b));
}

async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count)
    ports.push(await choosePort(undefined, ports.length ? ports[ports.length - 1] + 1 : undefined));
  return ports;
}

async function ensureNetwork(network: string, signal?: AbortSignal): Promise<void> {
  const exists = await runDocker(['network', 'inspect', network], { signal }).then(
    () => true,
    () => false,
  );
  if (!exists) await runDocker(['network', 'create', '--label', `${LABELS.managed}=true`, network], { signal });
}

/** How many brokers the metadata of the node at `bootstrap` lists (0 when it does not answer). */
function brokersSeenBy(bootstrap: string): Promise<number> {
  const client = createKafkaClient({ brokers: [bootstrap], retries: 0 });
  return withAdmin(client, (admin) => admin.describeCluster()).then(
    (c) => c.brokers.length,
    () => 0,
  );
}

/**
 * Waits until every node answers and every node's metadata lists all of them: each broker
 * learns of the others on its own, so one node listing all does not mean a client that reaches
 * another sees them too.
 */
async function waitForCluster(
  nodes: Array<{ name: string; bootstrap: string }>,
  options: DockerClusterOptions,
): Promise<void> {
  const progress = options.onProgress ?? (() => undefined);
  const timeoutMs = options.readyTimeoutMs ?? 180000;
  await Promise.all(
    nodes.map((n) => waitForContainer(n.name, n.bootstrap, { timeoutMs, signal: options.signal, progress })),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = Math.min(...(await Promise.all(nodes.map((n) => brokersSeenBy(n.bootstrap)))));
    if (seen === nodes.length) return;
    if (Date.now() > deadline)
      throw new UserError(
        `a node of the cluster lists ${seen} of ${nodes.length} brokers after ${Math.round(timeoutMs / 1000)} s`,
      );
    await sleep(500);
  }
}

function handle(
  cluster: string,
  image: string,
  imageReason: string,
  nodes: Array<{ name: string; port: number }>,
  t0: number,
): RunningDockerCluster {
  const brokers = nodes.map((n, i) => ({
    nodeId: i + 1,
    containerName: n.name,
    bootstrap: `127.0.0.1:${n.port}`,
    port: n.port,
  }));
  return {
    engine: 'docker',
    cluster,
    bootstrap: brokers.map((b) => b.bootstrap).join(','),
    brokers,
    image,
    imageReason,
    kafkaVersion: kafkaVersionOfImage(image) ?? 'unknown',
    startMs: Date.now() - t0,
    stop: () => stopDockerCluster(cluster),
  };
}

type ClusterNode = { name: string; port: number; bootstrap: string };

/** `docker run` for every node, then waits for them all; on failure removes what it created. */
async function runNodes(
  args: Parameters<typeof clusterRunArgs>[0],
  nodes: ClusterNode[],
  options: DockerClusterOptions,
): Promise<void> {
  const { signal } = options;
  const progress = options.onProgress ?? (() => undefined);
  const created: string[] = [];
  try {
    for (const [i, node] of nodes.entries()) {
      await runDocker(volumeCreateArgs(clusterVolumeName(args.cluster, i + 1)), { signal });
      progress(`Starting broker ${i + 1} of ${nodes.length} as ${node.name} on ${node.bootstrap}…`);
      try {
        await runDocker(clusterRunArgs(args, i + 1), { signal, timeoutMs: 120000, image: args.image });
      } catch (e) {
        // `docker run` may have created the container it could not start; on a name
        // conflict the container is someone else's and stays.
        if ((e as DockerError).kind !== 'name-conflict') created.push(node.name);
        throw e;
      }
      created.push(node.name);
    }
    await waitForCluster(nodes, options);
  } catch (e) {
    // Leave nothing half-started: a cluster with a missing voter never becomes ready.
    for (const name of created) await removeContainer(name);
    throw e;
  }
}

/** Starts (or starts again, or finds running) the cluster and waits until all brokers are in. */
export async function startDockerCluster(options: DockerClusterOptions = {}): Promise<RunningDockerCluster> {
  const t0 = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const { signal } = options;
  const cluster = options.cluster ?? DEFAULT_CLUSTER_NAME;
  const imageRequest: DockerImageRequest = {
    image: options.image,
    imageSource: options.imageSource,
    kafkaVersion: options.kafkaVersion,
  };
  const size = options.ports?.length ?? options.size ?? DEFAULT_CLUSTER_SIZE;
  if (size < 1 || size > 9) throw new UserError(`a local cluster has 1 to 9 brokers, not ${size}`);
  await requireDocker(signal);

  const choice = await chooseImage(imageRequest, signal);
  const { image } = choice;
  const existing = await nodesOf(cluster);
  const reusable =
    existing.length === size &&
    existing.every((c) => c.image === image) &&
    (!options.ports || options.ports.every((p, i) => existing[i]?.port === p));
  if (reusable) {
    // Never a pull: the containers' image is local.
    const imageReason = await provideImage(choice, imageRequest, progress, signal);
    const stopped = existing.filter((c) => !c.running);
    if (stopped.length) progress(`Starting the existing ${cluster} containers…`);
    for (const c of stopped) await runDocker(['start', c.name], { signal, timeoutMs: 60000 });
    const nodes = existing.map((c) => ({ name: c.name, port: c.port, bootstrap: c.bootstrap }));
    await waitForCluster(nodes, options);
    return handle(cluster, image, imageReason, nodes, t0);
  }
  // Another size, image or ports: recreate the containers; their volumes keep the data.
  for (const c of existing) await removeContainer(c.name);

  const ports = options.ports ?? (await freePorts(size));
  for (const port of options.ports ?? []) await choosePort(port);
  const imageReason = await provideImage(choice, imageRequest, progress, signal);
  await ensureNetwork(clusterNetworkName(cluster), signal);
  const nodes = ports.map((port, i) => ({
    name: clusterNodeName(cluster, i + 1),
    port,
    bootstrap: `127.0.0.1:${port}`,
  }));
  await runNodes({ cluster, image, ports, heap: options.heap }, nodes, options);
  return handle(cluster, image, imageReason, nodes, t0);
}

/** Stops every node of the cluster; containers, volumes and network stay for the next start. */
export async function stopDockerCluster(cluster = DEFAULT_CLUSTER_NAME): Promise<void> {
  const running = (await nodesOf(cluster)).filter((c) => c.running);
  await Promise.all(running.map((c) => runDocker(['stop', '-t', '30', c.name], { timeoutMs: 60000 })));
}

/** Removes the cluster's containers, volumes and network: all its topics are gone. */
export async function resetDockerCluster(
  cluster = DEFAULT_CLUSTER_NAME,
): Promise<{ containers: string[]; volumes: string[] }> {
  await requireDocker();
  const nodes = await nodesOf(cluster);
  for (const c of nodes) await removeContainer(c.name);
  // Also volumes whose containers are already gone (e.g. after a failed start).
  const { stdout } = await runDocker([
    'volume',
    'ls',
    '--filter',
    `label=${LABELS.managed}=true`,
    '--format',
    '{{.Name}}',
  ]);
  const leftovers = stdout.split('\n').filter((v) => v.startsWith(clusterVolumePrefix(cluster)));
  const volumes: string[] = [];
  for (const volume of new Set([...nodes.map((c) => c.volume), ...leftovers])) {
    await runDocker(['volume', 'rm', volume]).then(
      () => volumes.push(volume),
      (e: DockerError) => {
        if (!/no such volume/i.test(e.detail ?? e.message)) throw e;
      },
    );
  }
  await runDocker(['network', 'rm', clusterNetworkName(cluster)]).catch(() => undefined);
  return { containers: nodes.map((c) => c.name), volumes };
}
