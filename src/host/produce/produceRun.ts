// Runs one produce of a file with the engine's produceFile: a cancellable progress
// notification with lines/s (or the status bar in follow mode), then a summary with
// "Open Dashboard" and "Verify", and every failed line in the log channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProduceSummary } from '../../core/kafka/produceFile';
import type { VerifyReport } from '../../core/kafka/verifyTopic';
import { COMMANDS, type ClusterRef } from '../commands';
import { openDashboard } from '../consume/consumeCommand';
import { executeCommand } from '../runCommand';
import type { KafkaDeps } from '../deps';
import { count } from '../explorer/explorerNode';
import type { ClusterConfig } from '../settings';
import { markDone } from '../walkthrough/walkthroughProgress';
import type { FollowTracker } from './followMode';
import type { ProduceChoices } from './produceChoices';
import { withCancellableProgress } from '../lifecycle';

export interface ProduceRequest {
  file: string;
  cluster: ClusterRef;
  choices: ProduceChoices;
  follow: boolean;
  /** The user chose to send a file that looks binary. */
  binary?: boolean;
}

const MAX_LOGGED_FAILURES = 500;

export function summaryText(s: ProduceSummary): string {
  const expected = s.lines - s.skipped;
  const skipped = s.skipped ? ` ${vscode.l10n.t('({0} empty or unparsed lines skipped)', count(s.skipped))}` : '';
  const seconds = (s.durationMs / 1000).toFixed(1);
  const delivered = vscode.l10n.t(
    '{0} of {1} lines delivered to {2} in {3} s',
    count(s.acked),
    count(expected),
    s.topic,
    seconds,
  );
  return `${delivered}${skipped}`;
}

function logSummary(deps: KafkaDeps, s: ProduceSummary): void {
  const log = s.complete ? deps.log.info : deps.log.warn;
  log(
    `[produce] ${summaryText(s)}: ${s.file} as ${s.as}, format ${s.format}, ${count(s.messagesPerSecond)} lines/s${s.createdTopic ? ', topic created' : ''}`,
  );
  for (const f of s.failures.slice(0, MAX_LOGGED_FAILURES))
    deps.log.warn(`[produce] line ${f.line} failed: ${f.reason}`);
  if (s.failures.length > MAX_LOGGED_FAILURES)
    deps.log.warn(`[produce] … and ${s.failures.length - MAX_LOGGED_FAILURES} more failed lines`);
  if (s.unparsedLines.length)
    deps.log.warn(`[produce] lines that do not parse as ${s.format} (skipped): ${s.unparsedLines.join(', ')}`);
  if (s.stoppedReason) deps.log.warn(`[produce] stopped early: ${s.stoppedReason}`);
  if (s.cancelled)
    deps.log.info('[produce] cancelled; running the same produce again sends the file again from the start');
}

async function showSummary(deps: KafkaDeps, s: ProduceSummary, cluster: ClusterRef): Promise<void> {
  const problems = s.failed > 0 || s.unparsed > 0 || !s.complete;
  const [dashboard, verify, details] = [
    vscode.l10n.t('Open Dashboard'),
    vscode.l10n.t('Verify'),
    vscode.l10n.t('Show Details'),
  ];
  const actions = [dashboard, verify, ...(problems ? [details] : [])];
  const ending = s.stoppedReason
    ? `; ${vscode.l10n.t('stopped: {0}', s.stoppedReason)}`
    : s.cancelled
      ? `; ${vscode.l10n.t('cancelled')}`
      : '';
  const text = `Kafka Log Lab: ${summaryText(s)}${ending}.`;
  const choice = await (problems
    ? vscode.window.showWarningMessage(text, ...actions)
    : vscode.window.showInformationMessage(text, ...actions));
  // The cluster resolved when the produce started travels on as it is: no second lookup.
  if (choice === dashboard) await openDashboard(deps, { topic: s.topic, cluster }, { file: s.file, acked: s.acked });
  if (choice === verify) await executeCommand(COMMANDS.verifyFile, { file: s.file, topic: s.topic, cluster });
  if (choice === details) deps.log.show();
}

