// Consumer-group rows: state and members from one request for all groups; each group's
// committed offsets and lag are fetched per group (background for the first rows).
import * as vscode from 'vscode';
import { describeError } from '../../core/errors';
import type { GroupDetail, GroupPartitionLag, GroupSummary } from '../../core/kafka/groupsAdmin';
import type { GroupMember } from '../../core/kafka/ports';
import type { ClusterConfig } from '../settings';
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

const { Collapsed, None } = vscode.TreeItemCollapsibleState;

/**
 * Groups whose lag is fetched without being expanded. Each costs a question about every topic
 * of the cluster, so only the first rows of clusters up to a few hundred topics get it; the
 * others show their lag when expanded.
 */
export const BACKGROUND_GROUP_DETAILS = 20;
export const BACKGROUND_LAG_MAX_TOPICS = 200;

const STATE_COLORS: Record<string, string> = {
  Stable: 'charts.green',
  PreparingRebalance: 'charts.yellow',
  CompletingRebalance: 'charts.yellow',
  Empty: 'disabledForeground',
  Dead: 'errorForeground',
};

/**
 * Readers that core starts without a consumer group (the dashboard, `consume`) still need a
 * group id with kafkajs; they use this prefix. They are the editor's own, not the user's groups.
 */
const OWN_READER_PREFIX = 'kafka-log-lab-reader-';

export const isOwnReaderGroup = (groupId: string): boolean => groupId.startsWith(OWN_READER_PREFIX);

export class GroupsFolderNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    private readonly ctx: ExplorerContext,
    private readonly groups: PromiseSettledResult<GroupSummary[]>,
    private readonly topicCount: number,
  ) {}

  treeItem(): vscode.TreeItem {
    return item('Consumer groups', {
      id: nodeId(this.cluster, 'groups'),
      description: this.groups.status === 'fulfilled' ? plural(this.userGroups().length, 'group') : 'unavailable',
      tooltip: 'Consumer groups with their members, assigned partitions, committed offsets and lag.',
      icon: icon('organization'),
      contextValue: 'groups',
      collapsible: Collapsed,
    });
  }

  async children(): Promise<ExplorerNode[]> {
    if (this.groups.status === 'rejected') {
      return [new ErrorNode(this.cluster, 'groups', 'Cannot list consumer groups', describeError(this.groups.reason))];
    }
    const groups = this.userGroups();
    if (groups.length === 0) return [new InfoNode(this.cluster, 'groups', 'No consumer groups yet')];
    const nodes = groups.map((g) => new GroupNode(this.cluster, this.ctx, g));
    if (this.topicCount <= BACKGROUND_LAG_MAX_TOPICS)
      this.describeInBackground(nodes.slice(0, BACKGROUND_GROUP_DETAILS));
    return nodes;
  }

  /** The groups without the editor's own group-less readers. */
  private userGroups(): GroupSummary[] {
    return this.groups.status === 'fulfilled' ? this.groups.value.filter((g) => !isOwnReaderGroup(g.groupId)) : [];
  }

  private describeInBackground(nodes: GroupNode[]): void {
    const generation = this.ctx.generation;
    const queries = this.ctx.queries(this.cluster);
    for (const node of nodes) {
      if (node.detail) continue;
      void queries.background(async () => {
        if (generation !== this.ctx.generation) return;
        const detail = await queries.groupDetail(node.groupId).catch(() => undefined);
        if (!detail) return;
        node.detail = detail;
        this.ctx.changed(node, generation);
      });
    }
  }
}

export class GroupNode implements ExplorerNode {
  /** Committed offsets and lag, once fetched. */
  detail: GroupDetail | undefined;

  constructor(
    readonly cluster: ClusterConfig,
    private readonly ctx: ExplorerContext,
    readonly summary: GroupSummary,
  ) {
    this.detail = ctx.queries(cluster).knownGroupDetail(summary.groupId);
  }

  get groupId(): string {
    return this.summary.groupId;
  }

  /** Offsets can be reset and the group deleted only while no consumer is in it. */
  get isEmpty(): boolean {
    return this.summary.state === 'Empty' || this.summary.state === 'Dead';
  }

