import assert from 'node:assert/strict';
import type { WebSnapshot } from '../../../src/core/stats';
import { DETECTION_QUIET_MS, StatsFeed } from '../../../src/core/stats/statsFeed';
import { VISIT_DURATION_EDGES } from '../../../src/core/stats/visitDurations';
import { engineSnapshot, generatedLines } from '../fixtures/engineStats';

const webLines = (users: number) => generatedLines('web', 'feed', users).filter((l) => l.length > 0);
const reference = (lines: string[]) => engineSnapshot('web', lines);
const linesOf = (format: 'web' | 'nginx' | 'events', users = 60) => generatedLines(format, 'dash', users);

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

describe('StatsFeed on a live stream', () => {
  for (const format of ['web', 'nginx', 'events'] as const) {
    it(`detects ${format} and gives exactly the engine's statistics`, () => {
      const lines = linesOf(format);
      const feed = new StatsFeed('auto');
      lines.forEach((l) => feed.add(l, 0));
      assert.equal(feed.format, format);
      assert.deepEqual(feed.liveSnapshot(), engineSnapshot(format, lines));
    });
  }

  it('decides the format after a quiet second when fewer lines than the sample arrived', () => {
    const feed = new StatsFeed('auto');
    linesOf('web')
      .slice(0, 3)
      .forEach((l) => feed.add(l, 1000));
    assert.equal(feed.detectIfQuiet(1000 + DETECTION_QUIET_MS - 1), false);
    assert.equal(feed.liveSnapshot(), undefined);
    assert.equal(feed.detectIfQuiet(1000 + DETECTION_QUIET_MS), true);
    assert.equal(feed.liveSnapshot()!.messages, 3);
  });

  it('keeps a closed-visit histogram that adds up to the closed visits', () => {
    const lines = linesOf('web', 200);
    const feed = new StatsFeed('web');
    lines.forEach((l) => feed.add(l));
    const closed = (feed.liveSnapshot() as WebSnapshot).sessions.closed;
    const histogram = feed.visitDurations()!;
    assert.equal(histogram.counts.length, VISIT_DURATION_EDGES.length + 1);
    assert.equal(
      histogram.counts.reduce((a, b) => a + b, 0),
      closed,
    );
    assert.ok(closed > 0);
  });
});
