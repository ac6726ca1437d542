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
  const skipped = s.skipped ? ` (${count(s.skipped)} empty or unparsed lines skipped)` : '';
  return `${count(s.acked)} of ${count(expected)} lines delivered to ${s.topic} in ${(s.durationMs / 1000).toFixed(1)} s${skipped}`;
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
  const actions = ['Open Dashboard', 'Verify', ...(problems ? ['Show Details'] : [])];
  const text = `Kafka Log Lab: ${summaryText(s)}${s.stoppedReason ? `; stopped: ${s.stoppedReason}` : s.cancelled ? '; cancelled' : ''}.`;
  const choice = await (problems
    ? vscode.window.showWarningMessage(text, ...actions)
    : vscode.window.showInformationMessage(text, ...actions));
  // The cluster resolved when the produce started travels on as it is: no second lookup.
  if (choice === 'Open Dashboard')
    await openDashboard(deps, { topic: s.topic, cluster }, { file: s.file, acked: s.acked });
  if (choice === 'Verify') await executeCommand(COMMANDS.verifyFile, { file: s.file, topic: s.topic, cluster });
  if (choice === 'Show Details') deps.log.show();
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
    summary = await withCancellableProgress(deps.work, `Producing ${name} to ${choices.topic}`, (signal, progress) =>
      produceFile({
        ...options,
        signal,
        onProgress: (p) =>
          progress.report({
            message: `${count(p.acked)} lines delivered, ${count(p.linesRead)} read · ${count(Math.round(p.messagesPerSecond))} lines/s`,
          }),
      }),
    );
  }
  logSummary(deps, summary);
  deps.explorer.refresh();
  if (summary.acked > 0) markDone('fileProduced');
  void showSummary(deps, summary, cluster);
  return summary;
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
    `Verifying ${path.basename(file)} against ${topic}`,
    (signal, progress) =>
      verifyFileAgainstTopic(file, topic, client, {
        signal,
        onProgress: (p) => progress.report({ message: `${count(p.messages)} messages read` }),
      }),
  );
  const ok = report.missing === 0 && report.duplicates === 0;
  const others = report.unexpected ? ` The topic also holds ${count(report.unexpected)} messages from elsewhere.` : '';
  const text = ok
    ? `Verify: all ${count(report.lines)} lines of ${path.basename(file)} are in ${topic} exactly once.${others}`
    : `Verify: ${count(report.missing)} missing and ${count(report.duplicates)} duplicated of ${count(report.lines)} lines in ${topic}${report.firstMissing.length ? ` (first missing: ${report.firstMissing.join(', ')})` : ''}.${others}`;
  deps.log.info(`[verify] ${file} vs ${topic}: ${JSON.stringify(report)}`);
  void (ok
    ? vscode.window.showInformationMessage(`Kafka Log Lab: ${text}`)
    : vscode.window.showWarningMessage(`Kafka Log Lab: ${text}`));
  return report;
}
