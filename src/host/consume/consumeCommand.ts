// "Consume in Dashboard": picks the topic (unless a tree row or caller names it) and hands it
// to the dashboard (`kafkaLogLab.openDashboard`).
import * as vscode from 'vscode';
import { clusterFrom, pickOne } from '../clusters/clusterArgs';
import type { KafkaDeps } from '../deps';
import { topicFrom } from '../explorer/topicCommands';
import { registerCommand } from '../runCommand';
import type { ClusterConfig } from '../settings';
import { markDone } from '../walkthrough/walkthroughProgress';

export const DASHBOARD_COMMAND = 'kafkaLogLab.openDashboard';

/** What the dashboard receives: which topic on which cluster, and where it came from. */
export interface DashboardRequest {
  topic: string;
  cluster: string;
  bootstrapServers: string;
  /** Set when opened from a produce summary: the file and how many lines it delivered. */
  produced?: { file: string; acked: number };
}

async function pickTopic(deps: KafkaDeps, cluster: ClusterConfig): Promise<string> {
  const topics = deps.explorer.queries(cluster).topics().then((ts) => ts.filter((t) => !t.internal).map((t) => ({ label: t.name })));
  return (await pickOne(topics, { placeHolder: `Topic on "${cluster.name}" to consume` })).label;
}

export async function openDashboard(deps: KafkaDeps, arg: unknown): Promise<unknown> {
  const cluster = clusterFrom(deps, arg);
  const topic = topicFrom(arg) ?? (await pickTopic(deps, cluster));
  const produced = (arg as { produced?: DashboardRequest['produced'] } | undefined)?.produced;
  markDone('dashboardOpened');
  const request: DashboardRequest = { topic, cluster: cluster.name, bootstrapServers: cluster.bootstrapServers, produced };
  return vscode.commands.executeCommand(DASHBOARD_COMMAND, request);
}

export function registerConsumeCommands(deps: KafkaDeps): vscode.Disposable[] {
  return [registerCommand(deps, 'kafkaLogLab.consumeTopic', (arg?: unknown) => openDashboard(deps, arg))];
}