  treeItem(): vscode.TreeItem {
    const { state, members } = this.summary;
    const lag = this.detail ? ` · lag ${count(this.detail.totalLag)}` : '';
    const topics = this.detail ? [...new Set(this.detail.partitions.map((p) => p.topic))] : [];
    return item(this.groupId, {
      id: nodeId(this.cluster, 'groups', this.groupId),
      description: `${state} · ${plural(members, 'member')}${lag}`,
      tooltip:
        `${this.groupId}\nstate: ${state}\nmembers: ${members}` +
        (this.detail
          ? `\ntopics: ${topics.join(', ') || 'none'}\ntotal lag: ${count(this.detail.totalLag)} messages`
          : '') +
        (this.isEmpty ? '\nNo active members: offsets can be reset' : ''),
      icon: icon(members > 0 ? 'organization' : 'circle-large-outline', STATE_COLORS[state]),
      contextValue: this.isEmpty ? 'group.empty' : 'group.active',
      collapsible: Collapsed,
    });
  }

  async children(): Promise<ExplorerNode[]> {
    const generation = this.ctx.generation;
    const hadDetail = this.detail !== undefined;
    let detail: GroupDetail;
    try {
      detail = await this.ctx.queries(this.cluster).groupDetail(this.groupId);
    } catch (e) {
      return [new ErrorNode(this.cluster, `groups/${this.groupId}`, 'Cannot describe the group', describeError(e))];
    }
    this.detail = detail;
    if (!hadDetail) this.ctx.changed(this, generation);
    const members = detail.members.map(
      (m) =>
        new MemberNode(
          this.cluster,
          this.groupId,
          m,
          detail.partitions.filter((p) => p.memberId === m.memberId),
        ),
    );
    const unowned = detail.partitions
      .filter((p) => p.memberId === null)
      .map((p) => new GroupPartitionNode(this.cluster, this.groupId, p));
    if (members.length + unowned.length === 0)
      return [new InfoNode(this.cluster, `groups/${this.groupId}`, 'No members and no committed offsets')];
    return [...members, ...unowned];
  }
}

export class MemberNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    readonly groupId: string,
    readonly member: GroupMember,
    readonly partitions: GroupPartitionLag[],
  ) {}

  treeItem(): vscode.TreeItem {
    const lag = this.partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0);
    const owned = this.member.assignment.map((a) => `${a.topic} [${a.partitions.join(', ')}]`).join('; ');
    return item(this.member.clientId || this.member.memberId, {
      id: nodeId(this.cluster, 'groups', this.groupId, 'members', this.member.memberId),
      description: `${this.member.host} · ${owned || 'no partitions'} · lag ${count(lag)}`,
      tooltip: `member ${this.member.memberId}\nclient id: ${this.member.clientId}\nhost: ${this.member.host}\nassigned: ${owned || 'nothing'}\nlag: ${count(lag)}`,
      icon: icon('person'),
      contextValue: 'member',
      collapsible: this.partitions.length > 0 ? Collapsed : None,
    });
  }

  async children(): Promise<ExplorerNode[]> {
    return this.partitions.map((p) => new GroupPartitionNode(this.cluster, this.groupId, p));
  }
}

export class GroupPartitionNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    readonly groupId: string,
    readonly lag: GroupPartitionLag,
  ) {}

  treeItem(): vscode.TreeItem {
    const p = this.lag;
    const committed = p.committed === null ? 'nothing committed' : `committed ${count(p.committed)}`;
    const lag = p.lag === null ? '' : ` · lag ${count(p.lag)}`;
    return item(`${p.topic} / ${p.partition}`, {
      id: nodeId(this.cluster, 'groups', this.groupId, 'partitions', p.topic, p.partition),
      description: `${committed} · end ${count(p.end)}${lag}${p.memberId === null ? ' · unassigned' : ''}`,
      tooltip:
        `${p.topic} partition ${p.partition}\ncommitted offset: ${p.committed === null ? 'none' : count(p.committed)}\nend offset: ${count(p.end)}\nlag: ${p.lag === null ? 'unknown' : count(p.lag)}` +
        (p.clientId ? `\nowned by ${p.clientId} (${p.host})` : '\nowned by no member'),
      icon: icon(p.lag ? 'arrow-circle-down' : 'pass', p.lag ? 'charts.orange' : undefined),
      contextValue: 'groupPartition',
    });
  }
}
