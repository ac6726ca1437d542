// Cluster rows and their brokers. A cluster row asks for the cluster description first, so an
// unreachable cluster shows one clear error row instead of three failing folders.
import * as vscode from 'vscode';
import {
  brokerStates,
  localClusterNodes,
  localDockerClusterNodes,
  type BrokerState,
} from '../../core/broker/brokerStates';
import { describeError } from '../../core/errors';
import type { ClusterInfo } from '../../core/kafka/ports';
import { describeCluster, describeClusterSecurity } from '../clusters/clusterRegistry';
import type { ClusterConfig } from '../settings';
import { ErrorNode, icon, item, nodeId, plural, type ExplorerContext, type ExplorerNode } from './explorerNode';
import { GroupsFolderNode } from './groupNodes';
import { TopicsFolderNode } from './topicNodes';

const { Collapsed, Expanded } = vscode.TreeItemCollapsibleState;

export class ClusterNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    private readonly ctx: ExplorerContext,
  ) {}

  treeItem(): vscode.TreeItem {
    const active = this.ctx.isActive(this.cluster);
    return item(this.cluster.name, {
      id: nodeId(this.cluster),
      description: `${describeCluster(this.cluster)}${active ? ` · ${vscode.l10n.t('active')}` : ''}`,
      tooltip: `${this.cluster.name}${active ? ` ${vscode.l10n.t('(active cluster)')}` : ''}\n${this.cluster.bootstrapServers}\n${describeClusterSecurity(this.cluster)}`,
      icon: active ? icon('server-environment', 'charts.green') : icon('server-environment'),
      contextValue: active ? 'cluster.active' : 'cluster',
      collapsible: active ? Expanded : Collapsed,
    });
  }

  async children(): Promise<ExplorerNode[]> {
    const queries = this.ctx.queries(this.cluster);
    let info: ClusterInfo;
    try {
      info = await queries.cluster();
      this.ctx.reportState(this.cluster, 'connected');
    } catch (e) {
      this.ctx.reportState(this.cluster, 'unreachable', e);
      return [
        new ErrorNode(
          this.cluster,
          'cluster',
          vscode.l10n.t('Cannot reach {0}', this.cluster.bootstrapServers),
          describeError(e),
        ),
      ];
    }
    // Both lists are single requests; asking them together lets the folders show their counts.
    const bootstrap = this.cluster.bootstrapServers.split(',');
    const [topics, groups, dockerNodes] = await Promise.allSettled([
      queries.topics(),
      queries.groups(),
      localDockerClusterNodes(bootstrap),
    ]);
    const localNodes =
      localClusterNodes(bootstrap) ?? (dockerNodes.status === 'fulfilled' ? dockerNodes.value : undefined);
    return [
      new BrokersFolderNode(this.cluster, info, brokerStates(info, localNodes)),
      new TopicsFolderNode(this.cluster, this.ctx, topics),
      new GroupsFolderNode(this.cluster, this.ctx, groups, topics.status === 'fulfilled' ? topics.value.length : 0),
    ];
  }
}

export class BrokersFolderNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    private readonly info: ClusterInfo,
    private readonly states: BrokerState[],
  ) {}

  treeItem(): vscode.TreeItem {
    const controller =
      this.states.find((b) => b.controller)?.nodeId ?? this.info.controllerId ?? vscode.l10n.t('unknown');
    const count = plural(
      this.states.length,
      (c) => vscode.l10n.t('{0} broker', c),
      (c) => vscode.l10n.t('{0} brokers', c),
    );
    const down = this.states.filter((b) => b.state !== 'up').length;
    return item(vscode.l10n.t('Brokers'), {
      id: nodeId(this.cluster, 'brokers'),
      description: down ? `${count} · ${vscode.l10n.t('{0} not up', down)}` : count,
      tooltip: vscode.l10n.t('Cluster id {0}\nController: {1}', this.info.clusterId, controller),
      icon: icon('server'),
      contextValue: 'brokers',
      collapsible: Collapsed,
    });
  }

  async children(): Promise<ExplorerNode[]> {
    return this.states.map((b) => new BrokerNode(this.cluster, b));
  }
}

/** What a broker row says about its state, after the address. */
function stateWords(b: BrokerState): string | undefined {
  if (b.state === 'down') return vscode.l10n.t('down');
  if (b.state === 'starting') return vscode.l10n.t('starting');
  return b.controller ? vscode.l10n.t('controller') : undefined;
}

function stateIcon(b: BrokerState): vscode.ThemeIcon {
  if (b.state === 'down') return icon('debug-disconnect', 'errorForeground');
  if (b.state === 'starting') return icon('loading~spin');
  return icon(b.controller ? 'star-full' : 'server-process');
}

export class BrokerNode implements ExplorerNode {
  constructor(
    readonly cluster: ClusterConfig,
    readonly broker: BrokerState,
  ) {}

  treeItem(): vscode.TreeItem {
    const address = `${this.broker.host}:${this.broker.port}`;
    const id = this.broker.nodeId;
    const words = stateWords(this.broker);
    const tooltipState =
      this.broker.state === 'down'
        ? vscode.l10n.t('Down: its JVM does not run (start it with kafka-log-lab broker start --node {0})', id)
        : this.broker.state === 'starting'
          ? vscode.l10n.t('Starting: its JVM runs, the cluster does not list it yet')
          : this.broker.controller
            ? vscode.l10n.t('Controller of the cluster')
            : undefined;
    return item(vscode.l10n.t('broker {0}', id), {
      id: nodeId(this.cluster, 'brokers', id),
      // The state first: a narrow side bar cuts the end of the description.
      description: words ? `${words} · ${address}` : address,
      tooltip: [vscode.l10n.t('Broker id {0}', id), address, tooltipState].filter(Boolean).join('\n'),
      icon: stateIcon(this.broker),
      contextValue: this.broker.state === 'up' ? 'broker' : 'broker.down',
    });
  }
}
