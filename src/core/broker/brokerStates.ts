// Each broker of a cluster as the Kafka view shows it: the brokers the cluster's metadata lists
// are up; a node of the local JVM or Docker cluster that the metadata lacks is down, or
// starting while its JVM or container runs. The metadata never lists a broker that is down, so
// only a cluster this machine started can show one.
import type { ClusterInfo } from '../kafka/ports';
import { listBrokerRecords, type BrokerRecord } from './brokerState';
import { DockerClusterControl } from './dockerClusterControl';
import { DEFAULT_CLUSTER_NAME } from './dockerClusterArgs';
import { clusterNodeStatus, loadClusterRecord, type ClusterNodeStatus, type JvmClusterRecord } from './jvmClusterState';

export interface BrokerState {
  nodeId: number;
  host: string;
  port: number;
  state: 'up' | 'down' | 'starting';
  controller: boolean;
}

/** True when one of `bootstrap`'s addresses is 127.0.0.1 or localhost on one of `ports`. */
function namesLocalPort(bootstrap: string[], ports: Set<number>): boolean {
  return bootstrap.some((b) => {
    const match = /^(127\.0\.0\.1|localhost):(\d+)$/.exec(b.trim());
    return match !== null && ports.has(Number(match[2]));
  });
}

/** The local JVM cluster's nodes when `bootstrap` names one of them, else undefined. */
export function localClusterNodes(
  bootstrap: string[],
  record: JvmClusterRecord | undefined = loadClusterRecord(),
): ClusterNodeStatus[] | undefined {
  if (!record) return undefined;
  return namesLocalPort(bootstrap, new Set(record.nodes.map((n) => n.port))) ? clusterNodeStatus(record) : undefined;
}

/**
 * The Docker cluster's nodes when `bootstrap` names one of the ports `broker start --nodes N`
 * recorded for its containers, else undefined (Docker is asked only then).
 */
export async function localDockerClusterNodes(
  bootstrap: string[],
  {
    records = listBrokerRecords(),
    cluster = DEFAULT_CLUSTER_NAME,
    status = () => new DockerClusterControl(cluster).status(),
  }: { records?: BrokerRecord[]; cluster?: string; status?: () => Promise<ClusterNodeStatus[]> } = {},
): Promise<ClusterNodeStatus[] | undefined> {
  const isNode = (r: BrokerRecord) => r.engine === 'docker' && r.containerName?.startsWith(`${cluster}-`);
  if (!namesLocalPort(bootstrap, new Set(records.filter(isNode).map((r) => r.port)))) return undefined;
  const nodes = await status().catch(() => undefined);
  return nodes?.length ? nodes : undefined;
}

/**
 * The metadata's brokers (up) and the local nodes it lacks, by node id. A local node whose JVM
 * does not run is down even when the metadata still lists it: a stopped broker stays listed
 * until the controller fences it, and for good when no controller quorum is left to do so.
 */
export function brokerStates(info: ClusterInfo, localNodes?: ClusterNodeStatus[]): BrokerState[] {
  const local = new Map((localNodes ?? []).map((n) => [n.nodeId, n]));
  // KRaft's metadata names any broker as "controller"; the local quorum state knows the real one.
  const isController = (id: number) => (localNodes ? local.get(id)?.controller === true : id === info.controllerId);
  const states: BrokerState[] = info.brokers.map((b) => ({
    ...b,
    state: local.get(b.nodeId)?.state === 'down' ? 'down' : 'up',
    controller: isController(b.nodeId),
  }));
  for (const node of local.values()) {
    if (states.some((s) => s.nodeId === node.nodeId)) continue;
    const state = node.state === 'up' ? 'starting' : 'down';
    states.push({ nodeId: node.nodeId, host: '127.0.0.1', port: node.port, state, controller: false });
  }
  return states.sort((a, b) => a.nodeId - b.nodeId);
}
