// Per-node control of the Docker cluster (`broker stop|start|kill --node K`, the replication
// lab's script): each node is one container, so stop is `docker stop` (Kafka's clean shutdown),
// kill is SIGKILL to the container and start is `docker start` plus a wait until it answers.
// The same ClusterNodeControl as the JVM cluster, so the lab and the CLI use either engine.
import { UserError } from '../errors';
import type { ClusterNodeControl } from '../replication/clusterWatch';
import { runDocker } from './dockerCli';
import { dockerBrokerStatus } from './dockerBroker';
import { IMAGE_DATA_DIR, type ManagedContainer } from './dockerBrokerArgs';
import { DEFAULT_CLUSTER_NAME } from './dockerClusterArgs';
import { waitForContainer } from './dockerReadiness';
import { parseQuorumState, type ClusterNodeStatus, type QuorumState } from './jvmClusterState';

const QUORUM_STATE_FILE = `${IMAGE_DATA_DIR}/__cluster_metadata-0/quorum-state`;
/**
 * How long the nodes' quorum state is reused while the same nodes run: reading it is one
 * `docker exec` per node, too costly for the lab's twice-a-second poll on a small machine.
 */
export const QUORUM_REUSE_MS = 2000;

/** The quorum states read at `atMs` from the nodes running then (`running`, their names joined). */
export interface QuorumReading {
  running: string;
  atMs: number;
  states: Array<QuorumState | undefined>;
}

/** Whether `last` still stands for the nodes running now: same nodes, recent enough. Pure. */
export function quorumReadingFresh(last: QuorumReading | undefined, running: string, nowMs: number): boolean {
  return last !== undefined && last.running === running && nowMs - last.atMs < QUORUM_REUSE_MS;
}

/** The node id in a cluster container's name (`<cluster>-<id>`), or NaN. */
export function dockerNodeId(cluster: string, container: ManagedContainer): number {
  return container.name.startsWith(`${cluster}-`) ? Number(container.name.slice(cluster.length + 1)) : NaN;
}

/** The cluster's containers by node id; every container must carry the cluster's label. */
export function dockerClusterNodes(cluster: string, containers: ManagedContainer[]): Map<number, ManagedContainer> {
  const nodes = new Map<number, ManagedContainer>();
  for (const c of containers) {
    const id = dockerNodeId(cluster, c);
    if (c.cluster === cluster && Number.isInteger(id) && id > 0) nodes.set(id, c);
  }
  return new Map([...nodes].sort(([a], [b]) => a - b));
}

/** Node states from the containers and the quorum state the running nodes hold. Pure. */
export function dockerNodeStatus(
  nodes: Map<number, ManagedContainer>,
  quorum: Array<QuorumState | undefined>,
): ClusterNodeStatus[] {
  // The leader of the newest epoch a running node has seen; a stopped node's file is stale.
  let best: QuorumState | undefined;
  for (const state of quorum) if (state && (!best || state.leaderEpoch > best.leaderEpoch)) best = state;
  return [...nodes].map(([nodeId, c]) => ({
    nodeId,
    port: c.port,
    bootstrap: c.bootstrap,
    state: c.running ? 'up' : 'down',
    controller: c.running && best?.leaderId === nodeId,
  }));
}

async function quorumStateIn(container: string): Promise<QuorumState | undefined> {
  return runDocker(['exec', container, 'cat', QUORUM_STATE_FILE], { timeoutMs: 10000 }).then(
    ({ stdout }) => parseQuorumState(stdout),
    () => undefined,
  );
}

export class DockerClusterControl implements ClusterNodeControl {
  private quorum: QuorumReading | undefined;

  constructor(readonly cluster = DEFAULT_CLUSTER_NAME) {}

  /** The cluster's containers by node id (empty when there is no such cluster). */
  async nodes(): Promise<Map<number, ManagedContainer>> {
    return dockerClusterNodes(this.cluster, await dockerBrokerStatus());
  }

  async status(): Promise<ClusterNodeStatus[]> {
    const nodes = await this.nodes();
    const running = [...nodes.values()].filter((c) => c.running).map((c) => c.name);
    return dockerNodeStatus(nodes, await this.quorumStates(running));
  }

  /** The running nodes' quorum states, read again when the nodes change or the last reading ages. */
  private async quorumStates(running: string[]): Promise<Array<QuorumState | undefined>> {
    const key = running.join(',');
    if (quorumReadingFresh(this.quorum, key, Date.now())) return this.quorum!.states;
    const atMs = Date.now();
    const states = await Promise.all(running.map(quorumStateIn));
    this.quorum = { running: key, atMs, states };
    return states;
  }

  /** `docker stop`: SIGTERM, so Kafka moves its leaderships away and shuts down cleanly. */
  async stopNode(nodeId: number): Promise<boolean> {
    const node = await this.node(nodeId);
    if (!node.running) return false;
    await runDocker(['stop', '-t', '30', node.name], { timeoutMs: 60000 });
    return true;
  }

  /** SIGKILL to the container: the crash case, no controlled shutdown. */
  async killNode(nodeId: number): Promise<boolean> {
    const node = await this.node(nodeId);
    if (!node.running) return false;
    await runDocker(['kill', '--signal', 'KILL', node.name], { timeoutMs: 30000 });
    return true;
  }

  /** `docker start` of a node that is down, then waits until it answers; false when it was up. */
  async startNode(nodeId: number, readyTimeoutMs = 120000, signal?: AbortSignal): Promise<boolean> {
    const node = await this.node(nodeId);
    if (node.running) return false;
    await runDocker(['start', node.name], { signal, timeoutMs: 60000 });
    await waitForContainer(node.name, node.bootstrap, { timeoutMs: readyTimeoutMs, signal, progress: () => undefined });
    return true;
  }

  private async node(nodeId: number): Promise<ManagedContainer> {
    const nodes = await this.nodes();
    const node = nodes.get(nodeId);
    if (node) return node;
    if (nodes.size === 0)
      throw new UserError(
        `no Docker cluster ${this.cluster} from kafka-log-lab is known (start one: broker start --nodes 3)`,
      );
    throw new UserError(`the Docker cluster has no node ${nodeId} (its nodes are ${[...nodes.keys()].join(', ')})`);
  }
}
