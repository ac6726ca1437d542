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
    const n = this.userGroups().length;
    return item(vscode.l10n.t('Consumer groups'), {
      id: nodeId(this.cluster, 'groups'),
      description:
        this.groups.status === 'fulfilled'
          ? plural(
              n,
              (c) => vscode.l10n.t('{0} group', c),
              (c) => vscode.l10n.t('{0} groups', c),
            )
          : vscode.l10n.t('unavailable'),
      tooltip: vscode.l10n.t('Consumer groups with their members, assigned partitions, committed offsets and lag.'),
      icon: icon('organization'),
      contextValue: 'groups',
      collapsible: Collapsed,
    });
  }

  async children(): Promise<ExplorerNode[]> {
    if (this.groups.status === 'rejected') {
      const reason = describeError(this.groups.reason);
      return [new ErrorNode(this.cluster, 'groups', vscode.l10n.t('Cannot list consumer groups'), reason)];
    }
    const groups = this.userGroups();
    if (groups.length === 0) return [new InfoNode(this.cluster, 'groups', vscode.l10n.t('No consumer groups yet'))];
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
    const lag = this.detail ? ` · ${vscode.l10n.t('lag {0}', count(this.detail.totalLag))}` : '';
    const topics = this.detail ? [...new Set(this.detail.partitions.map((p) => p.topic))] : [];
    return item(this.groupId, {
      id: nodeId(this.cluster, 'groups', this.groupId),
      description: `${state} · ${plural(
        members,
        (c) => vscode.l10n.t('{0} member', c),
        (c) => vscode.l10n.t('{0} members', c),
      )}${lag}`,
      tooltip: [
        this.groupId,
        vscode.l10n.t('state: {0}', state),
        vscode.l10n.t('members: {0}', members),
        ...(this.detail
          ? [
              vscode.l10n.t('topics: {0}', topics.join(', ') || vscode.l10n.t('none')),
              vscode.l10n.t('total lag: {0} messages', count(this.detail.totalLag)),
            ]
          : []),
        ...(this.isEmpty ? [vscode.l10n.t('No active members: offsets can be reset')] : []),
      ].join('\n'),
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
      const reason = describeError(e);
      return [
        new ErrorNode(this.cluster, `groups/${this.groupId}`, vscode.l10n.t('Cannot describe the group'), reason),
      ];
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
      return [
        new InfoNode(this.cluster, `groups/${this.groupId}`, vscode.l10n.t('No members and no committed offsets')),
      ];
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
      description: `${this.member.host} · ${owned || vscode.l10n.t('no partitions')} · ${vscode.l10n.t('lag {0}', count(lag))}`,
      tooltip: [
        vscode.l10n.t('member {0}', this.member.memberId),
        vscode.l10n.t('client id: {0}', this.member.clientId),
        vscode.l10n.t('host: {0}', this.member.host),
        vscode.l10n.t('assigned: {0}', owned || vscode.l10n.t('nothing')),
        vscode.l10n.t('lag: {0}', count(lag)),
      ].join('\n'),
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
    const committed =
      p.committed === null ? vscode.l10n.t('nothing committed') : vscode.l10n.t('committed {0}', count(p.committed));
    const lag = p.lag === null ? '' : ` · ${vscode.l10n.t('lag {0}', count(p.lag))}`;
    const unassigned = p.memberId === null ? ` · ${vscode.l10n.t('unassigned')}` : '';
    return item(`${p.topic} / ${p.partition}`, {
      id: nodeId(this.cluster, 'groups', this.groupId, 'partitions', p.topic, p.partition),
      description: `${committed} · ${vscode.l10n.t('end {0}', count(p.end))}${lag}${unassigned}`,
      tooltip: partitionTooltip(p),
      icon: icon(p.lag ? 'arrow-circle-down' : 'pass', p.lag ? 'charts.orange' : undefined),
      contextValue: 'groupPartition',
    });
  }
}

function partitionTooltip(p: GroupPartitionLag): string {
  return [
    vscode.l10n.t('{0} partition {1}', p.topic, p.partition),
    vscode.l10n.t('committed offset: {0}', p.committed === null ? vscode.l10n.t('none') : count(p.committed)),
    vscode.l10n.t('end offset: {0}', count(p.end)),
    vscode.l10n.t('lag: {0}', p.lag === null ? vscode.l10n.t('unknown') : count(p.lag)),
    p.clientId ? vscode.l10n.t('owned by {0} ({1})', p.clientId, p.host ?? '') : vscode.l10n.t('owned by no member'),
  ].join('\n');
}
