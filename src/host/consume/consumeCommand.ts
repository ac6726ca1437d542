// "Consume in Dashboard": hands the topic to the dashboard (`kafkaLogLab.openDashboard`) when
// it is installed; until then it reads the topic once with the engine and shows the
// statistics as JSON in an untitled editor.
import * as vscode from 'vscode';
import { clusterFrom, pickOne } from '../clusters/clusterArgs';
import type { KafkaDeps } from '../deps';
import { count } from '../explorer/explorerNode';
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

async function consumeToDocument(deps: KafkaDeps, cluster: ClusterConfig, topic: string): Promise<unknown> {
  const { consumeTopic } = await import('../../core/kafka/consumeTopic');
  const client = await deps.clusters.client(cluster);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Reading ${topic}`, cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return consumeTopic({
        client,
        topic,
        from: { kind: 'beginning' },
        untilEnd: true,
        idleMs: 5000,
        signal: controller.signal,
        onProgress: (p) => progress.report({ message: `${count(p.messages)} messages · ${count(Math.round(p.perSecond))}/s` }),
      });
    },
  );
  deps.log.info(`[consume] ${topic}: ${result.messages} messages in ${result.durationMs} ms (${result.stoppedBy})`);
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify({ cluster: cluster.name, ...result }, null, 2) });
  await vscode.window.showTextDocument(doc, { preview: false });
  return result;
}

export async function openDashboard(deps: KafkaDeps, arg: unknown): Promise<unknown> {
  const cluster = clusterFrom(deps, arg);
  const topic = topicFrom(arg) ?? (await pickTopic(deps, cluster));
  const produced = (arg as { produced?: DashboardRequest['produced'] } | undefined)?.produced;
  markDone('dashboardOpened');
  if ((await vscode.commands.getCommands(true)).includes(DASHBOARD_COMMAND)) {
    const request: DashboardRequest = { topic, cluster: cluster.name, bootstrapServers: cluster.bootstrapServers, produced };
    return vscode.commands.executeCommand(DASHBOARD_COMMAND, request);
  }
  return consumeToDocument(deps, cluster, topic);
}

export function registerConsumeCommands(deps: KafkaDeps): vscode.Disposable[] {
  return [registerCommand(deps, 'kafkaLogLab.consumeTopic', (arg?: unknown) => openDashboard(deps, arg))];
}
