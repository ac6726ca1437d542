// The Kafka view's data: one row per configured cluster, children fetched lazily per row and
// cached per refresh (see ClusterQueries). Late numbers redraw only their own rows, batched.
import * as vscode from 'vscode';
import type { ClusterRegistry } from '../clusters/clusterRegistry';
import type { HostLog } from '../log';
import { readSettings, type ClusterConfig } from '../settings';
import { ClusterNode } from './clusterNodes';
import { ClusterQueries } from './clusterQueries';
import type { ClusterState, ExplorerContext, ExplorerNode } from './explorerNode';

export interface ClusterStateChange {
  cluster: ClusterConfig;
  state: ClusterState;
  error?: unknown;
}

const REDRAW_BATCH_MS = 150;

export class KafkaExplorerProvider
  implements vscode.TreeDataProvider<ExplorerNode>, ExplorerContext, vscode.Disposable
{
  private readonly treeChanged = new vscode.EventEmitter<ExplorerNode | ExplorerNode[] | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly stateChanged = new vscode.EventEmitter<ClusterStateChange>();
  /** Whether a cluster answered the last time it was asked. */
  readonly onDidChangeClusterState = this.stateChanged.event;

  generation = 0;
  private readonly queriesByCluster = new Map<string, { key: string; queries: ClusterQueries }>();
  private readonly parents = new WeakMap<ExplorerNode, ExplorerNode>();
  private readonly pendingRedraws = new Set<ExplorerNode>();
  private redrawTimer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly registry: ClusterRegistry,
    readonly log: HostLog,
  ) {
    this.subscription = registry.onDidChange(() => {
      this.forgetRemovedClusters();
      this.refresh();
    });
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.treeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.registry.list().map((c) => new ClusterNode(c, this));
    const children = (await node.children?.()) ?? [];
    for (const child of children) this.parents.set(child, node);
    return children;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.parents.get(node);
  }

  /** Forgets every cached answer and redraws the whole view. */
  refresh(): void {
    this.generation++;
    for (const { queries } of this.queriesByCluster.values()) queries.clear();
    this.pendingRedraws.clear();
    this.treeChanged.fire(undefined);
  }

  /** Resolves once every background row detail has arrived and its row was redrawn. */
  async settled(): Promise<void> {
    await Promise.all([...this.queriesByCluster.values()].map(({ queries }) => queries.background.idle()));
    await new Promise((resolve) => setTimeout(resolve, REDRAW_BATCH_MS * 2));
  }

  // ExplorerContext

  queries(cluster: ClusterConfig): ClusterQueries {
    const key = JSON.stringify(cluster);
    const known = this.queriesByCluster.get(cluster.name);
    if (known?.key === key) return known.queries;
    void known?.queries.dispose();
    const queries = new ClusterQueries(() => this.registry.client(cluster, 'explorer'));
    this.queriesByCluster.set(cluster.name, { key, queries });
    return queries;
  }

  isActive(cluster: ClusterConfig): boolean {
    return this.registry.isActive(cluster.name);
  }

  showInternalTopics(): boolean {
    return readSettings().showInternalTopics;
  }

  changed(node: ExplorerNode, generation: number): void {
    if (generation !== this.generation) return;
    this.pendingRedraws.add(node);
    this.redrawTimer ??= setTimeout(() => {
      this.redrawTimer = undefined;
      const nodes = [...this.pendingRedraws];
      this.pendingRedraws.clear();
      if (nodes.length > 0) this.treeChanged.fire(nodes);
    }, REDRAW_BATCH_MS);
  }

  reportState(cluster: ClusterConfig, state: ClusterState, error?: unknown): void {
    if (error)
      this.log.warn(
        `[explorer] ${cluster.name} (${cluster.bootstrapServers}) is unreachable: ${(error as Error)?.message ?? error}`,
      );
    this.stateChanged.fire({ cluster, state, error });
  }

  private forgetRemovedClusters(): void {
    const names = new Set(this.registry.list().map((c) => c.name));
    for (const [name, { queries }] of this.queriesByCluster) {
      if (names.has(name)) continue;
      void queries.dispose();
      this.queriesByCluster.delete(name);
    }
  }

  /** Closes every cluster's admin connection and waits until they are closed. */
  async closeConnections(): Promise<void> {
    const all = [...this.queriesByCluster.values()].map(({ queries }) => queries.dispose());
    this.queriesByCluster.clear();
    await Promise.all(all);
  }

  dispose(): void {
    clearTimeout(this.redrawTimer);
    this.subscription.dispose();
    void this.closeConnections();
    this.treeChanged.dispose();
    this.stateChanged.dispose();
  }
}
