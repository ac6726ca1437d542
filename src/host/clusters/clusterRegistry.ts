// The configured clusters (settings), the active one, their passwords (SecretStorage only)
// and the Kafka clients built from them.
import * as vscode from 'vscode';
import { createKafkaClient, DEFAULT_BROKERS, parseBrokerList } from '../../core/kafka/client';
import { describeError } from '../../core/errors';
import type { KafkaClient, KafkaConnection } from '../../core/kafka/ports';
import type { HostLog } from '../log';
import { onDidChangeSettings, readSettings, writeActiveCluster, writeClusters, type ClusterConfig } from '../settings';

/** Used by commands when nothing is configured: where "Start Local Broker" listens by default. */
export const DEFAULT_CLUSTER: ClusterConfig = { name: 'local', bootstrapServers: DEFAULT_BROKERS };

/** Explorer queries should fail fast; producing may wait a little longer for a busy broker. */
export type ClientPurpose = 'explorer' | 'work';

const secretKey = (name: string) => `kafkaLogLab.password.${name}`;

/** `host:port` entries, or the reason the text is not a bootstrap list (core's rule and wording). */
export function parseBootstrapServers(text: string): { brokers: string[] } | { error: string } {
  try {
    return { brokers: parseBrokerList(text, 'bootstrap servers') };
  } catch (e) {
    return { error: describeError(e) };
  }
}

export function describeCluster(c: ClusterConfig): string {
  const security = [c.ssl ? 'SSL' : '', c.saslMechanism && c.saslMechanism !== 'none' ? `SASL ${c.saslMechanism.toUpperCase()}` : '']
    .filter(Boolean)
    .join(', ');
  return security ? `${c.bootstrapServers} (${security})` : c.bootstrapServers;
}

export class ClusterRegistry implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the cluster list or the active cluster changes. */
  readonly onDidChange = this.changed.event;
  private readonly clients = new Map<string, KafkaClient>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage, private readonly log: HostLog) {
    this.subscription = onDidChangeSettings(() => {
      this.clients.clear();
      this.changed.fire();
    });
  }

  list(): ClusterConfig[] {
    return readSettings().clusters;
  }

  isConfigured(): boolean {
    return this.list().length > 0;
  }

  find(name: string): ClusterConfig | undefined {
    return this.list().find((c) => c.name === name);
  }

  /** The selected cluster, else the first configured, else localhost:9092. */
  active(): ClusterConfig {
    const { clusters, activeCluster } = readSettings();
    return clusters.find((c) => c.name === activeCluster) ?? clusters[0] ?? DEFAULT_CLUSTER;
  }

  isActive(name: string): boolean {
    return this.active().name === name;
  }

  /** Adds or replaces the cluster called `cluster.name`; the password goes to SecretStorage. */
  async save(cluster: ClusterConfig, password?: string): Promise<void> {
    const others = this.list().filter((c) => c.name !== cluster.name);
    if (password !== undefined) await this.secrets.store(secretKey(cluster.name), password);
    await writeClusters([...others, cluster]);
    this.log.info(`[clusters] saved "${cluster.name}" at ${describeCluster(cluster)}`);
  }

  async remove(name: string): Promise<void> {
    await writeClusters(this.list().filter((c) => c.name !== name));
    await this.secrets.delete(secretKey(name));
    if (readSettings().activeCluster === name) await writeActiveCluster('');
    this.log.info(`[clusters] removed "${name}"`);
  }

  async select(name: string): Promise<void> {
    await writeActiveCluster(name);
    this.log.info(`[clusters] active cluster is now "${name}"`);
  }

  /** A client for `cluster`, reused until the settings change. Loads kafkajs on first use. */
  async client(cluster: ClusterConfig, purpose: ClientPurpose = 'work'): Promise<KafkaClient> {
    const key = `${purpose}\0${JSON.stringify(cluster)}`;
    const cached = this.clients.get(key);
    if (cached) return cached;
    const client = createKafkaClient(await this.connection(cluster, purpose));
    this.clients.set(key, client);
    return client;
  }

  private async connection(cluster: ClusterConfig, purpose: ClientPurpose): Promise<KafkaConnection> {
    const parsed = parseBootstrapServers(cluster.bootstrapServers);
    if ('error' in parsed) throw new Error(`cluster "${cluster.name}": ${parsed.error}`);
    const connection: KafkaConnection = {
      brokers: parsed.brokers,
      clientId: 'kafka-log-lab-vscode',
      ssl: cluster.ssl || undefined,
      connectionTimeoutMs: 3000,
      retries: purpose === 'explorer' ? 1 : 3,
      maxRetryTimeMs: purpose === 'explorer' ? 1500 : 5000,
      log: (level, message) => (level === 'error' ? this.log.error(`[kafka] ${message}`) : this.log.warn(`[kafka] ${message}`)),
    };
    const mechanism = cluster.saslMechanism;
    if (mechanism && mechanism !== 'none') {
      const password = await this.password(cluster);
      connection.sasl = { mechanism, username: cluster.username ?? '', password };
    }
    return connection;
  }

  /** The stored password, or asks for it once and stores it. */
  private async password(cluster: ClusterConfig): Promise<string> {
    const stored = await this.secrets.get(secretKey(cluster.name));
    if (stored !== undefined) return stored;
    const entered = await vscode.window.showInputBox({
      title: `Kafka Log Lab: password for ${cluster.username ?? 'the user'} on "${cluster.name}"`,
      password: true,
      ignoreFocusOut: true,
      prompt: 'Stored in VS Code\'s secret storage, never in settings.',
    });
    if (entered === undefined) throw new vscode.CancellationError();
    await this.secrets.store(secretKey(cluster.name), entered);
    return entered;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.clients.clear();
  }
}
