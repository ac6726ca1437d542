// Kafka clients for a lab run in the editor. Each member gets a client of its own under its
// own client id (so the group description tells them apart), connecting exactly as the Kafka
// view does: the cluster's TLS and SASL settings with their secrets, resolved once per run.
import { createKafkaClient } from '../../core/kafka/client';
import type { KafkaClient, KafkaConnection } from '../../core/kafka/ports';
import type { GroupLabDeps } from '../../core/lab/groupLab';
import type { ClusterRegistry } from '../clusters/clusterRegistry';
import type { ClusterConfig } from '../settings';

/** The part of the Kafka view's cluster registry the lab uses. */
export type LabClusterLookup = Pick<ClusterRegistry, 'find' | 'active' | 'connection'>;

export interface LabTarget {
  brokers: string[];
  /** A configured cluster with these brokers, when there is one. */
  clusterName?: string;
}

export async function labClients(
  target: LabTarget,
  clusters: LabClusterLookup | undefined,
  warn: (line: string) => void,
): Promise<Pick<GroupLabDeps, 'client' | 'memberClient'>> {
  const named: ClusterConfig | undefined = target.clusterName ? clusters?.find(target.clusterName) : undefined;
  const log: KafkaConnection['log'] = (level, message) => {
    if (level === 'error' || level === 'warn') warn(`[group lab] kafka: ${message}`);
  };
  const base: KafkaConnection = named
    ? // Members keep the client library's own, more patient retries, as with an unnamed cluster.
      { ...(await clusters!.connection(named, 'work')), retries: undefined, maxRetryTimeMs: undefined, log }
    : { brokers: target.brokers, connectionTimeoutMs: 3000, log };
  const connect = (clientId: string): KafkaClient => createKafkaClient({ ...base, clientId });
  return {
    client: connect('kafka-log-lab-group-lab'),
    memberClient: (clientId) => ({ client: connect(clientId), clientId }),
  };
}
