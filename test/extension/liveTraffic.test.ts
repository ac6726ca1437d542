// "Start Live Traffic…" in the real VS Code against the real broker in KLL_TEST_BROKERS: the log
// grows, the topic fills (read on the dashboard and from the broker's offsets), the status-bar
// menu's command changes the rate, pauses and stops, and after the stop every written line was
// delivered. With KLL_LIVE_MEMORY_MINUTES set (scripts/vscode/measure-live-memory.mjs), a long
// run samples the extension host's memory instead; the suite itself never runs it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import type { LiveResult, LiveSnapshot } from '../../src/host/live/liveSession';
import type { KafkaLogLabApi } from '../../src/host/api';
import { numberIn, rendered, scratchDir, testBrokers, uniqueTopic } from './dashboardHelpers';
import { runCommand } from './support/explorerTree';
import { pollUntil } from '../support/polling';

const status = () => vscode.commands.executeCommand<LiveSnapshot | undefined>('kafkaLogLab.test.liveStatus');
const fileLines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').length - 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function delivered(brokers: string, topic: string): Promise<number> {
  const client = createKafkaClient({ brokers: brokers.split(','), clientId: 'kll-live-test' });
  const offsets = await withAdmin(client, (admin) => admin.topicOffsets(topic));
  return offsets.reduce((sum, p) => sum + p.latest - p.earliest, 0);
}

/** Runs a command of the extension and fails the test when it recorded a failure. */
async function run<T>(api: KafkaLogLabApi, command: string, arg?: unknown): Promise<T> {
  const { result, failures } = await runCommand<T>(api, command, arg);
  assert.deepEqual(failures, [], `${command} failed`);
  return result as T;
}

