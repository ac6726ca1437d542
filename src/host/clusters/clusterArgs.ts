// Commands are run from tree rows, from the palette, and from tests with plain objects: these
// helpers read the cluster, topic and group out of whichever it was.
import * as vscode from 'vscode';
import type { KafkaClient } from '../../core/kafka/ports';
import type { KafkaDeps } from '../deps';
import type { ClusterConfig } from '../settings';

/** Either a tree row (which carries its cluster) or `{ cluster: name }`. */
export function clusterFrom(deps: KafkaDeps, arg: unknown): ClusterConfig {
  const value = (arg as { cluster?: unknown } | undefined)?.cluster;
  if (value && typeof value === 'object' && typeof (value as ClusterConfig).bootstrapServers === 'string')
    return value as ClusterConfig;
  if (typeof value === 'string') {
    const found = deps.clusters.find(value);
    if (!found) throw new Error(vscode.l10n.t('no cluster named "{0}" is configured', value));
    return found;
  }
  return deps.clusters.active();
}

export function stringField(arg: unknown, field: string): string | undefined {
  const value = (arg as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function numberField(arg: unknown, field: string): number | undefined {
  const value = (arg as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Runs `work` with a fresh admin connection to `cluster` (closed afterwards). */
export async function withClusterAdmin<T>(
  deps: KafkaDeps,
  cluster: ClusterConfig,
  work: (admin: import('../../core/kafka/ports').AdminPort, client: KafkaClient) => Promise<T>,
): Promise<T> {
  const client = await deps.clusters.client(cluster);
  const { withAdmin } = await import('../../core/kafka/client');
  return withAdmin(client, (admin) => work(admin, client));
}

/** A quick pick that resolves to the chosen label, or throws CancellationError on Escape. */
export async function pickOne<T extends vscode.QuickPickItem>(
  items: T[] | Promise<T[]>,
  options: vscode.QuickPickOptions,
): Promise<T> {
  const picked = await vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options });
  if (!picked) throw new vscode.CancellationError();
  return picked;
}

export async function askText(options: vscode.InputBoxOptions): Promise<string> {
  const text = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  if (text === undefined) throw new vscode.CancellationError();
  return text;
}
