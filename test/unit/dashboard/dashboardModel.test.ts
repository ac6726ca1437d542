import assert from 'node:assert/strict';
import { generateToString } from '../../../src/core/generate';
import type { ConsumedLines } from '../../../src/core/kafka/consumeTopic';
import { createStats } from '../../../src/core/stats';
import { DashboardModel, ROW_VALUE_CHARS } from '../../../src/host/dashboard/dashboardModel';

function batch(partition: number, lines: string[], firstOffset = 0, firstLine = 1): ConsumedLines {
  return {
    topic: 't',
    partition,
    lines,
    messages: lines.map((_, i) => ({
      topic: 't',
      partition,
      offset: String(firstOffset + i),
      key: Buffer.from(`k${i}`),
      value: null,
      timestamp: '1760649407000',
      headers: { 'kll.line': String(firstLine + i), 'kll.src': 'src1' },
    })),
  };
}

describe('DashboardModel', () => {
  const lines = generateToString({ format: 'web', seed: 'model', startMs: Date.UTC(2025, 9, 16), users: 80 })
    .text.split('\n')
    .filter(Boolean);

  it('covers every message in its statistics while the buffer keeps the newest', () => {
    const model = new DashboardModel('auto', 50, { file: 'web.log', acked: lines.length, sourceId: 'src1' });
    const half = Math.floor(lines.length / 2);
    model.addBatch(batch(0, lines.slice(0, half)));
    model.addBatch(batch(1, lines.slice(half), 0, half + 1));
    const live = model.live(true);
    const engine = createStats('web');
    lines.forEach((l, i) => engine.addLine(l, i + 1));
    assert.deepEqual(live.stats, engine.snapshot());
    assert.equal(live.messages, lines.length);
    assert.deepEqual(live.partitions, { 0: half, 1: lines.length - half });
    assert.deepEqual([live.list.buffered, live.list.count, live.list.capacity], [50, 50, 50]);
    assert.deepEqual(live.sentVsRead, {
      file: 'web.log',
      produced: lines.length,
      read: lines.length,
      duplicates: 0,
      missing: 0,
      other: 0,
      exact: true,
    });
    assert.equal(model.live(false).stats, undefined, 'unchanged statistics are not sent again');
  });

  it('serves rows by position for the current list version, cutting long values', () => {
    const model = new DashboardModel('raw', 10);
    model.addBatch(batch(2, ['short', 'x'.repeat(ROW_VALUE_CHARS + 5)], 100));
    const { version, base } = model.live(false).list;
    const rows = model.rows(version, base, 5);
    assert.deepEqual(
      rows.map((r) => [r.position, r.offset, r.partition, r.key, r.truncated ?? false]),
      [
        [0, 100, 2, 'k0', false],
        [1, 101, 2, 'k1', true],
      ],
    );
    assert.equal(rows[1].value.length, ROW_VALUE_CHARS);
    assert.equal(model.message(rows[1].seq)!.value.length, ROW_VALUE_CHARS + 5);
    assert.deepEqual(model.rows(version + 1, base, 5), [], 'a stale version gets nothing');
  });

  it('filters, clears the list only, and reports a bad query', () => {
    const model = new DashboardModel('web', 1000);
    model.addBatch(batch(0, lines));
    assert.equal(model.setFilter('action:close'), undefined);
    model.list.advance(100);
    const closes = lines.filter((l) => l.includes('Action : close')).length;
    assert.equal(model.live(false).list.count, closes);
    assert.equal([...model.listedMessages()].length, closes);
    assert.match(model.setFilter('"unclosed')!, /quote/);
    model.clear();
    const live = model.live(true);
    assert.deepEqual([live.list.count, live.messages, live.stats!.messages], [0, lines.length, lines.length]);
  });
});
