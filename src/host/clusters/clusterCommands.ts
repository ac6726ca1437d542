// "Add Cluster…", "Remove Cluster", "Select Active Cluster…". Interactive from the palette;
// tests and other commands pass the answers as an argument instead.
import * as vscode from 'vscode';
import type { SaslMechanism } from '../../core/kafka/ports';
import type { KafkaDeps } from '../deps';
import { registerCommand } from '../runCommand';
import type { ClusterConfig, SaslChoice } from '../settings';
import { askText, pickOne, stringField } from './clusterArgs';
import { DEFAULT_CLUSTER, describeCluster, parseBootstrapServers } from './clusterRegistry';

export interface AddClusterArgs extends ClusterConfig {
  password?: string;
  /** Make it the active cluster (default true). */
  activate?: boolean;
}

const SASL_CHOICES: Array<{ label: string; value: SaslChoice; description: string }> = [
  { label: 'No authentication', value: 'none', description: 'PLAINTEXT or SSL only' },
  { label: 'SASL/PLAIN', value: 'plain', description: 'user name and password' },
  { label: 'SASL/SCRAM-SHA-256', value: 'scram-sha-256', description: 'user name and password' },
  { label: 'SASL/SCRAM-SHA-512', value: 'scram-sha-512', description: 'user name and password' },
];

function validName(deps: KafkaDeps, name: string): string | vscode.InputBoxValidationMessage | undefined {
  if (!name.trim()) return 'Give the cluster a name';
  if (deps.clusters.find(name.trim())) {
    return { message: `Replaces the cluster "${name.trim()}" that is already configured`, severity: vscode.InputBoxValidationSeverity.Warning };
  }
  return undefined;
}

async function askCluster(deps: KafkaDeps): Promise<AddClusterArgs> {
  const title = 'Kafka Log Lab: Add Cluster';
  const bootstrapServers = await askText({
    title: `${title} (1/4)`,
    prompt: 'Bootstrap servers, comma-separated',
    value: DEFAULT_CLUSTER.bootstrapServers,
    validateInput: (text) => {
      const parsed = parseBootstrapServers(text);
      return 'error' in parsed ? parsed.error : undefined;
    },
  });
  const firstHost = parseBootstrapServers(bootstrapServers);
  const suggested = 'brokers' in firstHost && /^(localhost|127\.0\.0\.1):/.test(firstHost.brokers[0]) ? 'local' : ('brokers' in firstHost ? firstHost.brokers[0].split(':')[0] : '');
  const name = (await askText({ title: `${title} (2/4)`, prompt: 'A name for this cluster', value: suggested, validateInput: (t) => validName(deps, t) })).trim();
  const sasl = await pickOne(SASL_CHOICES, { title: `${title} (3/4)`, placeHolder: 'Authentication' });
  const ssl = await pickOne(
    [
      { label: 'Plain connection', value: false, description: 'PLAINTEXT / SASL_PLAINTEXT' },
      { label: 'Use SSL/TLS', value: true, description: 'SSL / SASL_SSL' },
    ],
    { title: `${title} (4/4)`, placeHolder: 'Encryption' },
  );
  const cluster: AddClusterArgs = { name, bootstrapServers: bootstrapServers.trim(), ssl: ssl.value, saslMechanism: sasl.value };
  if (sasl.value !== 'none') {
    cluster.username = await askText({ title, prompt: `User name for ${sasl.label}`, validateInput: (t) => (t.trim() ? undefined : 'Enter a user name') });
    cluster.password = await askText({ title, prompt: 'Password (kept in VS Code\'s secret storage, never in settings)', password: true });
  }
  return cluster;
}

function fromArgs(arg: AddClusterArgs): AddClusterArgs {
  const parsed = parseBootstrapServers(arg.bootstrapServers);
  if ('error' in parsed) throw new Error(parsed.error);
  if (!arg.name?.trim()) throw new Error('a cluster needs a name');
  return arg;
}

export async function addCluster(deps: KafkaDeps, arg?: AddClusterArgs): Promise<string> {
  const asked = arg?.bootstrapServers ? fromArgs(arg) : await askCluster(deps);
  const { password, activate, ...config } = asked;
  const saved: ClusterConfig = { name: config.name.trim(), bootstrapServers: config.bootstrapServers.trim() };
  if (config.ssl) saved.ssl = true;
  if (config.saslMechanism && config.saslMechanism !== 'none') {
    saved.saslMechanism = config.saslMechanism as SaslMechanism;
    saved.username = config.username ?? '';
  }
  await deps.clusters.save(saved, password);
  if (activate !== false) await deps.clusters.select(saved.name);
  if (!arg) void vscode.window.showInformationMessage(`Kafka Log Lab: cluster "${saved.name}" (${describeCluster(saved)}) added${activate !== false ? ' and selected' : ''}.`);
  return saved.name;
}

async function pickCluster(deps: KafkaDeps, placeHolder: string): Promise<ClusterConfig> {
  const clusters = deps.clusters.list();
  if (clusters.length === 0) throw new Error('no cluster is configured yet: add one with "Kafka Log Lab: Add Cluster…"');
  const picked = await pickOne(
    clusters.map((c) => ({ label: c.name, description: `${describeCluster(c)}${deps.clusters.isActive(c.name) ? ' · active' : ''}`, cluster: c })),
    { placeHolder },
  );
  return picked.cluster;
}

function namedCluster(arg: unknown): string | undefined {
  const value = (arg as { cluster?: unknown } | undefined)?.cluster;
  return typeof value === 'string' ? value : (value as ClusterConfig | undefined)?.name ?? stringField(arg, 'name');
}

export function registerClusterCommands(deps: KafkaDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, 'kafkaLogLab.addCluster', (arg?: AddClusterArgs) => addCluster(deps, arg)),
    registerCommand(deps, 'kafkaLogLab.removeCluster', async (arg?: unknown) => {
      const given = namedCluster(arg);
      const name = given ?? (await pickCluster(deps, 'Cluster to remove')).name;
      if (!deps.clusters.find(name)) throw new Error(`no cluster named "${name}" is configured`);
      if (!(arg as { skipConfirmation?: boolean } | undefined)?.skipConfirmation) {
        const ok = await vscode.window.showWarningMessage(`Remove the cluster "${name}" from Kafka Log Lab? The cluster itself is not touched.`, { modal: true }, 'Remove');
        if (ok !== 'Remove') return undefined;
      }
      await deps.clusters.remove(name);
      return name;
    }),
    registerCommand(deps, 'kafkaLogLab.selectCluster', async (arg?: unknown) => {
      if (!deps.clusters.isConfigured() && !namedCluster(arg)) {
        const next = await pickOne(
          [
            { label: '$(add) Add Cluster…', command: 'kafkaLogLab.addCluster' },
            { label: '$(play) Start Local Broker', command: 'kafkaLogLab.startLocalBroker' },
          ],
          { placeHolder: 'No Kafka cluster is configured yet' },
        );
        return vscode.commands.executeCommand(next.command);
      }
      const name = namedCluster(arg) ?? (await pickCluster(deps, 'Active cluster')).name;
      if (!deps.clusters.find(name)) throw new Error(`no cluster named "${name}" is configured`);
      await deps.clusters.select(name);
      return name;
    }),
  ];
}
