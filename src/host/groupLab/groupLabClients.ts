// Kafka clients for a lab run in the editor. Each member gets a client of its own under its
// own client id (so the group description tells them apart), connecting like the Kafka view
// does: SSL from the cluster's settings. A cluster with SASL needs the password from the
// secret storage, so its members share the Kafka view's client (and its client id).
import { createKafkaClient } from '../../core/kafka/client';
import type { KafkaClient, KafkaConnection } from '../../core/kafka/ports';
import type { GroupLabDeps } from '../../core/lab/groupLab';
import type { ClusterRegistry } from '../clusters/clusterRegistry';
import type { ClusterConfig } from '../settings';

/** The part of the Kafka view's cluster registry the lab uses. */
export type LabClusterLookup = Pick<ClusterRegistry, 'find' | 'active' | 'client'>;

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
  if (named && named.saslMechanism && named.saslMechanism !== 'none') {
    const shared = await clusters!.client(named, 'work');
    return { client: shared, memberClient: () => ({ client: shared, clientId: 'kafka-log-lab-vscode' }) };
  }
  const connect = (clientId: string): KafkaClient =>
    createKafkaClient({
      brokers: target.brokers,
      clientId,
      ssl: named?.ssl || undefined,
      connectionTimeoutMs: 3000,
      log,
    });
  return {
    client: connect('kafka-log-lab-group-lab'),
    memberClient: (clientId) => ({ client: connect(clientId), clientId }),
  };
}
