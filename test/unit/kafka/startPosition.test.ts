import assert from 'node:assert/strict';
import { parseTimestamp, startOffsets } from '../../../src/core/kafka/startPosition';
import { parseResetTarget } from '../../../src/core/kafka/groupsAdmin';

describe('parseTimestamp', () => {
  it('reads ISO date-times with a zone', () => {
    assert.equal(parseTimestamp('2025-10-16T21:16:47Z'), Date.UTC(2025, 9, 16, 21, 16, 47));
    assert.equal(parseTimestamp('2025-10-16T23:16:47+02:00'), Date.UTC(2025, 9, 16, 21, 16, 47));
    assert.equal(parseTimestamp('2025-10-16T21:16:47.779Z'), Date.UTC(2025, 9, 16, 21, 16, 47, 779));
  });

  it('reads a date-time without a zone as UTC, whatever the machine zone', () => {
    assert.equal(parseTimestamp('2025-10-16T21:16:47'), Date.UTC(2025, 9, 16, 21, 16, 47));
    assert.equal(parseTimestamp('2025-10-16 21:16'), Date.UTC(2025, 9, 16, 21, 16));
    assert.equal(parseTimestamp('2025-10-16'), Date.UTC(2025, 9, 16));
  });

  it('accepts epoch milliseconds', () => {
    assert.equal(parseTimestamp('1760649407000'), 1760649407000);
  });

  it('refuses what is not a date-time, naming the input', () => {
    for (const bad of ['yesterday', '16/10/2025', '2025-13-45T99:99:99Z', '42', '']) {
      assert.throws(
        () => parseTimestamp(bad),
        (e: Error) => e.message.includes(`"${bad}"`),
        bad,
      );
    }
  });
});

describe('startOffsets', () => {
  const offsets = [
    { partition: 0, earliest: 0, latest: 100 },
    { partition: 1, earliest: 40, latest: 60 },
    { partition: 2, earliest: 5, latest: 5 },
  ];

  it('starts at the earliest or the latest offset of each partition', () => {
    assert.deepEqual(
      startOffsets({ kind: 'beginning' }, offsets).map((s) => s.offset),
      [0, 40, 5],
    );
    assert.deepEqual(
      startOffsets({ kind: 'end' }, offsets).map((s) => s.offset),
      [100, 60, 5],
    );
  });

  it('clamps one offset for every partition to what each partition holds', () => {
    const starts = startOffsets({ kind: 'offset', offset: 50 }, offsets);
    assert.deepEqual(starts, [
      { partition: 0, offset: 50, seek: true },
      { partition: 1, offset: 50, seek: true },
      { partition: 2, offset: 5, seek: true },
    ]);
    assert.deepEqual(
      startOffsets({ kind: 'offset', offset: 10 }, offsets).map((s) => s.offset),
      [10, 40, 5],
    );
  });

  it('uses the per-partition answer of a timestamp lookup, the end when there is none', () => {
    const atTime = new Map([
      [0, 70],
      [1, 45],
    ]);
    assert.deepEqual(
      startOffsets({ kind: 'time', timestampMs: 1 }, offsets, undefined, atTime).map((s) => s.offset),
      [70, 45, 5],
    );
  });

  it('resumes from committed offsets without seeking, and from the beginning where nothing was committed', () => {
    const committed = new Map([
      [0, 30],
      [1, -1],
    ]);
    assert.deepEqual(startOffsets({ kind: 'committed' }, offsets, committed), [
      { partition: 0, offset: 30, seek: false },
      { partition: 1, offset: 40, seek: false },
      { partition: 2, offset: 5, seek: false },
    ]);
  });
});

describe('parseResetTarget', () => {
  it('knows earliest, latest and date-times', () => {
    assert.deepEqual(parseResetTarget('earliest'), { kind: 'earliest' });
    assert.deepEqual(parseResetTarget('latest'), { kind: 'latest' });
    assert.deepEqual(parseResetTarget('2025-10-16T21:00:00Z'), {
      kind: 'time',
      timestampMs: Date.UTC(2025, 9, 16, 21),
    });
    assert.throws(() => parseResetTarget('newest'), /"newest"/);
  });
});
