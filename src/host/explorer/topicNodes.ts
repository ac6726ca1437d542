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
    return item('Topics', {
      id: nodeId(this.cluster, 'topics'),
      description: this.topics.status === 'fulfilled' ? plural(shown.length, 'topic') : 'unavailable',
      tooltip: 'Topics of the cluster. Right-click to create one.',
      icon: icon('symbol-event'),
      contextValue: 'topics',
      collapsible: Collapsed,
    });
  }

  async children(): Promise<ExplorerNode[]> {
    if (this.topics.status === 'rejected') {
      return [new ErrorNode(this.cluster, 'topics', 'Cannot list topics', describeError(this.topics.reason))];
    }
    const shown = this.visible();
    if (shown.length === 0)
      return [new InfoNode(this.cluster, 'topics', 'No topics yet: create one or produce a file')];
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
    const partitions = plural(this.listing.partitions.length, 'partition');
    const messages = this.messages === undefined ? '' : ` · ${plural(this.messages, 'message')}`;
    const replicas = Math.max(0, ...this.listing.partitions.map((p) => p.replicas.length));
    return item(this.name, {
      id: nodeId(this.cluster, 'topics', this.name),
      description: `${partitions}${messages}`,
      tooltip: `${this.name}\n${partitions}, replication factor ${replicas}${this.messages === undefined ? '' : `\n${plural(this.messages, 'message')} retained`}${this.listing.internal ? '\nInternal Kafka topic' : ''}`,
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
      return [new ErrorNode(this.cluster, `topics/${this.name}`, 'Cannot read the offsets', describeError(e))];
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
      ? 'offsets unknown'
      : this.messages > 0
        ? `offsets ${count(o.earliest)}–${count(o.latest - 1)} · ${plural(this.messages, 'message')}`
        : `offsets ${count(o.earliest)}–${count(o.latest)} · 0 messages`;
    return item(`partition ${this.info.partition}`, {
      id: nodeId(this.cluster, 'topics', this.topic, this.info.partition),
      description: `leader ${this.info.leader} · ${range}`,
      tooltip:
        `${this.topic} partition ${this.info.partition}\nleader: broker ${this.info.leader}\nreplicas: ${this.info.replicas.join(', ')}\nin sync: ${this.info.isr.join(', ')}` +
        (o
          ? `\nearliest offset: ${count(o.earliest)}\nend offset (next to be written): ${count(o.latest)}` +
            `\nmessages: ${count(this.messages)} (end − earliest)`
          : ''),
      icon: icon('layers'),
      contextValue: 'partition',
    });
  }
}
