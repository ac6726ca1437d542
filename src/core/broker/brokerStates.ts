// Each broker of a cluster as the Kafka view shows it: the brokers the cluster's metadata lists
// are up; a node of the local JVM cluster (its record) that the metadata lacks is down, or
// starting while its JVM runs. The metadata never lists a broker that is down, so only a
// cluster this machine started can show one.
import type { ClusterInfo } from '../kafka/ports';
import { clusterNodeStatus, loadClusterRecord, type ClusterNodeStatus, type JvmClusterRecord } from './jvmClusterState';

export interface BrokerState {
  nodeId: number;
  host: string;
  port: number;
  state: 'up' | 'down' | 'starting';
  controller: boolean;
}

/** The local JVM cluster's nodes when `bootstrap` names one of them, else undefined. */
export function localClusterNodes(
  bootstrap: string[],
  record: JvmClusterRecord | undefined = loadClusterRecord(),
): ClusterNodeStatus[] | undefined {
  if (!record) return undefined;
  const ports = new Set(record.nodes.map((n) => n.port));
  const local = bootstrap.some((b) => {
    const match = /^(127\.0\.0\.1|localhost):(\d+)$/.exec(b.trim());
    return match !== null && ports.has(Number(match[2]));
  });
  return local ? clusterNodeStatus(record) : undefined;
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
