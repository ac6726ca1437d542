// Topic rows: the folder lists every topic from one metadata request; message counts come
// per topic, in the background for the first rows and on expansion for the rest.
import * as vscode from 'vscode';
import { describeError } from '../../core/errors';
import type { PartitionInfo, PartitionOffsets } from '../../core/kafka/ports';
import type { ClusterConfig } from '../settings';
import type { TopicListing } from './clusterQueries';
import {
  count,
  ErrorNode,
  icon,
  InfoNode,
  item,
  nodeId,
  plural,
  type ExplorerContext,
  type ExplorerNode,
} from './explorerNode';

const { Collapsed } = vscode.TreeItemCollapsibleState;

/** Rows whose message counts are fetched without being expanded; the rest count on expansion. */
export const BACKGROUND_TOPIC_COUNTS = 300;

const sumMessages = (offsets: PartitionOffsets[]) => offsets.reduce((sum, o) => sum + (o.latest - o.earliest), 0);
const messageCount = (n: number) =>
  plural(
    n,
    (c) => vscode.l10n.t('{0} message', c),
    (c) => vscode.l10n.t('{0} messages', c),
  );

export class TopicsFolderNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    private readonly ctx: ExplorerContext,
    private readonly topics: PromiseSettledResult<TopicListing[]>,
  ) {}

  private visible(): TopicListing[] {
    if (this.topics.status !== 'fulfilled') return [];
    return this.ctx.showInternalTopics() ? this.topics.value : this.topics.value.filter((t) => !t.internal);
  }

  treeItem(): vscode.TreeItem {
    const shown = this.visible();
    return item(vscode.l10n.t('Topics'), {
      id: nodeId(this.cluster, 'topics'),
      description:
        this.topics.status === 'fulfilled'
          ? plural(
              shown.length,
              (c) => vscode.l10n.t('{0} topic', c),
              (c) => vscode.l10n.t('{0} topics', c),
            )
          : vscode.l10n.t('unavailable'),
      tooltip: vscode.l10n.t('Topics of the cluster. Right-click to create one.'),
      icon: icon('symbol-event'),
      contextValue: 'topics',
      collapsible: Collapsed,
    });
  }

  async children(): Promise<ExplorerNode[]> {
    if (this.topics.status === 'rejected') {
      const reason = describeError(this.topics.reason);
      return [new ErrorNode(this.cluster, 'topics', vscode.l10n.t('Cannot list topics'), reason)];
    }
    const shown = this.visible();
    if (shown.length === 0)
      return [new InfoNode(this.cluster, 'topics', vscode.l10n.t('No topics yet: create one or produce a file'))];
    const nodes = shown.map((t) => new TopicNode(this.cluster, this.ctx, t));
    this.countInBackground(nodes.slice(0, BACKGROUND_TOPIC_COUNTS));
    return nodes;
  }

  private countInBackground(nodes: TopicNode[]): void {
    const generation = this.ctx.generation;
    const queries = this.ctx.queries(this.cluster);
    for (const node of nodes) {
      if (node.messages !== undefined) continue;
      void queries.background(async () => {
        if (generation !== this.ctx.generation) return;
        const offsets = await queries.topicOffsets(node.name).catch(() => undefined);
        if (!offsets) return;
        node.messages = sumMessages(offsets);
        this.ctx.changed(node, generation);
      });
    }
  }
}

export class TopicNode implements ExplorerNode {
  /** Known once the offsets were fetched. */
  messages: number | undefined;

  constructor(
    readonly cluster: ClusterConfig,
    private readonly ctx: ExplorerContext,
    readonly listing: TopicListing,
  ) {
    const known = ctx.queries(cluster).knownTopicOffsets(listing.name);
    if (known) this.messages = sumMessages(known);
  }

  get name(): string {
    return this.listing.name;
  }

  treeItem(): vscode.TreeItem {
    const partitions = plural(
      this.listing.partitions.length,
      (c) => vscode.l10n.t('{0} partition', c),
      (c) => vscode.l10n.t('{0} partitions', c),
    );
    const messages = this.messages === undefined ? '' : ` · ${messageCount(this.messages)}`;
    const replicas = Math.max(0, ...this.listing.partitions.map((p) => p.replicas.length));
    return item(this.name, {
      id: nodeId(this.cluster, 'topics', this.name),
      description: `${partitions}${messages}`,
      tooltip: [
        this.name,
        vscode.l10n.t('{0}, replication factor {1}', partitions, replicas),
        ...(this.messages === undefined ? [] : [vscode.l10n.t('{0} retained', messageCount(this.messages))]),
        ...(this.listing.internal ? [vscode.l10n.t('Internal Kafka topic')] : []),
      ].join('\n'),
      icon: this.listing.internal ? icon('lock') : icon('symbol-event'),
      contextValue: this.listing.internal ? 'topic.internal' : 'topic',
      collapsible: Collapsed,
    });
  }

  async children(): Promise<ExplorerNode[]> {
    const generation = this.ctx.generation;
    let offsets: PartitionOffsets[];
    try {
      offsets = await this.ctx.queries(this.cluster).topicOffsets(this.name);
    } catch (e) {
      const reason = describeError(e);
      return [new ErrorNode(this.cluster, `topics/${this.name}`, vscode.l10n.t('Cannot read the offsets'), reason)];
    }
    const known = this.messages;
    this.messages = sumMessages(offsets);
    if (known !== this.messages) this.ctx.changed(this, generation);
    const byPartition = new Map(offsets.map((o) => [o.partition, o]));
    return this.listing.partitions.map(
      (p) => new PartitionNode(this.cluster, this.name, p, byPartition.get(p.partition)),
    );
  }
}

export class PartitionNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    readonly topic: string,
    readonly info: PartitionInfo,
    readonly offsets: PartitionOffsets | undefined,
  ) {}

  get messages(): number {
    return this.offsets ? this.offsets.latest - this.offsets.earliest : 0;
  }

  treeItem(): vscode.TreeItem {
    const o = this.offsets;
    // The range shown is of the messages held (first to last), so it adds up to the count;
    // the tooltip gives Kafka's end offset, which is one past the last.
    const range = !o
      ? vscode.l10n.t('offsets unknown')
      : this.messages > 0
        ? `${vscode.l10n.t('offsets {0}–{1}', count(o.earliest), count(o.latest - 1))} · ${messageCount(this.messages)}`
        : `${vscode.l10n.t('offsets {0}–{1}', count(o.earliest), count(o.latest))} · ${messageCount(0)}`;
    return item(vscode.l10n.t('partition {0}', this.info.partition), {
      id: nodeId(this.cluster, 'topics', this.topic, this.info.partition),
      description: `${vscode.l10n.t('leader {0}', this.info.leader)} · ${range}`,
      tooltip: this.tooltip(o),
      icon: icon('layers'),
      contextValue: 'partition',
    });
  }

  private tooltip(o: PartitionOffsets | undefined): string {
    return [
      vscode.l10n.t('{0} partition {1}', this.topic, this.info.partition),
      vscode.l10n.t('leader: broker {0}', this.info.leader),
      vscode.l10n.t('replicas: {0}', this.info.replicas.join(', ')),
      vscode.l10n.t('in sync: {0}', this.info.isr.join(', ')),
      ...(o
        ? [
            vscode.l10n.t('earliest offset: {0}', count(o.earliest)),
            vscode.l10n.t('end offset (next to be written): {0}', count(o.latest)),
            vscode.l10n.t('messages: {0} (end − earliest)', count(this.messages)),
          ]
        : []),
    ].join('\n');
  }
}
