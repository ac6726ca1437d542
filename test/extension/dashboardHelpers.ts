// Helpers for the dashboard's extension tests: a produced log of known content, the CLI's
// statistics for the same file, and what the dashboard webview reports it has rendered.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { generateToFile } from '../../src/core/generate';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import type { KafkaClient } from '../../src/core/kafka/ports';
import { produceFile, type ProduceSummary } from '../../src/core/kafka/produceFile';
import type { LiveState, RenderedReport, StatsSnapshot } from '../../src/shared/protocol';
import { pollUntil } from '../support/polling';

const repoRoot = path.resolve(__dirname, '../../..');

export const testBrokers = (): string | undefined => process.env.KLL_TEST_BROKERS;

export const uniqueTopic = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kll-dashboard-test-'));
}

/** Writes `lines` (or a generated log) and produces it to a new topic with the engine's produceFile. */
export async function produced(
  brokers: string,
  topic: string,
  file: string,
  content: { format: 'web' | 'nginx' | 'events'; users: number } | string[],
): Promise<ProduceSummary> {
  if (Array.isArray(content)) fs.writeFileSync(file, `${content.join('\n')}\n`);
  else
    await generateToFile(file, {
      format: content.format,
      seed: `dashboard-${topic}`,
      startMs: Date.UTC(2025, 9, 16),
      users: content.users,
    });
  const list = brokers.split(',');
  const client = createKafkaClient({ brokers: list, clientId: 'kll-dashboard-test' });
  await createTopicWithLeaders(client, topic);
  const summary = await produceFile({ client, brokers: list, file, topic });
  if (!summary.complete)
    throw new Error(`producing ${file} did not complete: ${JSON.stringify(summary.failures.slice(0, 3))}`);
  return summary;
}

/**
 * Creates a 3-partition topic and waits until every partition has a leader (a fresh topic answers
 * "not the leader" for a moment).
 */
async function createTopicWithLeaders(client: KafkaClient, topic: string): Promise<void> {
  await withAdmin(client, async (admin) => {
    await admin.createTopic({ topic, partitions: 3 });
    await pollUntil(
      `leaders for ${topic}`,
      () =>
        admin.topicOffsets(topic).then(
          (o) => o.length,
          () => 0,
        ),
      (n) => n === 3,
      30000,
    );
  });
}

/** `kafka-log-lab stats FILE --json`, run as a user would. */
export function cliStats(file: string): StatsSnapshot {
  return JSON.parse(
    execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'stats', file, '--json'], { encoding: 'utf8' }),
  ) as StatsSnapshot;
}

export function openDashboard(args: Record<string, unknown>): Thenable<unknown> {
  return vscode.commands.executeCommand('kafkaLogLab.openDashboard', args);
}

/** What the webview's DOM shows, as the webview reports it; undefined while it is not loaded. */
export async function rendered(topic: string): Promise<RenderedReport | undefined> {
  try {
    return await vscode.commands.executeCommand<RenderedReport>('kafkaLogLab.test.dashboardRendered', topic);
  } catch {
    return undefined;
  }
}

export function hostState(topic: string): Thenable<LiveState> {
  return vscode.commands.executeCommand<LiveState>('kafkaLogLab.test.dashboardState', topic);
}

/** The number in a rendered value: "1,234" -> 1234, "131.52 s" -> 131.52. */
export function numberIn(text: string | undefined): number {
  const match = /-?[\d,]+(?:\.\d+)?/.exec(text ?? '');
  return match ? Number(match[0].replace(/,/g, '')) : NaN;
}
