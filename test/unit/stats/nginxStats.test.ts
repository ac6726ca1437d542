import assert from 'node:assert/strict';
import { createStats, SESSION_GAP_MS } from '../../../src/core/stats';
import { parseNginxLine } from '../../../src/core/parse';

const A = '198.51.100.1';
const B = '2001:db8::1';
const at = (time: string) => `[16/Oct/2025:${time} +0000]`;

describe('nginx statistics', () => {
  it('counts a small hand-computed file', () => {
    const stats = createStats('nginx');
    const lines = [
      `${A} - - ${at('10:00:00')} "GET / HTTP/1.1" 200 1000 "-" "Mozilla/5.0"`,
      `${A} - - ${at('10:00:00')} "GET /static/app.js HTTP/1.1" 200 500 "https://x/" "Mozilla/5.0"`,
      `${A} - - ${at('10:10:00')} "GET /products/1?x=1 HTTP/1.1" 200 2000 "-" "Mozilla/5.0"`,
      `${B} - - ${at('10:15:00')} "POST /login HTTP/2.0" 302 - "-" "Mozilla/5.0"`,
      `${A} - - ${at('10:40:00')} "GET / HTTP/1.1" 304 0 "-" "Mozilla/5.0"`, // exactly 30 min later: same session
      `${A} - - ${at('11:10:01')} "GET / HTTP/1.1" 200 1000 "-" "Mozilla/5.0"`, // 30 min 1 s later: new session
      `${B} - - ${at('10:15:00')} "-" 400 0 "-" "-"`,
      `- - - ${at('10:16:00')} "GET /health HTTP/1.1" 200 2 "-" "-"`,
      'not a log line',
    ];
    lines.forEach((l) => stats.addLine(l));
    assert.deepEqual(stats.snapshot(), {
      format: 'nginx',
      messages: 9,
      parsed: 8,
      unparsed: 1,
      uniqueVisitors: 2,
      status: { '200': 5, '302': 1, '304': 1, '400': 1 },
      methods: { GET: 6, '-': 1, POST: 1 },
      bytes: 1000 + 500 + 2000 + 0 + 0 + 1000 + 0 + 2,
      // A: 10:00:00-10:40:00 (2400 s) and 11:10:01 alone (0 s); B: 10:15:00 twice (0 s)
      sessions: { count: 3, averageDurationSeconds: 800 },
      topPaths: [
        { path: '/', count: 3 },
        { path: '/health', count: 1 },
        { path: '/login', count: 1 },
        { path: '/products/1', count: 1 },
        { path: '/static/app.js', count: 1 },
      ],
      unparsedSamples: [{ line: 9, text: 'not a log line' }],
    });
  });

  it('keeps session sums incremental and handles requests logged out of order', () => {
    const stats = createStats('nginx');
    stats.addLine(`${A} - - ${at('10:10:00')} "GET / HTTP/1.1" 200 1 "-" "-"`);
    stats.addLine(`${A} - - ${at('10:05:00')} "GET /a HTTP/1.1" 200 1 "-" "-"`); // written late: stretches back
    assert.deepEqual(stats.snapshot().sessions, { count: 1, averageDurationSeconds: 300 });
    stats.addLine(`${A} - - ${at('09:00:00')} "GET /b HTTP/1.1" 200 1 "-" "-"`); // far back: its own session
    assert.deepEqual(stats.snapshot().sessions, { count: 2, averageDurationSeconds: 150 });
    assert.equal(SESSION_GAP_MS, 30 * 60 * 1000);
  });

  it('accepts records parsed elsewhere', () => {
    const stats = createStats('nginx');
    const record = parseNginxLine(`${B} - - ${at('10:00:00')} "GET /x?y HTTP/1.1" 404 153 "-" "-"`);
    assert.ok(record);
    stats.addRecord(record);
    const snapshot = stats.snapshot();
    assert.deepEqual([snapshot.messages, snapshot.parsed, snapshot.uniqueVisitors, snapshot.bytes], [1, 1, 1, 153]);
    assert.deepEqual(snapshot.topPaths, [{ path: '/x', count: 1 }]);
  });
});
