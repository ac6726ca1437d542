import assert from 'node:assert/strict';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { consumeTopic } from '../../src/core/kafka/consumeTopic';
import type { KafkaClient } from '../../src/core/kafka/ports';
import { testBrokers, uniqueName } from './support/testBroker';
import { produceNumbered } from './support/roundTrip';
import { nonEmptyLines, produceLines, webVisitorKey } from './support/fileLines';
import { fileStats, webLog } from './support/webLogs';
import { lastJsonLine, runCli } from './support/runCli';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const client = () => createKafkaClient({ brokers: testBrokers() });

async function newTopic(prefix: string, partitions: number): Promise<string> {
  const topic = uniqueName(prefix);
  await withAdmin(client(), (admin) => admin.createTopic({ topic, partitions }));
  return topic;
}

/** Waits until a group-less reader's throw-away group is Stable (it has its partitions). */
async function readerJoined(c: KafkaClient): Promise<void> {
  await withAdmin(c, async (admin) => {
    const deadline = Date.now() + 30000;
    while (Date.now() < deadline) {
      const readers = (await admin.listGroups())
        .filter((g) => g.groupId.startsWith('kafka-log-lab-reader-'))
        .map((g) => g.groupId);
      if (readers.length && (await admin.describeGroups(readers)).some((g) => g.state === 'Stable')) return;
      await sleep(100);
    }
    throw new Error('the reader never joined');
  });
}

