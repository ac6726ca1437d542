// Which cluster a dashboard reads and how it connects. With the clusters of the Kafka view
// (settings + SecretStorage), a named cluster connects with its SSL/SASL settings; plain
// bootstrap servers (tests, scripts) connect directly. From the palette the active cluster
// is used and the topic is picked from its list.
import * as vscode from 'vscode';
import { DEFAULT_BROKERS, createKafkaClient, withAdmin } from '../../core/kafka/client';
import type { KafkaClient } from '../../core/kafka/ports';
import type { ClusterRegistry } from '../clusters/clusterRegistry';
import type { ClusterRef } from '../commands';
import type { DashboardConfig } from '../../shared/protocol';
import { toBrokers } from './dashboardConfig';

/** The part of the Kafka view's cluster registry the dashboard uses. */
export type ClusterLookup = Pick<ClusterRegistry, 'find' | 'active' | 'client'>;

export interface DashboardTarget {
  brokers: string[];
  clusterName?: string;
}

const LAST_BROKERS_KEY = 'kafkaLogLab.dashboard.lastBrokers';

const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The cluster an argument names: already resolved (a produce summary, a tree row), or by name. */
function namedCluster(v: unknown, clusters: ClusterLookup | undefined): ClusterRef | undefined {
  const ref = v as Partial<ClusterRef> | undefined;
  if (typeof ref === 'object' && typeof ref?.name === 'string' && typeof ref.bootstrapServers === 'string') {
    return ref as ClusterRef;
  }
  const name = text(v);
  return name !== undefined ? clusters?.find(name) : undefined;
}

/**
 * From the command's argument: `brokers` wins; else `cluster`; else the active cluster, else
 * the brokers used last. Undefined when `cluster` names no configured cluster.
 */
export function targetFromArgs(
  args: Record<string, unknown>,
  clusters: ClusterLookup | undefined,
  context: vscode.ExtensionContext,
): DashboardTarget | undefined {
  const named = namedCluster(args.cluster, clusters);
  const clusterName = named?.name ?? text(args.cluster);
  // Malformed brokers pass as none: the configuration check then says what is wrong.
  if (args.brokers !== undefined) return { brokers: toBrokers(args.brokers) ?? [], clusterName };
  if (named) return { brokers: toBrokers(named.bootstrapServers) ?? [], clusterName: named.name };
  if (clusterName !== undefined && clusters) return undefined; // a name that is not configured
  const active = clusters?.active();
  if (active) return { brokers: toBrokers(active.bootstrapServers) ?? [], clusterName: active.name };
  const last = toBrokers(context.globalState.get<string>(LAST_BROKERS_KEY));
  return { brokers: last ?? toBrokers(process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS) ?? [DEFAULT_BROKERS] };
}

export function rememberBrokers(context: vscode.ExtensionContext, brokers: string[]): void {
  void context.globalState.update(LAST_BROKERS_KEY, brokers.join(','));
}

/** Connects like the Kafka view does for a configured cluster with these brokers, else directly. */
export function dashboardClients(
  clusters: ClusterLookup | undefined,
  warn: (line: string) => void,
): (config: DashboardConfig) => Promise<KafkaClient> {
  return async (config) => {
    const named = config.clusterName !== undefined ? clusters?.find(config.clusterName) : undefined;
    if (named && toBrokers(named.bootstrapServers)?.join(',') === config.brokers.join(','))
      return clusters!.client(named, 'work');
    return createKafkaClient({
      brokers: config.brokers,
      clientId: 'kafka-log-lab-dashboard',
      log: (level, message) => {
        if (level === 'error' || level === 'warn') warn(`[dashboard] kafka: ${message}`);
      },
    });
  };
}

/** Palette flow: the cluster (asked for only without the Kafka view's clusters), then a topic. */
export async function askForTarget(
  context: vscode.ExtensionContext,
  clusters: ClusterLookup | undefined,
): Promise<(DashboardTarget & { topic: string }) | undefined> {
  let target = clusters ? targetFromArgs({}, clusters, context) : undefined;
  if (!target) {
    const brokerText = await vscode.window.showInputBox({
      title: vscode.l10n.t('Open Dashboard: cluster'),
      prompt: vscode.l10n.t('Bootstrap servers of the cluster to read from'),
      value: targetFromArgs({}, undefined, context)!.brokers.join(','),
      ignoreFocusOut: true,
      validateInput: (t) => (toBrokers(t) ? undefined : vscode.l10n.t('Use host:port, several separated by commas')),
    });
    if (brokerText === undefined) return undefined;
    target = { brokers: toBrokers(brokerText)! };
  }
  const client = await dashboardClients(
    clusters,
    () => undefined,
  )({
    topic: '-',
    brokers: target.brokers,
    clusterName: target.clusterName,
    from: { kind: 'beginning' },
    format: 'auto',
  });
  const where = target.clusterName ?? target.brokers.join(',');
  const topics = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing the topics of {0}…', where) },
    () => withAdmin(client, (admin) => admin.listTopics()),
  );
  const visible = topics.filter((t) => !t.startsWith('__')).sort();
  const topic = await vscode.window.showQuickPick(visible, {
    title: vscode.l10n.t('Open Dashboard: topic on {0}', where),
    placeHolder: visible.length ? vscode.l10n.t('The topic to watch') : vscode.l10n.t('This cluster has no topics yet'),
    ignoreFocusOut: true,
  });
  return topic === undefined ? undefined : { ...target, topic };
}
