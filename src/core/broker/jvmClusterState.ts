// A JVM cluster started by `broker start --nodes N --engine jvm` outlives the CLI, and a node
// that is down must still be known to `broker start --node K`: the cluster's layout and each
// node's pid live in one record file beside the single-broker records (a different extension,
// so the broker listing never reads it as a broker).
import fs from 'node:fs';
import path from 'node:path';
import { isRecordedBroker, stateDir } from './brokerState';
import type { ClusterNodeLayout } from './jvmClusterConfig';

export interface ClusterNodeRecord extends ClusterNodeLayout {
  /** The node's JVM; absent once stopped by us. */
  pid?: number;
}

export interface JvmClusterRecord {
  engine: 'jvm';
  bootstrap: string;
  dataDir: string;
  /** The data dir was a temp dir we created, so stopping the cluster removes it. */
  ownsDataDir: boolean;
  kafkaVersion: string;
  startedAt: string;
  nodes: ClusterNodeRecord[];
}

export type NodeState = 'up' | 'down';

export interface ClusterNodeStatus {
  nodeId: number;
  port: number;
  bootstrap: string;
  pid?: number;
  state: NodeState;
  /** The active controller of the quorum, as the running nodes' quorum state says. */
  controller: boolean;
}

const RECORD_FILE = 'jvm-cluster.state';

function recordFile(): string {
  return path.join(stateDir(), RECORD_FILE);
}

export function saveClusterRecord(record: JvmClusterRecord): void {
  fs.mkdirSync(stateDir(), { recursive: true });
  fs.writeFileSync(recordFile(), JSON.stringify(record, null, 2));
}

export function loadClusterRecord(): JvmClusterRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(recordFile(), 'utf8')) as JvmClusterRecord;
  } catch {
    return undefined;
  }
}

export function removeClusterRecord(): void {
  fs.rmSync(recordFile(), { force: true });
}

/** The node's JVM pid when it is still that node's Kafka process (checked as for single brokers). */
export function livePid(node: ClusterNodeRecord): number | undefined {
  return node.pid !== undefined && isRecordedBroker(node.pid, node.dir) ? node.pid : undefined;
}

export interface QuorumState {
  leaderId: number;
  leaderEpoch: number;
}

/** KRaft's own record of who leads the metadata quorum, kept in every node's log dir. */
export function readQuorumState(nodeDir: string): QuorumState | undefined {
  const file = path.join(nodeDir, 'kraft-logs', '__cluster_metadata-0', 'quorum-state');
  try {
    return parseQuorumState(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The leader and epoch in a `quorum-state` file's text, or undefined when it has none. */
export function parseQuorumState(text: string): QuorumState | undefined {
  try {
    const state = JSON.parse(text) as Partial<QuorumState>;
    if (typeof state.leaderId !== 'number' || typeof state.leaderEpoch !== 'number') return undefined;
    return { leaderId: state.leaderId, leaderEpoch: state.leaderEpoch };
  } catch {
    return undefined;
  }
}

/**
 * The active controller: the leader of the newest epoch any running node has seen. A node that
 * is down keeps a stale file, so only running nodes are asked; -1 means no leader yet.
 */
export function activeController(nodes: ClusterNodeRecord[], running: (n: ClusterNodeRecord) => boolean): number {
  let best: QuorumState | undefined;
  for (const node of nodes.filter(running)) {
    const state = readQuorumState(node.dir);
    if (state && (!best || state.leaderEpoch > best.leaderEpoch)) best = state;
  }
  return best?.leaderId ?? -1;
}

/** Each node: up (its JVM runs) or down, and which one is the active controller. */
export function clusterNodeStatus(record: JvmClusterRecord): ClusterNodeStatus[] {
  const pids = new Map(record.nodes.map((n) => [n.nodeId, livePid(n)]));
  const controller = activeController(record.nodes, (n) => pids.get(n.nodeId) !== undefined);
  return record.nodes.map((n) => ({
    nodeId: n.nodeId,
    port: n.port,
    bootstrap: `127.0.0.1:${n.port}`,
    pid: pids.get(n.nodeId),
    state: pids.get(n.nodeId) !== undefined ? 'up' : 'down',
    controller: n.nodeId === controller && pids.get(n.nodeId) !== undefined,
  }));
}