describe('Live traffic in the editor', function () {
  this.timeout(180000);
  const brokers = testBrokers();
  const topic = uniqueTopic('live');
  const cluster = { name: 'live-test', bootstrapServers: brokers ?? '' };
  let api: KafkaLogLabApi;
  let dir: string;
  let file: string;

  before(async function () {
    if (!brokers || process.env.KLL_LIVE_MEMORY_MINUTES) this.skip();
    api = (await vscode.extensions.getExtension('kafka-log-lab.kafka-log-lab')!.activate()) as KafkaLogLabApi;
    dir = scratchDir();
    file = path.join(dir, 'logs', 'live-events.log');
  });

  after(async () => {
    await vscode.commands.executeCommand('kafkaLogLab.liveTrafficMenu', { action: 'stop' }).then(undefined, () => {});
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('without a broker, fails before writing anything and offers to start the local broker', async () => {
    const nowhere = path.join(dir, 'nowhere', 'live.log');
    const mark = api.commands.failureCount();
    const arg = { format: 'events', file: nowhere, topic, cluster: { name: 'local', bootstrapServers: '127.0.0.1:1' } };
    await vscode.commands.executeCommand('kafkaLogLab.startLiveTraffic', arg);
    const failures = api.commands.failuresSince(mark);
    assert.equal(failures.length, 1, 'the start failed and said so');
    assert.deepEqual(
      failures[0].actions.map((a) => a.command),
      ['kafkaLogLab.startLocalBroker'],
      'the way forward is a button',
    );
    assert.equal(fs.existsSync(path.dirname(nowhere)), false, 'nothing was written, not even a folder');
    assert.equal(await status(), undefined, 'nothing runs');
  });

  it('starts, fills the topic and shows the count rising on the dashboard', async () => {
    const started = await run<LiveSnapshot>(api, 'kafkaLogLab.startLiveTraffic', {
      format: 'events',
      rate: 20,
      file,
      topic,
      cluster,
    });
    assert.equal(started.topic, topic);
    assert.equal(started.linesPerSecond, 20);
    const first = await pollUntil(
      'the dashboard to count messages',
      () => rendered(topic),
      (r) => {
        return numberIn(r.stats.messages) > 0;
      },
    );
    const later = await pollUntil(
      'the count to rise',
      () => rendered(topic),
      (r) => {
        return numberIn(r.stats.messages) >= numberIn(first.stats.messages) + 20;
      },
    );
    assert.ok(numberIn(later.stats.messages) > numberIn(first.stats.messages));
    assert.ok(fileLines(file) > 0, 'the log grows');
  });

  it('rejects a rate out of range and changes it through the status-bar menu command', async () => {
    const { failures } = await runCommand(api, 'kafkaLogLab.liveTrafficMenu', { action: 'rate', rate: 20_000 });
    assert.equal(failures.length, 1, 'a rate above 10,000 is refused');
    assert.equal((await status())!.linesPerSecond, 20);
    const before = (await status())!.lines;
    const changed = await run<LiveSnapshot>(api, 'kafkaLogLab.liveTrafficMenu', { action: 'rate', rate: 200 });
    assert.equal(changed.linesPerSecond, 200);
    const started = Date.now();
    await pollUntil(
      '400 more lines',
      () => status(),
      (s) => s.lines - before >= 400,
      60000,
    );
    const seconds = (Date.now() - started) / 1000;
    // At the old 20 lines/s, 400 lines take 20 s; at 200 lines/s about 2 s: the margin is for a busy machine.
    assert.ok(seconds < 15, `400 lines took ${seconds.toFixed(1)} s after the change to 200 lines/s`);
  });

  it('pauses (the file stops growing) and resumes', async () => {
    const paused = await run<LiveSnapshot>(api, 'kafkaLogLab.liveTrafficMenu', { action: 'pause' });
    assert.equal(paused.paused, true);
    const size = fs.statSync(file).size;
    await sleep(2000);
    assert.equal(fs.statSync(file).size, size, 'nothing is written while paused');
    const resumed = await run<LiveSnapshot>(api, 'kafkaLogLab.liveTrafficMenu', { action: 'resume' });
    assert.equal(resumed.paused, false);
    await pollUntil(
      'lines after the resume',
      () => fs.statSync(file).size,
      (s) => s > size,
      10000,
    );
  });

  it('stops: the file stops growing and every written line was delivered once', async () => {
    const result = await run<LiveResult>(api, 'kafkaLogLab.liveTrafficMenu', { action: 'stop' });
    assert.equal(await status(), undefined, 'nothing runs after the stop');
    const lines = fileLines(file);
    assert.equal(result.written, lines, 'the account counts every line in the file');
    await sleep(1500);
    assert.equal(fileLines(file), lines, 'the file no longer grows');
    assert.equal(result.failed, 0);
    assert.equal(result.acked, lines, 'every written line was acknowledged');
    assert.equal(await delivered(brokers!, topic), lines, 'the topic holds exactly the written lines');
    const shown = await pollUntil(
      'the dashboard to show every line',
      () => rendered(topic),
      (r) => {
        return numberIn(r.stats.messages) === lines;
      },
    );
    assert.equal(numberIn(shown.stats.messages), lines);
  });
});

describe('Live traffic memory (KLL_LIVE_MEMORY_MINUTES)', function () {
  const minutes = Number(process.env.KLL_LIVE_MEMORY_MINUTES ?? 0);
  this.timeout((minutes + 3) * 60_000);

  it('samples the extension host memory every 30 s during a long run at 50 lines/s', async function () {
    const brokers = testBrokers();
    if (!minutes || !brokers) this.skip();
    const api = (await vscode.extensions.getExtension('kafka-log-lab.kafka-log-lab')!.activate()) as KafkaLogLabApi;
    const dir = scratchDir();
    const topic = uniqueTopic('live-memory');
    const file = path.join(dir, 'live-events.log');
    const cluster = { name: 'live-memory', bootstrapServers: brokers! };
    await run(api, 'kafkaLogLab.startLiveTraffic', { format: 'events', rate: 50, file, topic, cluster });
    const samples: Array<{ s: number; rssMb: number; heapMb: number; lines: number }> = [];
    const started = Date.now();
    for (let i = 0; i <= minutes * 2; i++) {
      if (i > 0) await sleep(started + i * 30_000 - Date.now());
      const m = process.memoryUsage();
      const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
      const lines = (await status())?.lines ?? -1;
      samples.push({ s: Math.round((Date.now() - started) / 1000), rssMb: mb(m.rss), heapMb: mb(m.heapUsed), lines });
      console.log(`[live-memory] ${JSON.stringify(samples[samples.length - 1])}`);
    }
    const result = await run<LiveResult>(api, 'kafkaLogLab.liveTrafficMenu', { action: 'stop' });
    console.log(`[live-memory] stop ${JSON.stringify(result)}`);
    const out = process.env.KLL_LIVE_MEMORY_OUT;
    if (out) fs.writeFileSync(out, JSON.stringify({ samples, result }, null, 1));
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(result.acked, result.written);
  });
});
