// The editor under a broker outage, in the real VS Code: a dashboard and a group lab stay
// open while their broker (this test's own, started with the CLI) is stopped, and then killed
// with SIGKILL. Each time they must say so within 10 s, keep their numbers, and resume by
// themselves when the broker is back, without counting anything twice.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { LabSnapshot } from '../../src/shared/groupLabProtocol';
import type { LiveState } from '../../src/shared/protocol';
import { pollUntil } from '../support/polling';
import { hostState, numberIn, openDashboard, produced, rendered, scratchDir, uniqueTopic } from './dashboardHelpers';

const repoRoot = path.resolve(__dirname, '../../..');
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'broker', ...args], {
    encoding: 'utf8',
    timeout: 240_000,
  });

interface Started {
  bootstrap: string;
  pid?: number;
}

/** This test's own JVM broker, on `port` (a free one when absent), keeping its data in `dataDir`. */
function startBroker(dataDir: string, port?: number): Started {
  const portArgs = port === undefined ? [] : ['--port', String(port)];
  const out = cli('start', '--engine', 'jvm', '--data-dir', dataDir, ...portArgs, '--json')
    .trim()
    .split('\n');
  return JSON.parse(out[out.length - 1]) as Started;
}

const labSnapshot = (topic: string) =>
  vscode.commands.executeCommand<LabSnapshot>('kafkaLogLab.test.groupLabSnapshot', topic);
const WITHIN_MS = 10_000;

describe('a broker outage under an open dashboard and group lab', function () {
  this.timeout(900_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-outage-data-'));
  const topic = uniqueTopic('outage-web');
  let broker: Started;
  let port: number;
  let messages = 0;

  before(async function () {
    if (process.env.KLL_OUTAGE_TESTS === '0') this.skip();
    broker = startBroker(dataDir);
    port = Number(broker.bootstrap.split(':').pop());
    const summary = await produced(broker.bootstrap, topic, path.join(scratchDir(), 'web.log'), {
      format: 'web',
      users: 30,
    });
    messages = summary.acked;
    await openDashboard({ topic, brokers: broker.bootstrap, from: 'beginning' });
    await vscode.commands.executeCommand('kafkaLogLab.openGroupLab', {
      topic,
      groups: 1,
      members: 2,
      brokers: broker.bootstrap,
    });
    await pollUntil(
      'dashboard live with every message',
      () => hostState(topic),
      (s) => s.messages === messages && s.connection.status === 'live',
    );
  });

  after(async () => {
    for (const close of ['kafkaLogLab.test.dashboardClose', 'kafkaLogLab.test.groupLabClose']) {
      await vscode.commands.executeCommand(close, topic).then(undefined, () => undefined);
    }
    if (port) cli('stop', '--port', String(port));
  });

  it("produces the user's topic in its own format (web sessions), never nginx lines", async () => {
    const plan = (await labSnapshot(topic)).produceAs;
    assert.deepEqual(plan, { format: 'web', topicFormat: 'web' });
    const reply = await vscode.commands.executeCommand<{ error?: string }>('kafkaLogLab.test.groupLabReceive', topic, {
      type: 'produce',
      id: 1,
      count: 40,
    });
    assert.equal(reply?.error, undefined);
    messages += 40;
    const state = await pollUntil(
      'the produced lines read',
      () => hostState(topic),
      (s) => s.messages === messages,
    );
    assert.equal(state.format, 'web', 'the topic still reads as web sessions');
  });

  for (const how of ['stopped', 'killed'] as const) {
    it(`says so within 10 s when the broker is ${how}, keeps its numbers, and resumes after a restart`, async () => {
      await pollUntil(
        'live before the outage',
        () => hostState(topic),
        (s) => s.connection.status === 'live',
      );
      if (how === 'stopped') cli('stop', '--port', String(port));
      else {
        process.kill(broker.pid!, 'SIGKILL');
      }
      const down = await pollUntil(
        'the dashboard to report the outage',
        () => hostState(topic),
        (s: LiveState) => s.connection.status === 'reconnecting' || s.connection.status === 'disconnected',
        WITHIN_MS,
      );
      assert.equal(down.messages, messages, 'the numbers stay');
      assert.equal(down.connection.stale, true);
      const lab = await pollUntil(
        'the group lab to report the outage',
        () => labSnapshot(topic),
        (s) => s.connection.status !== 'live',
        WITHIN_MS,
      );
      assert.ok(
        lab.groups.every((g) => g.state !== 'Stable'),
        'no group is called Stable',
      );
      assert.ok(
        lab.groups.every((g) => g.members.every((m) => m.state !== 'active')),
        'no member is called active',
      );
      await openDashboard({ topic, brokers: broker.bootstrap }); // on screen: the lab's panel opened over it
      const shown = await pollUntil(
        'Disconnected on screen',
        () => rendered(topic),
        (r) => r.stats.connection === 'Disconnected',
        30_000,
      );
      assert.match(shown.stats['connection.detail'], /numbers below are from before/);
      assert.equal(numberIn(shown.stats['counter.messages']), messages);

      if (how === 'killed') cli('stop', '--port', String(port)); // forgets the dead broker
      broker = startBroker(dataDir, port);
      const back = await pollUntil(
        'the dashboard to resume',
        () => hostState(topic),
        (s) => s.connection.status === 'live',
        120_000,
      );
      assert.equal(back.messages, messages, 'nothing counted twice, nothing lost');
      await pollUntil(
        'the group lab to resume',
        () => labSnapshot(topic),
        (s) => s.connection.status === 'live',
        120_000,
      );
      const report = await pollUntil(
        'Live on screen',
        () => rendered(topic),
        (r) => r.stats.connection === 'Live',
        30_000,
      );
      assert.equal(numberIn(report.stats['counter.messages']), messages);
    });
  }
});
