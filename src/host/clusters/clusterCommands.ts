// "Add Cluster…", "Import from client.properties…", "Remove Cluster", "Select Active Cluster…".
// Interactive from the palette; tests and other commands pass the answers as an argument instead.
import * as vscode from 'vscode';
import { securityWarnings, type ConnectionSpec } from '../../core/kafka/connection/connectionSpec';
import { checkSpec } from '../../core/kafka/connection/specChecks';
import type { KafkaDeps } from '../deps';
import { COMMANDS } from '../commands';
import { registerCommand } from '../runCommand';
import type { ClusterConfig } from '../settings';
import { answersToSpec, askClusterAnswers } from './addClusterWizard';
import { pickOne, stringField } from './clusterArgs';
import { DEFAULT_CLUSTER, describeCluster, parseBootstrapServers } from './clusterRegistry';
import { clusterFromSpec, clusterSpec, type ClusterSecrets } from './clusterSecurity';
import { importClusterProperties } from './importProperties';

export interface AddClusterArgs extends ClusterConfig {
  password?: string;
  /** Key passphrases, keystore passwords, a token: stored in SecretStorage like the password. */
  secrets?: ClusterSecrets;
  /** Make it the active cluster (default true). */
  activate?: boolean;
}

interface NewCluster {
  config: ClusterConfig;
  secrets: ClusterSecrets;
  spec: ConnectionSpec;
}

/** Settings keys an argument may carry (anything else is dropped, secrets above all). */
const CONFIG_KEYS: Array<keyof ClusterConfig> = [
  'securityProtocol',
  'ssl',
  'saslMechanism',
  'username',
  'caFiles',
  'certFile',
  'keyFile',
  'keystoreFile',
  'truststoreFile',
  'serverName',
  'skipHostnameVerification',
  'insecureSkipVerify',
];

const workspaceRoot = (): string | undefined => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;

/** A name is needed; reusing one replaces that cluster (the input box says so as a warning). */
function validName(name: string): string | undefined {
  return name.trim() ? undefined : vscode.l10n.t('Give the cluster a name');
}

/** The cluster an argument describes, saved as given (older `ssl`/`saslMechanism` forms stay). */
function fromArgs(arg: AddClusterArgs): NewCluster {
  const parsed = parseBootstrapServers(arg.bootstrapServers);
  if ('error' in parsed) throw new Error(parsed.error);
  if (!arg.name?.trim()) throw new Error(vscode.l10n.t('a cluster needs a name'));
  const config: ClusterConfig = { name: arg.name.trim(), bootstrapServers: arg.bootstrapServers.trim() };
  for (const key of CONFIG_KEYS) if (arg[key] !== undefined) Object.assign(config, { [key]: arg[key] });
  if (config.saslMechanism === 'none') delete config.saslMechanism;
  const secrets: ClusterSecrets = { ...arg.secrets, ...(arg.password !== undefined ? { password: arg.password } : {}) };
  return { config, secrets, spec: clusterSpec(config, workspaceRoot(), secrets) };
}

async function fromQuestions(deps: KafkaDeps): Promise<NewCluster> {
  const answers = await askClusterAnswers(deps.clusters.prompter, (n) => validName(n));
  const parsed = parseBootstrapServers(answers.bootstrap ?? DEFAULT_CLUSTER.bootstrapServers);
  if ('error' in parsed) throw new Error(parsed.error);
  const spec = answersToSpec(answers, parsed.brokers);
  checkSpec(spec, `cluster "${answers.name}"`);
  return { ...clusterFromSpec(answers.name ?? '', spec, workspaceRoot()), spec };
}

export async function addCluster(deps: KafkaDeps, arg?: AddClusterArgs): Promise<string> {
  const { config, secrets, spec } = arg?.bootstrapServers ? fromArgs(arg) : await fromQuestions(deps);
  const activate = arg?.activate !== false;
  await deps.clusters.save(config, secrets);
  if (activate) await deps.clusters.select(config.name);
  for (const warning of securityWarnings(spec)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Kafka Log Lab: cluster "{0}": {1}', config.name, warning));
  }
  if (!arg) {
    const [name, where] = [config.name, describeCluster(config)];
    void vscode.window.showInformationMessage(
      activate
        ? vscode.l10n.t('Kafka Log Lab: cluster "{0}" ({1}) added and selected.', name, where)
        : vscode.l10n.t('Kafka Log Lab: cluster "{0}" ({1}) added.', name, where),
    );
  }
  return config.name;
}

async function pickCluster(deps: KafkaDeps, placeHolder: string): Promise<ClusterConfig> {
  const clusters = deps.clusters.list();
  if (clusters.length === 0)
    throw new Error(vscode.l10n.t('no cluster is configured yet: add one with "Kafka Log Lab: Add Cluster…"'));
  const picked = await pickOne(
    clusters.map((c) => ({
      label: c.name,
      description: `${describeCluster(c)}${deps.clusters.isActive(c.name) ? ` · ${vscode.l10n.t('active')}` : ''}`,
      cluster: c,
    })),
    { placeHolder },
  );
  return picked.cluster;
}

function namedCluster(arg: unknown): string | undefined {
  const value = (arg as { cluster?: unknown } | undefined)?.cluster;
  return typeof value === 'string' ? value : ((value as ClusterConfig | undefined)?.name ?? stringField(arg, 'name'));
}

export function registerClusterCommands(deps: KafkaDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, COMMANDS.addCluster, (arg?: AddClusterArgs) => addCluster(deps, arg)),
    registerCommand(deps, COMMANDS.importClusterProperties, (arg?) =>
      importClusterProperties(deps, arg, (n) => validName(n)),
    ),
    registerCommand(deps, COMMANDS.removeCluster, async (arg?) => {
      const given = namedCluster(arg);
      const name = given ?? (await pickCluster(deps, vscode.l10n.t('Cluster to remove'))).name;
      if (!deps.clusters.find(name)) throw new Error(vscode.l10n.t('no cluster named "{0}" is configured', name));
      if (!(arg as { skipConfirmation?: boolean } | undefined)?.skipConfirmation) {
        const remove = vscode.l10n.t('Remove');
        const ok = await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove the cluster "{0}" from Kafka Log Lab? The cluster itself is not touched.', name),
          { modal: true },
          remove,
        );
        if (ok !== remove) return undefined;
      }
      await deps.clusters.remove(name);
      return name;
    }),
    registerCommand(deps, COMMANDS.selectCluster, async (arg?) => {
      if (!deps.clusters.isConfigured() && !namedCluster(arg)) {
        const next = await pickOne(
          [
            { label: `$(add) ${vscode.l10n.t('Add Cluster…')}`, command: COMMANDS.addCluster.id },
            { label: `$(play) ${vscode.l10n.t('Start Local Broker')}`, command: COMMANDS.startLocalBroker.id },
          ],
          { placeHolder: vscode.l10n.t('No Kafka cluster is configured yet') },
        );
        return vscode.commands.executeCommand(next.command);
      }
      const name = namedCluster(arg) ?? (await pickCluster(deps, vscode.l10n.t('Active cluster'))).name;
      if (!deps.clusters.find(name)) throw new Error(vscode.l10n.t('no cluster named "{0}" is configured', name));
      await deps.clusters.select(name);
      return name;
    }),
  ];
}
