import assert from 'node:assert/strict';
import { consumeTopic, valueText } from '../../../src/core/kafka/consumeTopic';
import { engineSnapshot, generatedLines } from '../fixtures/engineStats';
import { FakeKafka } from './fakeKafka';

const webLines = (users: number) => generatedLines('web', 'feed', users).filter((l) => l.length > 0);
const reference = (lines: string[]) => engineSnapshot('web', lines);

describe('valueText', () => {
  it('decodes UTF-8 once and strips a BOM and a trailing CRLF or LF', () => {
    assert.equal(valueText(Buffer.from('\ufeffcafé\r\n')), 'café');
    assert.equal(valueText(Buffer.from('line\n')), 'line');
    assert.equal(valueText(Buffer.from('inner\r\nkept')), 'inner\r\nkept');
    assert.equal(valueText(null), '');
    assert.equal(valueText(Buffer.alloc(0)), '');
  });
});

describe('consumeTopic (in-memory Kafka)', () => {
  it('feeds every message of every partition to the statistics and to onMessages', async () => {
    const lines = webLines(40);
    const kafka = new FakeKafka('t', 3);
    lines.forEach((l, i) => kafka.append(i % 3, [l]));
    const seen: string[] = [];
    const result = await consumeTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      untilEnd: true,
      onMessages: (b) => seen.push(...b.lines),
    });
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
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      untilEnd: true,
      progressIntervalMs: 1,
      onProgress: (p) =>
        seen.push({
          messages: p.messages,
          partitions: Object.values(p.partitions).reduce((a, b) => a + b, 0),
          live: p.snapshot()?.messages,
        }),
    });
    assert.ok(
      seen.some((p) => p.messages > 0 && p.messages < lines.length),
      'progress arrives while reading',
    );
    assert.ok(seen.every((p) => p.partitions === p.messages));
    assert.ok(
      seen.every((p) => (p.messages < 20 ? p.live === undefined : p.live === p.messages)),
      'no early format decision; then every message counted',
    );
  });

  it('skips statistics when asked', async () => {
    const kafka = new FakeKafka('t', 1);
    kafka.append(0, ['a', 'b']);
    const result = await consumeTopic({
      client: kafka,
      topic: 't',
      from: { kind: 'beginning' },
      untilEnd: true,
      stats: false,
    });
    assert.equal(result.messages, 2);
    assert.equal(result.stats, undefined);
    assert.equal(result.format, undefined);
  });
});