function progressText(p: { acked: number; linesRead: number; messagesPerSecond: number }): string {
  const [acked, read, rate] = [count(p.acked), count(p.linesRead), count(Math.round(p.messagesPerSecond))];
  return vscode.l10n.t('{0} lines delivered, {1} read · {2} lines/s', acked, read, rate);
}

export async function runProduce(
  deps: KafkaDeps,
  follows: FollowTracker,
  request: ProduceRequest,
): Promise<ProduceSummary> {
  const { file, cluster, choices, follow } = request;
  const { produceFile } = await import('../../core/kafka/produceFile');
  const client = await deps.clusters.client(cluster);
  const options = {
    client,
    brokers: cluster.bootstrapServers.split(',').map((b) => b.trim()),
    file,
    topic: choices.topic,
    format: choices.format,
    as: choices.as,
    binary: request.binary,
  };
  const name = path.basename(file);
  deps.log.info(
    `[produce] ${file} → ${choices.topic} on ${cluster.name} (format ${choices.format}, as ${choices.as}${follow ? ', follow' : ''})`,
  );
  let summary: ProduceSummary;
  if (follow) {
    const run = follows.start(file, choices.topic);
    try {
      summary = await deps.work.run(
        `following ${name} → ${choices.topic}`,
        (signal) =>
          produceFile({
            ...options,
            follow: true,
            signal,
            progressIntervalMs: 500,
            onProgress: (p) => run.progress(p.acked),
          }),
        run.signal,
      );
    } finally {
      run.finished();
    }
  } else {
    const title = vscode.l10n.t('Producing {0} to {1}', name, choices.topic);
    summary = await withCancellableProgress(deps.work, title, (signal, progress) =>
      produceFile({
        ...options,
        signal,
        onProgress: (p) => progress.report({ message: progressText(p) }),
      }),
    );
  }
  logSummary(deps, summary);
  deps.explorer.refresh();
  if (summary.acked > 0) markDone('fileProduced');
  void showSummary(deps, summary, cluster);
  return summary;
}

function verifyOthers(report: VerifyReport): string {
  if (!report.unexpected) return '';
  return ` ${vscode.l10n.t('The topic also holds {0} messages from elsewhere.', count(report.unexpected))}`;
}

function verifyText(report: VerifyReport, name: string, topic: string): string {
  if (report.missing === 0 && report.duplicates === 0)
    return vscode.l10n.t('Verify: all {0} lines of {1} are in {2} exactly once.', count(report.lines), name, topic);
  const [missing, duplicates, lines] = [count(report.missing), count(report.duplicates), count(report.lines)];
  return report.firstMissing.length
    ? vscode.l10n.t(
        'Verify: {0} missing and {1} duplicated of {2} lines in {3} (first missing: {4}).',
        missing,
        duplicates,
        lines,
        topic,
        report.firstMissing.join(', '),
      )
    : vscode.l10n.t('Verify: {0} missing and {1} duplicated of {2} lines in {3}.', missing, duplicates, lines, topic);
}

export async function runVerify(
  deps: KafkaDeps,
  cluster: ClusterConfig,
  file: string,
  topic: string,
): Promise<VerifyReport> {
  const { verifyFileAgainstTopic } = await import('../../core/kafka/verifyTopic');
  const client = await deps.clusters.client(cluster);
  const report = await withCancellableProgress(
    deps.work,
    vscode.l10n.t('Verifying {0} against {1}', path.basename(file), topic),
    (signal, progress) =>
      verifyFileAgainstTopic(file, topic, client, {
        signal,
        onProgress: (p) => progress.report({ message: vscode.l10n.t('{0} messages read', count(p.messages)) }),
      }),
  );
  const ok = report.missing === 0 && report.duplicates === 0;
  const text = `${verifyText(report, path.basename(file), topic)}${verifyOthers(report)}`;
  deps.log.info(`[verify] ${file} vs ${topic}: ${JSON.stringify(report)}`);
  void (ok
    ? vscode.window.showInformationMessage(`Kafka Log Lab: ${text}`)
    : vscode.window.showWarningMessage(`Kafka Log Lab: ${text}`));
  return report;
}
