// "Export Lab Report…": asks the topic (and optionally the produced file and where to write),
// writes the report and its charts into the workspace with the engine's report code, then
// opens the Markdown preview. A user's file is never replaced without asking.
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { isLogFormat, type LogFormat } from '../../core/logFormat';
import type { LabReport, ReportStep, WrittenReport } from '../../core/report';
import { clusterFrom, pickOne, stringField } from '../clusters/clusterArgs';
import { describeClusterSecurity } from '../clusters/clusterRegistry';
import type { ClusterArgs, ClusterRef, ConfirmArgs } from '../commands';
import type { KafkaDeps } from '../deps';
import { topicFrom } from '../explorer/topicCommands';
import { withCancellableProgress } from '../lifecycle';
import { LOG_FILE_GLOB } from '../produce/produceCommands';

export interface ExportLabReportArgs extends ClusterArgs, ConfirmArgs {
  topic?: string;
  /** The produced log file (absolute or relative to the workspace); '' for none. Absent: asked. */
  file?: string;
  format?: LogFormat | 'auto';
  /** Where to write the report (absolute or relative to the workspace). Absent: asked. */
  out?: string;
  /** Open the Markdown preview afterwards (default true). */
  preview?: boolean;
}

export interface ExportedLabReport extends WrittenReport {
  report: LabReport;
}

const workspaceRoot = (): string | undefined => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;

function resolveInWorkspace(file: string): string {
  return path.resolve(workspaceRoot() ?? process.cwd(), file);
}

async function askTopic(deps: KafkaDeps, cluster: ClusterRef): Promise<string> {
  const topics = (await deps.explorer.queries(cluster).topics()).filter((t) => !t.internal);
  const picked = await pickOne(
    topics.map((t) => ({ label: t.name, description: vscode.l10n.t('{0} partitions', t.partitions) })),
    { title: vscode.l10n.t('Export Lab Report (1/3): topic'), placeHolder: vscode.l10n.t('Topic to report on') },
  );
  return picked.label;
}

async function askFile(): Promise<string | undefined> {
  const files = (await vscode.workspace.findFiles(LOG_FILE_GLOB, '**/{node_modules,.git}/**', 200)).map(
    (u) => u.fsPath,
  );
  const none = { label: vscode.l10n.t('No file (skip the sent = read check)'), file: '' };
  const picked = await pickOne(
    [
      none,
      ...files
        .sort()
        .map((f) => ({ label: path.basename(f), description: vscode.workspace.asRelativePath(f), file: f })),
    ],
    { title: vscode.l10n.t('Export Lab Report (2/3): the file that was produced'), matchOnDescription: true },
  );
  return picked.file || undefined;
}

async function askOut(topic: string): Promise<string> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Export Lab Report (3/3): where to write it'),
    prompt: vscode.l10n.t('A Markdown file in the workspace; its charts are written beside it.'),
    value: path.join('reports', `${topic}-report.md`),
    validateInput: (v) => (v.trim().endsWith('.md') ? undefined : vscode.l10n.t('The report is a .md file.')),
  });
  if (value === undefined) throw new vscode.CancellationError();
  return resolveInWorkspace(value.trim());
}

/** True when nothing of the user's would be replaced, or they said so. */
async function mayWrite(files: string[], skip: boolean | undefined): Promise<boolean> {
  const existing = files.filter((f) => fs.existsSync(f));
  if (existing.length === 0 || skip) return true;
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(existing[0])),
    { modal: true, detail: existing.map((f) => vscode.workspace.asRelativePath(f)).join('\n') },
    replace,
  );
  return answer === replace;
}

function formatFrom(arg: unknown): LogFormat | 'auto' {
  const format = stringField(arg, 'format');
  return format && isLogFormat(format) ? format : 'auto';
}

function stepText(step: ReportStep): string {
  if (step === 'describe') return vscode.l10n.t('Describing the cluster and the topic');
  if (step === 'read') return vscode.l10n.t('Reading the whole topic');
  return vscode.l10n.t('Checking sent = read against the file');
}

export async function exportLabReport(
  deps: KafkaDeps,
  arg?: ExportLabReportArgs,
): Promise<ExportedLabReport | undefined> {
  const cluster = clusterFrom(deps, arg);
  const topic = topicFrom(arg) ?? (await askTopic(deps, cluster));
  const given = arg?.file;
  const file = given === undefined ? await askFile() : given ? resolveInWorkspace(given) : undefined;
  const out = arg?.out ? resolveInWorkspace(arg.out) : await askOut(topic);
  const { collectReport, reportFiles, writeReport } = await import('../../core/report');
  const client = await deps.clusters.client(cluster);
  const report = await withCancellableProgress(
    deps.work,
    vscode.l10n.t('Lab report of {0}', topic),
    (signal, progress) =>
      collectReport({
        client,
        topic,
        brokers: cluster.bootstrapServers.split(',').map((b) => b.trim()),
        security: describeClusterSecurity(cluster).split('\n')[0],
        file,
        format: formatFrom(arg),
        toolVersion: String(deps.context.extension.packageJSON.version),
        signal,
        onStep: (step) => progress.report({ message: stepText(step) }),
      }),
  );
  if (!(await mayWrite(reportFiles(report, out), arg?.skipConfirmation))) return undefined;
  // Paths as the workspace's terminal retypes them in "Reproduce with".
  const shown = report.file
    ? { ...report, file: { ...report.file, path: vscode.workspace.asRelativePath(report.file.path) } }
    : report;
  const written = writeReport(shown, out, vscode.workspace.asRelativePath(out));
  deps.log.info(`[report] wrote ${out} (${report.read.messages} messages, ${written.chartFiles.length} charts)`);
  if (arg?.preview !== false) await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(out));
  return { ...written, report };
}

/** What the dashboard's "Export Lab Report…" asks for: its topic, cluster and format. */
export function dashboardReportArgs(config: {
  topic: string;
  brokers: string[];
  clusterName?: string;
  format: LogFormat | 'auto';
}): ExportLabReportArgs {
  const bootstrapServers = config.brokers.join(',');
  const cluster = config.clusterName ?? { name: bootstrapServers, bootstrapServers };
  return { topic: config.topic, cluster, format: config.format };
}
