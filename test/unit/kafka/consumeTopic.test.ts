import assert from 'node:assert/strict';
import { StatsFeed, consumeTopic, valueText } from '../../../src/core/kafka/consumeTopic';
import { createStats } from '../../../src/core/stats';
import { generateToString } from '../../../src/core/generate';
import { FakeKafka } from './fakeKafka';

const webLines = (users: number) =>
  generateToString({ format: 'web', seed: 'feed', startMs: Date.UTC(2025, 9, 16), users }).text.split('\n').filter((l) => l.length > 0);

function reference(lines: string[]) {
  const stats = createStats('web');
  lines.forEach((l, i) => stats.addLine(l, i + 1));
  return stats.snapshot();
}

describe('valueText', () => {
  it('decodes UTF-8 once and strips a BOM and a trailing CRLF or LF', () => {
    assert.equal(valueText(Buffer.from('\ufeffcafé\r\n')), 'café');
    assert.equal(valueText(Buffer.from('line\n')), 'line');
    assert.equal(valueText(Buffer.from('inner\r\nkept')), 'inner\r\nkept');
    assert.equal(valueText(null), '');
    assert.equal(valueText(Buffer.alloc(0)), '');
  });
});

describe('StatsFeed', () => {
  it('holds the first lines back until it knows the format, then counts them all', () => {
    const lines = webLines(30);
    assert.ok(lines.length > 40);
    const feed = new StatsFeed('auto');
    for (const l of lines) feed.add(l);
    assert.equal(feed.format, 'web');
    assert.deepEqual(feed.snapshot(), reference(lines));
  });

  it('detects from what it has when fewer messages than the sample arrive', () => {
    const lines = webLines(30).slice(0, 4);
    const feed = new StatsFeed('auto');
    for (const l of lines) feed.add(l);
    assert.equal(feed.format, undefined, 'not decided before the end');
    assert.deepEqual(feed.snapshot(), reference(lines));
    assert.equal(feed.format, 'web');
  });

  it('uses a given format without detecting (raw text stays raw)', () => {
    const feed = new StatsFeed('raw');
    const lines = webLines(5);
    for (const l of lines) feed.add(l);
    const snapshot = feed.snapshot();
    assert.equal(snapshot.format, 'raw');
    assert.equal(snapshot.messages, lines.length);
  });

  it('counts nothing and falls back to raw for an empty topic', () => {
    const snapshot = new StatsFeed('auto').snapshot();
    assert.equal(snapshot.messages, 0);
    assert.equal(snapshot.format, 'raw');
  });
});

describe('consumeTopic (in-memory Kafka)', () => {
  it('feeds every message of every partition to the statistics and to onMessages', async () => {
    const lines = webLines(40);
    const kafka = new FakeKafka('t', 3);
    lines.forEach((l, i) => kafka.append(i % 3, [l]));
    const seen: string[] = [];
    const result = await consumeTopic({ client: kafka, topic: 't', from: { kind: 'beginning' }, untilEnd: true, onMessages: (b) => seen.push(...b.lines) });
    assert.equal(result.messages, lines.length);
    assert.equal(result.format, 'web');
    assert.deepEqual(result.stats, reference(lines));
    assert.deepEqual([...seen].sort(), [...lines].sort());
  });

  it('reports progress with per-partition counts and live statistics once the format is known', async () => {
    const lines = webLines(20).slice(0, 60);
    const kafka = new FakeKafka('t', 2, { batchSize: 5, fetchEveryMs: 40 });
    lines.forEach((l, i) => kafka.append(i % 2, [l]));
    const seen: Array<{ messages: number; partitions: number; live: number | undefined }> = [];
    await consumeTopic({
      client: kafka, topic: 't', from: { kind: 'beginning' }, untilEnd: true, progressIntervalMs: 1,
      onProgress: (p) => seen.push({ messages: p.messages, partitions: Object.values(p.partitions).reduce((a, b) => a + b, 0), live: p.snapshot()?.messages }),
    });
    assert.ok(seen.some((p) => p.messages > 0 && p.messages < lines.length), 'progress arrives while reading');
    assert.ok(seen.every((p) => p.partitions === p.messages));
    assert.ok(seen.every((p) => (p.messages < 20 ? p.live === undefined : p.live === p.messages)), 'no early format decision; then every message counted');
  });

  it('skips statistics when asked', async () => {
    const kafka = new FakeKafka('t', 1);
    kafka.append(0, ['a', 'b']);
    const result = await consumeTopic({ client: kafka, topic: 't', from: { kind: 'beginning' }, untilEnd: true, stats: false });
    assert.equal(result.messages, 2);
    assert.equal(result.stats, undefined);
    assert.equal(result.format, undefined);
  });
});
