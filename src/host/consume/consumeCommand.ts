// "Consume in Dashboard": picks the topic (unless a tree row or caller names it) and hands it
// to the dashboard (`kafkaLogLab.openDashboard`).
import * as vscode from 'vscode';
import { clusterFrom, pickOne } from '../clusters/clusterArgs';
import type { KafkaDeps } from '../deps';
import { topicFrom } from '../explorer/topicCommands';
import { COMMANDS, type TopicArgs } from '../commands';
import type { ExplorerNode } from '../explorer/explorerNode';
import { executeCommand, registerCommand } from '../runCommand';
import type { ProducedInfo } from '../../shared/protocol';
import type { ClusterConfig } from '../settings';
import { markDone } from '../walkthrough/walkthroughProgress';

async function pickTopic(deps: KafkaDeps, cluster: ClusterConfig): Promise<string> {
  const topics = deps.explorer
    .queries(cluster)
    .topics()
    .then((ts) => ts.filter((t) => !t.internal).map((t) => ({ label: t.name })));
  return (await pickOne(topics, { placeHolder: vscode.l10n.t('Topic on "{0}" to consume', cluster.name) })).label;
}

/** Resolves the cluster once and hands it, with the topic, to the dashboard. */
export async function openDashboard(deps: KafkaDeps, arg?: TopicArgs | ExplorerNode, produced?: ProducedInfo) {
  const cluster = clusterFrom(deps, arg);
  const topic = topicFrom(arg) ?? (await pickTopic(deps, cluster));
  markDone('dashboardOpened');
  return executeCommand(COMMANDS.openDashboard, { topic, cluster, produced });
}

export function registerConsumeCommands(deps: KafkaDeps): vscode.Disposable[] {
  return [registerCommand(deps, COMMANDS.consumeTopic, (arg?) => openDashboard(deps, arg))];
}
