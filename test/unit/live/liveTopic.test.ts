import assert from 'node:assert/strict';
import type { ConsumedLines } from '../../../src/core/kafka/consumeTopic';
import { LiveTopic } from '../../../src/core/live/liveTopic';
import { DETECTION_QUIET_MS } from '../../../src/core/stats/statsFeed';
import { engineSnapshot, generatedLines } from '../fixtures/engineStats';

const lines = generatedLines('web', 'live', 40).filter(Boolean);

function batch(partition: number, values: string[], firstLine = 1): ConsumedLines {
  return {
    topic: 't',
    partition,
    lines: values,
    messages: values.map((_, i) => ({
      topic: 't',
      partition,
      offset: String(i),
      key: null,
      value: null,
      timestamp: '0',
      headers: { 'kll.line': String(firstLine + i), 'kll.src': 'src1' },
    })),
  };
}

describe('LiveTopic', () => {
  it("counts every message with the engine's statistics and the same sent-vs-read rules as verify", () => {
    const topic = new LiveTopic('auto', 10);
    topic.addBatch(batch(0, lines.slice(0, 30)));
    topic.addBatch(batch(1, lines.slice(30), 31));
    assert.deepEqual(topic.statsUpdate(true)!.snapshot, engineSnapshot('web', lines));
    assert.deepEqual(topic.partitions(), { 0: 30, 1: lines.length - 30 });
    const sent = topic.sentVsRead(lines.length + 2, 'src1');
    assert.deepEqual([sent.matched, sent.missing, sent.duplicates, sent.unexpected], [lines.length, 2, 0, 0]);
  });

  it('shows the statistics once a quiet stream decided the format, even after an update without them', () => {
    const topic = new LiveTopic('auto', 10);
    topic.addBatch(batch(0, lines.slice(0, 3)), 1000);
    assert.equal(topic.statsUpdate(false)!.snapshot, undefined, 'still detecting');
    topic.tick(1000 + DETECTION_QUIET_MS);
    assert.equal(topic.format, 'web');
    assert.equal(topic.statsUpdate(false)?.snapshot?.messages, 3);
    assert.equal(topic.statsUpdate(false), undefined, 'nothing new');
  });

  it('re-reads a field filter in the detected format', () => {
    const topic = new LiveTopic('auto', 10_000);
    assert.equal(topic.setFilter('action:close'), undefined);
    const version = topic.list.listVersion;
    topic.addBatch(batch(0, lines));
    topic.list.advance(100);
    assert.ok(topic.list.listVersion > version, 'a new list once the format is known');
    const closes = lines.filter((l) => l.includes('Action : close')).length;
    assert.equal([...topic.listedMessages()].length, closes);
  });
});

describe('LiveTopic after an outage', () => {
  it('skips what a resumed reader delivers again, so nothing is counted twice', () => {
    const topic = new LiveTopic('raw', 100);
    const batchAt = (first: number, count: number): ConsumedLines => ({
      topic: 't',
      partition: 0,
      lines: Array.from({ length: count }, (_, i) => `line ${first + i}`),
      messages: Array.from({ length: count }, (_, i) => ({
        topic: 't',
        partition: 0,
        offset: String(first + i),
        key: null,
        value: null,
        timestamp: '0',
      })),
    });
    topic.addBatch(batchAt(0, 10));
    topic.addBatch(batchAt(5, 10)); // a reader resumed from offset 5
    assert.equal(topic.messages, 15);
    assert.equal(topic.partitions()['0'], 15);
    assert.equal(topic.nextOffsets().get(0), 15);
  });
});