describe('consumeTopic against a real broker', function () {
  this.timeout(120000);

  it('computes the same statistics as the engine on the file, detecting the format', async () => {
    const { file, lines } = webLog('consume-stats', 300);
    const topic = await newTopic('consume-stats', 1);
    await produceLines(client(), topic, nonEmptyLines(file), { headers: true, file });
    const result = await consumeTopic({ client: client(), topic, from: { kind: 'beginning' }, untilEnd: true });
    assert.equal(result.stoppedBy, 'end');
    assert.equal(result.messages, lines.length);
    assert.deepEqual(result.partitions, { 0: lines.length });
    assert.equal(result.format, 'web');
    assert.deepEqual(result.stats, fileStats('web', lines));
  });

  it('matches the file statistics over 3 partitions keyed by visitor', async () => {
    const { file, lines } = webLog('consume-keyed', 400);
    const topic = await newTopic('consume-keyed', 3);
    await produceLines(client(), topic, nonEmptyLines(file), { headers: true, file, key: webVisitorKey });
    const result = await consumeTopic({
      client: client(),
      topic,
      from: { kind: 'beginning' },
      untilEnd: true,
      format: 'web',
    });
    assert.equal(result.messages, lines.length);
    assert.equal(
      Object.values(result.partitions).reduce((a, b) => a + b, 0),
      lines.length,
    );
    assert.ok(
      Object.values(result.partitions).every((n) => n > 0),
      'every partition got visitors',
    );
    assert.deepEqual(result.stats, fileStats('web', lines));
  });

  it('starts every partition at an offset', async () => {
    const topic = await newTopic('consume-offset', 3);
    await produceNumbered(client(), topic, 600);
    const ends = await withAdmin(client(), (admin) => admin.topicOffsets(topic));
    const offsets: number[] = [];
    const result = await consumeTopic({
      client: client(),
      topic,
      from: { kind: 'offset', offset: 150 },
      untilEnd: true,
      stats: false,
      onMessages: (b) => b.messages.forEach((m) => offsets.push(Number(m.offset))),
    });
    const expected = Object.fromEntries(ends.map((e) => [String(e.partition), Math.max(0, e.latest - 150)]));
    assert.deepEqual(result.partitions, expected);
    assert.equal(offsets.length, result.messages);
    assert.ok(offsets.every((o) => o >= 150));
  });

  it('starts at the first message at or after a time', async () => {
    const topic = await newTopic('consume-time', 2);
    const t0 = Date.UTC(2025, 9, 16, 21);
    const producer = client().producer();
    await producer.connect();
    await producer.send(
      topic,
      Array.from({ length: 40 }, (_, i) => ({ key: `k${i % 5}`, value: `m${i}`, timestamp: String(t0 + i * 1000) })),
    );
    await producer.disconnect();
    const values: string[] = [];
    const result = await consumeTopic({
      client: client(),
      topic,
      from: { kind: 'time', timestampMs: t0 + 25000 },
      untilEnd: true,
      stats: false,
      onMessages: (b) => values.push(...b.lines),
    });
    assert.equal(result.messages, 15);
    assert.deepEqual(
      values.map((v) => Number(v.slice(1))).sort((a, b) => a - b),
      Array.from({ length: 15 }, (_, i) => 25 + i),
    );
  });

  it('in a group, commits exactly what it read, so the next run continues without loss or overlap', async () => {
    const topic = await newTopic('consume-group', 3);
    const groupId = uniqueName('consume-group');
    await produceNumbered(client(), topic, 500);
    const seen: string[] = [];
    const collect = (b: { lines: string[] }) => void seen.push(...b.lines);
    const first = await consumeTopic({
      client: client(),
      topic,
      groupId,
      from: { kind: 'committed' },
      max: 123,
      stats: false,
      onMessages: collect,
    });
    assert.equal(first.stoppedBy, 'max');
    assert.equal(first.messages, 123);
    const committed = await withAdmin(client(), (admin) => admin.groupOffsets(groupId, [topic]));
    assert.equal(
      committed.reduce((s, c) => s + Math.max(0, c.offset), 0),
      123,
      'the commit stops where the reader stopped',
    );
    const second = await consumeTopic({
      client: client(),
      topic,
      groupId,
      from: { kind: 'committed' },
      untilEnd: true,
      stats: false,
      onMessages: collect,
    });
    assert.equal(second.messages, 377);
    assert.equal(seen.length, 500);
    assert.equal(new Set(seen).size, 500, 'no message was read twice');
  });

  it('from the end, reads only what is produced after it started, then stops when idle', async () => {
    const topic = await newTopic('consume-end', 2);
    await produceNumbered(client(), topic, 50);
    const values: string[] = [];
    const reading = consumeTopic({
      client: client(),
      topic,
      from: { kind: 'end' },
      idleMs: 1500,
      stats: false,
      onMessages: (b) => values.push(...b.lines),
    });
    await readerJoined(client());
    const producer = client().producer();
    await producer.connect();
    await producer.send(
      topic,
      Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `late-${i}` })),
    );
    await producer.disconnect();
    const result = await reading;
    assert.equal(result.stoppedBy, 'idle');
    assert.equal(result.messages, 30);
    assert.ok(values.every((v) => v.startsWith('late-')));
  });

  it('stops when cancelled and leaves no throw-away group behind', async () => {
    const topic = await newTopic('consume-abort', 1);
    const readerGroups = () =>
      withAdmin(client(), async (admin) =>
        (await admin.listGroups())
          .map((g) => g.groupId)
          .filter((id) => id.startsWith('kafka-log-lab-reader-'))
          .sort(),
      );
    const before = await readerGroups();
    const controller = new AbortController();
    const reading = consumeTopic({ client: client(), topic, from: { kind: 'end' }, signal: controller.signal });
    await readerJoined(client());
    controller.abort();
    const result = await reading;
    assert.equal(result.stoppedBy, 'aborted');
    assert.deepEqual(await readerGroups(), before);
  });

  it('prints the summary with statistics as the last --json line of the CLI', async () => {
    const brokers = testBrokers().join(',');
    const { file, lines } = webLog('consume-cli', 150);
    const topic = await newTopic('consume-cli', 3);
    await produceLines(client(), topic, nonEmptyLines(file), { headers: true, file, key: webVisitorKey });
    const run = await runCli([
      'consume',
      '--topic',
      topic,
      '--brokers',
      brokers,
      '--from-beginning',
      '--idle-ms',
      '500',
      '--stats',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const summary = lastJsonLine<{
      topic: string;
      messages: number;
      partitions: Record<string, number>;
      stats: unknown;
    }>(run);
    assert.equal(summary.topic, topic);
    assert.equal(summary.messages, lines.length);
    assert.deepEqual(Object.keys(summary.partitions), ['0', '1', '2']);
    assert.equal(
      Object.values(summary.partitions).reduce((a, b) => a + b, 0),
      lines.length,
    );
    assert.deepEqual(summary.stats, JSON.parse(JSON.stringify(fileStats('web', lines))));

    const some = await runCli([
      'consume',
      '--topic',
      topic,
      '--brokers',
      brokers,
      '--from-beginning',
      '--max',
      '5',
      '--json',
    ]);
    assert.equal(some.code, 0, some.stderr);
    const out = some.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(out.length, 6, '5 messages, then the summary');
    assert.ok(out.slice(0, 5).every((m) => lines.includes(m.value) && typeof m.offset === 'string'));
    assert.equal(out[5].messages, 5);

    const plain = await runCli([
      'consume',
      '--topic',
      topic,
      '--brokers',
      brokers,
      '--from-offset',
      '0',
      '--until-end',
    ]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.deepEqual(plain.stdout.trim().split('\n').sort(), [...lines].sort());
    assert.match(plain.stderr, new RegExp(`^${lines.length} messages from ${topic}`, 'm'));

    const usage = await runCli(['consume', '--topic', topic, '--from-beginning', '--from-offset', '3']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /cannot be combined/);
  });
});
