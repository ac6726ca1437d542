// The configured clusters (settings), the active one, their secrets (SecretStorage only)
// and the Kafka clients built from them: the one place a cluster becomes a connection.
import * as vscode from 'vscode';
import { createKafkaClient, DEFAULT_BROKERS, parseBrokerList } from '../../core/kafka/client';
import { describeError, UserError } from '../../core/errors';
import {
  describeSecurity,
  shortSecurityLabel,
  securityWarnings,
  toClientSecurity,
  type ConnectionSpec,
} from '../../core/kafka/connection/connectionSpec';
import { checkSpec } from '../../core/kafka/connection/specChecks';
import type { KafkaClient, KafkaConnection } from '../../core/kafka/ports';
import type { HostLog } from '../log';
import { onDidChangeSettings, readSettings, writeActiveCluster, writeClusters, type ClusterConfig } from '../settings';
import { ClusterSecretStore } from './clusterSecrets';
import { clusterSpec, missingLogin, type ClusterSecrets } from './clusterSecurity';
import { Prompter } from './prompts';

/** Used by commands when nothing is configured: where "Start Local Broker" listens by default. */
export const DEFAULT_CLUSTER: ClusterConfig = { name: 'local', bootstrapServers: DEFAULT_BROKERS };

/** Explorer queries should fail fast; producing may wait a little longer for a busy broker. */
export type ClientPurpose = 'explorer' | 'work';

/** `host:port` entries, or the reason the text is not a bootstrap list (core's rule and wording). */
export function parseBootstrapServers(text: string): { brokers: string[] } | { error: string } {
  try {
    return { brokers: parseBrokerList(text, 'bootstrap servers') };
  } catch (e) {
    return { error: describeError(e) };
  }
}

/** Why `text` is not a bootstrap list, or undefined when it is one. */
export function bootstrapProblem(text: string): string | undefined {
  const parsed = parseBootstrapServers(text);
  return 'error' in parsed ? parsed.error : undefined;
}

/** The title of the box that asks for a missing SASL password or token. */
function secretTitle(kind: 'token' | 'password', user: string | undefined, cluster: string): string {
  if (kind === 'token')
    return vscode.l10n.t('Kafka Log Lab: token for {0} on "{1}"', user ?? vscode.l10n.t('the user'), cluster);
  return vscode.l10n.t('Kafka Log Lab: password for {0} on "{1}"', user ?? vscode.l10n.t('the user'), cluster);
}

/** Short form for a row's description: the addresses and, when secured, "(SSL, SASL PLAIN)". */
export function describeCluster(c: ClusterConfig): string {
  let security: string;
  try {
    const spec = clusterSpec(c, undefined);
    security = shortSecurityLabel(spec);
  } catch {
    security = vscode.l10n.t('security settings need attention');
  }
  return security ? `${c.bootstrapServers} (${security})` : c.bootstrapServers;
}

const workspaceRoot = (): string | undefined => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;

/** The security in words, e.g. "SASL_SSL · SCRAM-SHA-512 (alice) · CA: ca.pem" (no secrets). */
export function describeClusterSecurity(c: ClusterConfig): string {
  try {
    const spec = clusterSpec(c, workspaceRoot());
    return [describeSecurity(spec), ...securityWarnings(spec)].join('\n');
  } catch (e) {
    return describeError(e);
  }
}

export class ClusterRegistry implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the cluster list or the active cluster changes. */
  readonly onDidChange = this.changed.event;
  private readonly clients = new Map<string, KafkaClient>();
  private readonly subscription: vscode.Disposable;
  private readonly secrets: ClusterSecretStore;
  /** Warnings (certificate checks off…) already written to the log, once per cluster setting. */
  private readonly warned = new Set<string>();

  constructor(
    storage: vscode.SecretStorage,
    private readonly log: HostLog,
    /** Every question the cluster commands ask goes through it. */
    readonly prompter = new Prompter(),
  ) {
    this.secrets = new ClusterSecretStore(storage);
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

  /**
   * Adds or replaces the cluster called `cluster.name`. Given `secrets` replace the stored ones
   * (a kind left out is deleted); without them the stored secrets stay.
   */
  async save(cluster: ClusterConfig, secrets?: ClusterSecrets): Promise<void> {
    const others = this.list().filter((c) => c.name !== cluster.name);
    if (secrets !== undefined) await this.secrets.store(cluster.name, secrets, true);
    await writeClusters([...others, cluster]);
    // A client made with the old secrets must not be reused when the settings did not change.
    this.clients.clear();
    this.log.info(`[clusters] saved "${cluster.name}" at ${describeCluster(cluster)}`);
  }

  async remove(name: string): Promise<void> {
    await writeClusters(this.list().filter((c) => c.name !== name));
    await this.secrets.delete(name);
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

  /** How to reach `cluster`: addresses, timeouts and its TLS and SASL settings with their secrets. */
  async connection(
    cluster: ClusterConfig,
    purpose: ClientPurpose,
    clientId = 'kafka-log-lab-vscode',
  ): Promise<KafkaConnection> {
    const parsed = parseBootstrapServers(cluster.bootstrapServers);
    if ('error' in parsed) throw new UserError(vscode.l10n.t('cluster "{0}": {1}', cluster.name, parsed.error));
    const spec = await this.spec(cluster);
    checkSpec(spec, `cluster "${cluster.name}"`);
    // Certificate files are read here: a missing one is named, with the cluster it belongs to.
    const security = await toClientSecurity(spec).catch((e: unknown) => {
      throw new UserError(vscode.l10n.t('cluster "{0}": {1}', cluster.name, describeError(e)));
    });
    this.warnOnce(cluster, security.warnings);
    return {
      brokers: parsed.brokers,
      clientId,
      ssl: security.ssl,
      sasl: security.sasl,
      connectionTimeoutMs: 3000,
      retries: purpose === 'explorer' ? 1 : 3,
      maxRetryTimeMs: purpose === 'explorer' ? 1500 : 5000,
      // The client's levels kept: its stack traces are debug lines, out of sight by default.
      log: (level, message) => this.log[level](`[kafka] ${message}`),
    };
  }

  /** The cluster's spec with its secrets; a missing SASL password or token is asked for once. */
  private async spec(cluster: ClusterConfig): Promise<ConnectionSpec> {
    const secrets = await this.secrets.get(cluster.name);
    const spec = clusterSpec(cluster, workspaceRoot(), secrets);
    const missing = missingLogin(spec).filter((m) => m !== 'username');
    if (missing.length === 0 || !spec.sasl) return spec;
    const kind = missing[0] === 'token' ? 'token' : 'password';
    const entered = await this.prompter.text({
      title: secretTitle(kind, cluster.username, cluster.name),
      prompt: vscode.l10n.t("Stored in VS Code's secret storage, never in settings."),
      password: true,
    });
    if (typeof entered !== 'string') throw new vscode.CancellationError();
    await this.secrets.store(cluster.name, { [kind]: entered }, false);
    return clusterSpec(cluster, workspaceRoot(), { ...secrets, [kind]: entered });
  }

  private warnOnce(cluster: ClusterConfig, warnings: string[]): void {
    for (const warning of warnings) {
      const key = `${cluster.name}\0${warning}`;
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      this.log.warn(`[clusters] "${cluster.name}": ${warning}`);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.clients.clear();
  }
}
