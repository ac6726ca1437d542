import assert from 'node:assert/strict';
import { parseWebLine } from '../../../src/core/parse';
import { WebStats, createStats } from '../../../src/core/stats';
import { VISIT_DURATION_EDGES } from '../../../src/core/stats/visitDurations';
import { generateToString } from '../../../src/core/generate';

const line = (n: number, time: string, user: string, action: string, page: string) =>
  `${n} -- Timestamp : 2025-10-16 ${time} - User_id : ${user} -- Action : ${action} -- Page : ${page}`;

describe('web statistics', () => {
  it('counts a small hand-computed file', () => {
    const stats = createStats('web');
    const lines = [
      line(1, '10:00:00.000000', 'aaaa0001', 'go_to', 'home'),
      line(2, '10:00:30.500000', 'bbbb0002', 'go_to', 'home'),
      line(3, '10:01:00.000000', 'aaaa0001', 'view', 'product1'),
      '',
      line(4, '10:02:00.250000', 'aaaa0001', 'close', 'product1'),
      'this line is garbage',
      line(5, '10:03:00.000000', 'cccc0003', 'go_to', 'home'),
      line(6, '10:04:31.000000', 'bbbb0002', 'close', 'faq'),
    ];
    lines.forEach((l, i) => stats.addLine(l, i + 1));
    assert.deepEqual(stats.snapshot(), {
      format: 'web',
      messages: 7,
      parsed: 6,
      unparsed: 1,
      uniqueVisitors: 3,
      // a: 120.25 s, b: 240.5 s, c never closes -> (120.25 + 240.5) / 2 = 180.375
      sessions: { closed: 2, vanished: 1, averageDurationSeconds: 180.38 },
      actions: { go_to: 3, close: 2, view: 1 },
      pages: { home: 3, product1: 2, faq: 1 },
      unparsedSamples: [{ line: 6, text: 'this line is garbage' }],
    });
  });

  it('uses the earliest event as the start and the latest close as the end, in any order', () => {
    const stats = createStats('web');
    stats.addLine(line(1, '10:10:00.000000', 'dddd0004', 'close', 'home'));
    assert.equal(stats.snapshot().sessions.averageDurationSeconds, 0);
    stats.addLine(line(2, '10:05:00.000000', 'dddd0004', 'view', 'faq'));
    assert.equal(stats.snapshot().sessions.averageDurationSeconds, 300);
    stats.addLine(line(3, '10:00:00.000000', 'dddd0004', 'go_to', 'home'));
    assert.equal(stats.snapshot().sessions.averageDurationSeconds, 600);
    stats.addLine(line(4, '10:20:00.000000', 'dddd0004', 'close', 'home'));
    const snapshot = stats.snapshot();
    assert.equal(snapshot.sessions.averageDurationSeconds, 1200);
    assert.deepEqual([snapshot.sessions.closed, snapshot.sessions.vanished], [1, 0]);
  });

  it('numbers lines itself when not told, blank lines included', () => {
    const stats = createStats('web');
    stats.addLine('');
    stats.addLine('   ');
    stats.addLine('garbage');
    assert.deepEqual(stats.snapshot().unparsedSamples, [{ line: 3, text: 'garbage' }]);
    assert.equal(stats.snapshot().messages, 1);
  });

  it("matches seed 000's own algorithm (start = go_to/home, end = close) on generated logs", () => {
    const { text } = generateToString({ format: 'web', seed: 'seed-000', startMs: Date.UTC(2025, 9, 16), users: 3000 });
    const stats = createStats('web');
    const starts = new Map<string, number>();
    const ends = new Map<string, number>();
    for (const l of text.split('\n')) {
      if (!l) continue;
      stats.addLine(l);
      // The seed's parse_line and its datetime arithmetic, transcribed.
      const parts = l.trim().split(' -- ');
      const timestamp = parts[1].split(' : ', 2)[1].split(' - ')[0].trim();
      const user = parts[1].split('User_id : ')[1].split(' --')[0].trim();
      const action = parts[2].split(' : ')[1].trim();
      const page = parts[3].split(' : ')[1].trim();
      const micros = Date.parse(timestamp.slice(0, 19).replace(' ', 'T') + 'Z') * 1000 + Number(timestamp.slice(20));
      if (action === 'go_to' && page === 'home' && !starts.has(user)) starts.set(user, micros);
      else if (action === 'close') ends.set(user, micros);
    }
    const durations = [...ends].map(([user, end]) => (end - (starts.get(user) as number)) / 1e6);
    const average = durations.reduce((a, b) => a + b, 0) / durations.length;
    const snapshot = stats.snapshot();
    assert.equal(snapshot.uniqueVisitors, starts.size);
    assert.equal(snapshot.sessions.closed, durations.length);
    assert.equal(snapshot.sessions.averageDurationSeconds, Math.round(average * 100) / 100);
  });
});

describe('web visit durations', () => {
  const record = (user: string, time: string, action: string) =>
    parseWebLine(`Timestamp : 2025-10-16 ${time} - User_id : ${user} -- Action : ${action} -- Page : home`)!;

  it('moves a visit between buckets when it stretches', () => {
    const v = new WebStats();
    v.addRecord(record('u', '10:00:00', 'go_to'));
    v.addRecord(record('u', '10:00:20', 'close')); // 20 s: first bucket (<= 30 s)
    assert.equal(v.visitDurations().counts[0], 1);
    v.addRecord(record('u', '09:59:00', 'view')); // an earlier event: 80 s now
    v.addRecord(record('u', '10:10:00', 'close')); // a later close: 11 min
    const counts = v.visitDurations().counts;
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      1,
    );
    assert.equal(counts[VISIT_DURATION_EDGES.indexOf(1800)], 1);
  });
});
