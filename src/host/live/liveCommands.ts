// "Start Live Traffic…" (palette, the Kafka view's title bar, a topic's menu): asks format, rate,
// file and topic with ready defaults, makes sure the topic exists, starts the live generator with
// follow-mode produce onto it, and opens the dashboard. `{ format, rate, file, topic }` asks nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_LIVE_RATE } from '../../core/generate/liveTraffic';
import { isGeneratedFormat, type GeneratedFormat } from '../../core/logFormat';
import { clusterFrom, numberField, pickOne, stringField, withClusterAdmin, askText } from '../clusters/clusterArgs';
import { COMMANDS, type ClusterRef, type TopicArgs } from '../commands';
import type { KafkaDeps } from '../deps';
import type { ExplorerNode } from '../explorer/explorerNode';
import { topicFrom } from '../explorer/topicCommands';
import { askTopic, suggestedTopic } from '../produce/produceChoices';
import { executeCommand, registerCommand, registerTestCommand } from '../runCommand';
import { runsExtensionTests } from '../testMode';
import { LiveTrafficController } from './liveController';
import { askRate, rateProblem, runLiveMenu } from './liveMenu';
import type { LiveSnapshot } from './liveSession';

export interface StartLiveArgs extends TopicArgs {
  format?: GeneratedFormat;
  /** Lines per second (default 5). */
  rate?: number;
  /** Absolute, or relative to the first workspace folder (default logs/live-<format>.log). */
  file?: string;
  seed?: string;
  /** Open the dashboard on the topic (default true). */
  dashboard?: boolean;
}

interface LiveChoices {
  format: GeneratedFormat;
  rate: number;
  file: string;
  topic: string;
}

export const defaultLiveFile = (format: GeneratedFormat) => path.join('logs', `live-${format}.log`);

function formatItems(): Array<vscode.QuickPickItem & { format: GeneratedFormat }> {
  return [
    { label: vscode.l10n.t('Product events'), description: vscode.l10n.t('JSON lines with prices'), format: 'events' },
    { label: vscode.l10n.t('Web sessions'), description: 'timestamp user_id action page', format: 'web' },
    { label: vscode.l10n.t('Nginx access log'), description: vscode.l10n.t('combined log format'), format: 'nginx' },
  ];
}

async function askFile(format: GeneratedFormat, title: string): Promise<string> {
  if (vscode.workspace.workspaceFolders?.length)
    return askText({
      title,
      prompt: vscode.l10n.t('The growing log file, relative to the workspace folder'),
      value: defaultLiveFile(format),
      validateInput: (t) => (t.trim() ? undefined : vscode.l10n.t('Enter a file name')),
    });
  const saveLabel = vscode.l10n.t('Start');
  const uri = await vscode.window.showSaveDialog({ title, saveLabel, filters: { Logs: ['log'] } });
  if (!uri) throw new vscode.CancellationError();
  return uri.fsPath;
}

async function askLive(deps: KafkaDeps, cluster: ClusterRef, presetTopic?: string): Promise<LiveChoices> {
  const steps = presetTopic ? 3 : 4;
  const title = (n: number) => `${vscode.l10n.t('Kafka Log Lab: Start Live Traffic')} (${n}/${steps})`;
  const { format } = await pickOne(formatItems(), { title: title(1), placeHolder: vscode.l10n.t('Log format') });
  const rate = await askRate(DEFAULT_LIVE_RATE, title(2));
  const file = (await askFile(format, title(3))).trim();
  const topic =
    presetTopic ??
    (await askTopic(deps, cluster, title(4), suggestedTopic(format, file), vscode.l10n.t('suggested for {0}', format)));
  return { format, rate, file, topic };
}

/** A scripted start: `format` given means nothing is asked. */
function fromArgs(arg: unknown): LiveChoices | undefined {
  const format = stringField(arg, 'format');
  if (!format) return undefined;
  if (!isGeneratedFormat(format)) throw new Error(`unknown format "${format}" (web, nginx or events)`);
  const rate = numberField(arg, 'rate') ?? DEFAULT_LIVE_RATE;
  const problem = rateProblem(String(rate));
  if (problem) throw new Error(problem);
  const file = stringField(arg, 'file') ?? defaultLiveFile(format);
  return { format, rate, file, topic: topicFrom(arg) ?? suggestedTopic(format, file) };
}

async function startLive(deps: KafkaDeps, live: LiveTrafficController, arg?: StartLiveArgs | ExplorerNode) {
  const cluster = clusterFrom(deps, arg);
  const choices = fromArgs(arg) ?? (await askLive(deps, cluster, topicFrom(arg)));
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  const file = path.resolve(root, choices.file);
  // Before anything is written: no broker (or a bad topic name) fails here, with its way forward.
  const { ensureTopic } = await import('../../core/kafka/topicsAdmin');
  await withClusterAdmin(deps, cluster, (admin) => ensureTopic(admin, { topic: choices.topic, partitions: 3 }));
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const { requireWritableFile } = await import('../../core/fileErrors');
  requireWritableFile(file);
  const client = await deps.clusters.client(cluster);
  const brokers = cluster.bootstrapServers.split(',').map((b) => b.trim());
  const seed = stringField(arg, 'seed') ?? Math.random().toString(36).slice(2, 10);
  const session = await live.start({ ...choices, file, seed, cluster, client, brokers });
  deps.explorer.refresh();
  if ((arg as StartLiveArgs | undefined)?.dashboard !== false)
    await executeCommand(COMMANDS.openDashboard, { topic: choices.topic, cluster, format: choices.format });
  return session.snapshot();
}

export function registerLiveCommands(deps: KafkaDeps): vscode.Disposable[] {
  const live = new LiveTrafficController(deps);
  const disposables = [
    live,
    registerCommand(deps, COMMANDS.startLiveTraffic, (arg?) => startLive(deps, live, arg)),
    registerCommand(deps, COMMANDS.liveTrafficMenu, (arg?) => runLiveMenu(live, arg)),
  ];
  if (runsExtensionTests(deps.context))
    disposables.push(registerTestCommand(COMMANDS.testLiveStatus, (): LiveSnapshot | undefined => live.snapshot()));
  return disposables;
}
