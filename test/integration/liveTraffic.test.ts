// Live traffic end to end on the real broker: a growing, rotating log followed by the producer,
// and the one-command pipeline; every line written is counted back with kcat, an independent client.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseJsonLine } from '../../src/core/parse';
import { pollUntil } from '../support/polling';
import { testBrokers, uniqueName } from './support/testBroker';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

interface Running {
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts the CLI as a long-running child; stop() sends Ctrl-C (SIGINT) and waits for it to end. */
function startCli(args: string[]): Running {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    async stop() {
      child.kill('SIGINT');
      const code = await ended;
      return { code, stdout, stderr };
    },
  };
}

function topicLines(topic: string): string[] {
  const r = spawnSync('kcat', ['-b', testBrokers()[0], '-C', '-t', topic, '-e', '-q'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
}

function topicExists(topic: string): boolean {
  // All topics: asking for this one by name would create it (auto.create.topics.enable).
  const r = spawnSync('kcat', ['-b', testBrokers()[0], '-L'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes(`topic "${topic}"`);
}

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live traffic', function () {
  this.timeout(180_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-live-it-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generate --live with rotation, followed by produce --follow: every written line arrives exactly once', async () => {
    const file = path.join(dir, 'input.log');
    const topic = uniqueName('live-follow');
    const broker = ['--brokers', testBrokers().join(',')];
    // The follower must be reading before the first rotation, as a tailer started ahead of the log is.
    fs.writeFileSync(file, '');
    const producer = startCli(['produce', file, '--topic', topic, '--follow', '--json', ...broker]);
    await pollUntil(`topic ${topic} created by the producer`, () => topicExists(topic) || undefined, undefined, 60_000);
    const args = ['generate', '--format', 'events', '--out', file, '--live', '--rate', '200'];
    const generator = startCli([...args, '--rotate-bytes', '150000', '--seed', 'it', '--json']);
    await sleep(10_000);
    const generated = await generator.stop();
    assert.equal(generated.code, 0, generated.stderr);
    const written = lastJson(generated.stdout);
    assert.ok(written.rotations >= 1, `no rotation in ${written.bytes} bytes`);
    assert.ok(written.lines > 500, `only ${written.lines} lines in 10 s at 200/s`);
    await pollUntil(
      `${written.lines} messages in ${topic}`,
      () => topicLines(topic).length,
      (n) => n >= written.lines,
      60_000,
    );
    const produced = await producer.stop();
    assert.equal(produced.code, 0, produced.stderr);
    assert.equal(lastJson(produced.stdout).acked, written.lines);
    const lines = topicLines(topic);
    assert.equal(lines.length, written.lines, 'messages in the topic');
    const ids = new Set(lines.map((l) => (parseJsonLine(l) as { event_id?: string } | undefined)?.event_id));
    assert.equal(ids.size, lines.length, 'every event once, each with its own id');
  });

  it('live: Ctrl-C stops generator, producer and consumer and the account adds up', async () => {
    const file = path.join(dir, 'live-web.log');
    const topic = uniqueName('live-pipeline');
    const pipeline = startCli([
      'live',
      '--file',
      file,
      '--topic',
      topic,
      '--format',
      'web',
      '--rate',
      '50',
      '--json',
      '--brokers',
      testBrokers().join(','),
    ]);
    await sleep(8000);
    const run = await pipeline.stop();
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    const account = lastJson(run.stdout);
    assert.equal(account.matches, true, account.problem);
    assert.ok(account.written > 0);
    assert.equal(account.read, account.written);
    assert.equal(topicLines(topic).length, account.written);
    assert.equal(fs.readFileSync(file, 'utf8').split('\n').length - 1, account.written);
  });
});
