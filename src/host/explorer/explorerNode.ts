// The shape every row of the Kafka view shares, and what rows may ask of the view.
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import type { HostLog } from '../log';
import type { ClusterConfig } from '../settings';
import type { ClusterQueries } from './clusterQueries';

export interface ExplorerNode {
  /** The cluster the row belongs to (every row has one). */
  readonly cluster: ClusterConfig;
  treeItem(): vscode.TreeItem;
  children?(): Promise<ExplorerNode[]>;
}

export type ClusterState = 'connected' | 'unreachable';

export interface ExplorerContext {
  readonly log: HostLog;
  queries(cluster: ClusterConfig): ClusterQueries;
  isActive(cluster: ClusterConfig): boolean;
  showInternalTopics(): boolean;
  /** Redraws a row whose numbers arrived later (ignored when a refresh happened since). */
  changed(node: ExplorerNode, generation: number): void;
  /** Increases with every refresh; background work started before one is stale. */
  readonly generation: number;
  reportState(cluster: ClusterConfig, state: ClusterState, error?: unknown): void;
}

export const count = (n: number): string => n.toLocaleString('en-US');
/** `one` or `many` (translated messages with `{0}`) given the formatted count of `n`. */
export const plural = (n: number, one: (c: string) => string, many: (c: string) => string): string =>
  (n === 1 ? one : many)(count(n));

/** A stable id per row, so expansion and selection survive refreshes. */
export const nodeId = (cluster: ClusterConfig, ...path: Array<string | number>): string =>
  [cluster.name, ...path].map((p) => encodeURIComponent(String(p))).join('/');

export function icon(name: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(name, color ? new vscode.ThemeColor(color) : undefined);
}

export function item(
  label: string,
  options: {
    id: string;
    description?: string;
    tooltip?: string | vscode.MarkdownString;
    icon?: vscode.ThemeIcon;
    contextValue?: string;
    collapsible?: vscode.TreeItemCollapsibleState;
    command?: vscode.Command;
  },
): vscode.TreeItem {
  const t = new vscode.TreeItem(label, options.collapsible ?? vscode.TreeItemCollapsibleState.None);
  t.id = options.id;
  t.description = options.description;
  t.tooltip = options.tooltip;
  t.iconPath = options.icon;
  t.contextValue = options.contextValue;
  t.command = options.command;
  return t;
}

/** A row that says something went wrong, with the reason and a way to the logs. */
export class ErrorNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    private readonly where: string,
    private readonly title: string,
    private readonly reason: string,
  ) {}

  treeItem(): vscode.TreeItem {
    const tooltip = new vscode.MarkdownString(
      `**${this.title}**\n\n${this.reason}\n\n${vscode.l10n.t('Select this row to open the logs; refresh to try again.')}`,
    );
    return item(this.title, {
      id: nodeId(this.cluster, this.where, 'error'),
      description: this.reason,
      tooltip,
      icon: icon('error', 'errorForeground'),
      contextValue: 'error',
      command: { command: COMMANDS.showLogs.id, title: vscode.l10n.t('Open Logs') },
    });
  }
}

/** A quiet explanatory row ("no topics yet"). */
export class InfoNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    private readonly where: string,
    private readonly text: string,
  ) {}

  treeItem(): vscode.TreeItem {
    return item(this.text, { id: nodeId(this.cluster, this.where, 'info'), icon: icon('info'), contextValue: 'info' });
  }
}
