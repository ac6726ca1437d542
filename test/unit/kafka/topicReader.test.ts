import assert from 'node:assert/strict';
import { readTopic } from '../../../src/core/kafka/topicReader';
import type { IncomingMessage } from '../../../src/core/kafka/ports';
import { FakeKafka } from './fakeKafka';

const values = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

function collect() {
  const seen: IncomingMessage[] = [];
  return { seen, onMessages: (messages: IncomingMessage[]) => void seen.push(...messages) };
}

describe('readTopic stop conditions (in-memory Kafka)', () => {
  it('stops at the end offsets captured at start and counts every partition', async () => {
    const kafka = new FakeKafka('t', 3);
    kafka.append(0, values('a', 250));
    kafka.append(2, values('c', 7));
    const { seen, onMessages } = collect();
    const summary = await readTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      untilEnd: true,
      onMessages,
    });
    assert.equal(summary.stoppedBy, 'end');
    assert.equal(summary.messages, 257);
    assert.deepEqual(summary.partitions, { 0: 250, 1: 0, 2: 7 });
    assert.equal(seen.length, 257);
  });

  it('stops on an empty topic once partitions are assigned', async () => {
    const kafka = new FakeKafka('t', 2);
    const summary = await readTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      untilEnd: true,
      onMessages: () => undefined,
    });
    assert.equal(summary.stoppedBy, 'end');
    assert.deepEqual(summary.partitions, { 0: 0, 1: 0 });
  });

  it('cuts the last batch at --max and, in a group, marks only what it used as consumed', async () => {
    const kafka = new FakeKafka('t', 1);
    kafka.append(0, values('a', 250));
    const { seen, onMessages } = collect();
    const summary = await readTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      groupId: 'g',
      max: 130,
      onMessages,
    });
    assert.equal(summary.stoppedBy, 'max');
    assert.equal(summary.messages, 130);
    assert.equal(seen.length, 130);
    assert.equal(seen[129].value!.toString(), 'a-129');
    const [run] = kafka.runs;
    assert.equal(run.run.autoResolve, false);
    assert.equal(run.resolved.get(0), '129', 'the commit point is the last message used, not the end of the batch');
    assert.equal(run.options.groupId, 'g');
    assert.deepEqual(kafka.deletedGroups, [], 'a real group is kept');
  });

  it('removes its throw-away group when reading group-less', async () => {
    const kafka = new FakeKafka('t', 1);
    kafka.append(0, values('a', 3));
    await readTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      untilEnd: true,
      onMessages: () => undefined,
    });
    const [run] = kafka.runs;
    assert.equal(run.options.autoCommit, false);
    assert.deepEqual(kafka.deletedGroups, [run.options.groupId]);
  });

  it('does not take a group join slower than --idle-ms for idleness', async () => {
    const kafka = new FakeKafka('t', 2, { joinDelayMs: 300 });
    kafka.append(0, values('a', 40));
    kafka.append(1, values('b', 40));
    const summary = await readTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      idleMs: 50,
      onMessages: () => undefined,
    });
    assert.equal(summary.stoppedBy, 'idle');
    assert.equal(summary.messages, 80);
  });

  it('keeps waiting past --idle-ms while partitions are behind the end captured at start', async () => {
    // One small batch every 120 ms, idle 40 ms: plain idleness would stop after the first batch.
    const kafka = new FakeKafka('t', 1, { fetchEveryMs: 120, batchSize: 10 });
    kafka.append(0, values('a', 50));
    const summary = await readTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      idleMs: 40,
      onMessages: () => undefined,
    });
    assert.equal(summary.stoppedBy, 'idle');
    assert.equal(summary.messages, 50);
  });

  it('gives up on silence after the stall limit even when behind (e.g. transaction markers)', async () => {
    const kafka = new FakeKafka('t', 1, { markersAtEnd: 1 });
    kafka.append(0, values('a', 5));
    const summary = await readTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      idleMs: 20,
      stallMs: 150,
      onMessages: () => undefined,
    });
    assert.equal(summary.messages, 5);
    assert.equal(summary.stoppedBy, 'idle');
  });

  it('starts every partition at the requested offset', async () => {
    const kafka = new FakeKafka('t', 2);
    kafka.append(0, values('a', 10));
    kafka.append(1, values('b', 3));
    const { seen, onMessages } = collect();
    const summary = await readTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'offset', offset: 4 },
      untilEnd: true,
      onMessages,
    });
    assert.deepEqual(summary.partitions, { 0: 6, 1: 0 });
    assert.equal(seen[0].value!.toString(), 'a-4');
    assert.deepEqual(kafka.runs[0].run.seeks, [
      { topic: 't', partition: 0, offset: '4' },
      { topic: 't', partition: 1, offset: '3' },
    ]);
  });

  it('stops cleanly when cancelled', async () => {
    const kafka = new FakeKafka('t', 1);
    const controller = new AbortController();
    const reader = readTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'end' },
      signal: controller.signal,
      onMessages: () => undefined,
    });
    setTimeout(() => controller.abort(), 100);
    const summary = await reader;
    assert.equal(summary.stoppedBy, 'aborted');
  });

  it('refuses a topic that does not exist', async () => {
    const kafka = new FakeKafka('t', 1);
    await assert.rejects(
      readTopic({ client: kafka, topic: 'nope', from: { kind: 'beginning' }, onMessages: () => undefined }),
      /topic "nope" does not exist/,
    );
  });
});
