import assert from 'node:assert/strict';
import { generateToString } from '../../../src/core/generate';
import { parseWebLine } from '../../../src/core/parse';
import { createStats } from '../../../src/core/stats';
import type { WebSnapshot } from '../../../src/core/stats';
import { DETECTION_QUIET_MS, LiveStatsFeed } from '../../../src/host/dashboard/liveStatsFeed';
import { VISIT_DURATION_EDGES, VisitDurations } from '../../../src/host/dashboard/visitDurations';

const linesOf = (format: 'web' | 'nginx' | 'events', users = 60) =>
  generateToString({ format, seed: 'dash', startMs: Date.UTC(2025, 9, 16), users }).text.split('\n');

function engineSnapshot(format: 'web' | 'nginx' | 'events', lines: string[]) {
  const stats = createStats(format);
  lines.forEach((l, i) => stats.addLine(l, i + 1));
  return stats.snapshot();
}

describe('LiveStatsFeed', () => {
  for (const format of ['web', 'nginx', 'events'] as const) {
    it(`detects ${format} and gives exactly the engine's statistics`, () => {
      const lines = linesOf(format);
      const feed = new LiveStatsFeed('auto');
      lines.forEach((l) => feed.add(l, 0));
      assert.equal(feed.format, format);
      assert.deepEqual(feed.snapshot(), engineSnapshot(format, lines));
    });
  }

  it('decides the format after a quiet second when fewer lines than the sample arrived', () => {
    const feed = new LiveStatsFeed('auto');
    linesOf('web').slice(0, 3).forEach((l) => feed.add(l, 1000));
    assert.equal(feed.detectIfQuiet(1000 + DETECTION_QUIET_MS - 1), false);
    assert.equal(feed.snapshot(), undefined);
    assert.equal(feed.detectIfQuiet(1000 + DETECTION_QUIET_MS), true);
    assert.equal(feed.snapshot()!.messages, 3);
  });

  it('keeps a closed-visit histogram that adds up to the closed visits', () => {
    const lines = linesOf('web', 200);
    const feed = new LiveStatsFeed('web');
    lines.forEach((l) => feed.add(l));
    const closed = (feed.snapshot() as WebSnapshot).sessions.closed;
    const histogram = feed.visitDurations()!;
    assert.equal(histogram.counts.length, VISIT_DURATION_EDGES.length + 1);
    assert.equal(histogram.counts.reduce((a, b) => a + b, 0), closed);
    assert.ok(closed > 0);
  });
});

describe('VisitDurations', () => {
  const line = (user: string, time: string, action: string) => parseWebLine(`Timestamp : 2025-10-16 ${time} - User_id : ${user} -- Action : ${action} -- Page : home`)!;

  it('moves a visit between buckets when it stretches', () => {
    const v = new VisitDurations();
    v.add(line('u', '10:00:00', 'go_to'));
    v.add(line('u', '10:00:20', 'close')); // 20 s: first bucket (<= 30 s)
    assert.equal(v.histogram().counts[0], 1);
    v.add(line('u', '09:59:00', 'view')); // an earlier event: 80 s now
    v.add(line('u', '10:10:00', 'close')); // a later close: 11 min
    const counts = v.histogram().counts;
    assert.equal(counts.reduce((a, b) => a + b, 0), 1);
    assert.equal(counts[VISIT_DURATION_EDGES.indexOf(1800)], 1);
  });
});
