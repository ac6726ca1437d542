import assert from 'node:assert/strict';
import { generateToString, type GenerateRequest, type WebSessionCounts } from '../../../src/core/generate';
import { parseWebLine, type WebRecord } from '../../../src/core/parse';

const START = Date.UTC(2025, 9, 16, 21, 16, 47, 779);

interface Visit {
  events: WebRecord[];
  first: number;
  last: number;
}

function generate(request: Partial<GenerateRequest> = {}) {
  const { text, summary } = generateToString({
    format: 'web',
    seed: 'web-test',
    startMs: START,
    users: 5000,
    ...request,
  });
  const lines = text.split('\n');
  assert.equal(lines.pop(), '', 'the file ends with a newline');
  const records = lines.map((line) => {
    const record = parseWebLine(line);
    assert.ok(record, `generated line does not parse: ${line}`);
    return record;
  });
  const visits = new Map<string, Visit>();
  for (const record of records) {
    const visit = visits.get(record.user_id) ?? { events: [], first: record.ts, last: record.ts };
    visit.events.push(record);
    visit.last = record.ts;
    visits.set(record.user_id, visit);
  }
  return { text, lines, records, visits, summary };
}

/** The generated text alone (no parsing), for determinism checks. */
const textOf = (request: Partial<GenerateRequest> = {}) =>
  generateToString({ format: 'web', seed: 'web-test', startMs: START, users: 5000, ...request }).text;

describe('web session generator', () => {
  let run: ReturnType<typeof generate>;
  before(function () {
    this.timeout(20_000);
    run = generate();
  });

  it('writes the lab line format with line numbers from 1 and 8-hex-digit user ids', () => {
    run.lines.forEach((line, i) => assert.ok(line.startsWith(`${i + 1} -- Timestamp : `), line));
    assert.match(
      run.lines[0],
      /^1 -- Timestamp : 2025-10-16 21:16:47\.779000 - User_id : [0-9a-f]{8} -- Action : go_to -- Page : home$/,
    );
    for (const id of run.visits.keys()) assert.match(id, /^[0-9a-f]{8}$/);
    assert.equal(run.visits.size, 5000);
    assert.equal(run.summary.visitors, 5000);
    assert.equal(run.summary.lines, run.lines.length);
  });

  it('never lets timestamps go backwards', () => {
    for (let i = 1; i < run.records.length; i++) assert.ok(run.records[i].ts >= run.records[i - 1].ts, `line ${i + 1}`);
  });

  it('gives every visit 3 to 8 events, starting with go_to/home, with close only as the last event', () => {
    for (const [id, visit] of run.visits) {
      const n = visit.events.length;
      assert.ok(n >= 3 && n <= 8, `${id} has ${n} events`);
      assert.deepEqual([visit.events[0].action, visit.events[0].page], ['go_to', 'home']);
      visit.events
        .slice(0, -1)
        .forEach((e) => assert.notEqual(e.action, 'close', `${id} closes before its last event`));
    }
  });

  it('closes about 85% of visits; the rest vanish', () => {
    const closed = [...run.visits.values()].filter((v) => v.events[v.events.length - 1].action === 'close').length;
    const share = closed / run.visits.size;
    assert.ok(share > 0.83 && share < 0.87, `close share ${share}`);
    const sessions = run.summary.sessions as WebSessionCounts;
    assert.deepEqual([sessions.closed, sessions.vanished], [closed, run.visits.size - closed]);
  });

  it('overlaps visits', () => {
    const edges: Array<[number, number]> = [];
    for (const visit of run.visits.values()) edges.push([visit.first, 1], [visit.last, -1]);
    edges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let active = 0;
    let most = 0;
    for (const [, delta] of edges) most = Math.max(most, (active += delta));
    assert.ok(most >= 10, `at most ${most} visits at once`);
  });

  it('lets visitors arrive gradually: 0.3 per second until 70% have arrived, then 0.1', () => {
    const arrivals = [...run.visits.values()].map((v) => v.first / 1000);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const early = mean(gaps.slice(0, 3400));
    const late = mean(gaps.slice(3600));
    assert.ok(early > 3.0 && early < 3.7, `early mean gap ${early} s (expected about 1/0.3)`);
    assert.ok(late > 8.5 && late < 11.5, `late mean gap ${late} s (expected about 1/0.1)`);
  });

  it('uses think times of seconds to minutes around the requested mean', () => {
    const thinkGaps = (visits: Map<string, Visit>) => {
      const gaps: number[] = [];
      for (const visit of visits.values()) {
        for (let i = 1; i < visit.events.length; i++) gaps.push((visit.events[i].ts - visit.events[i - 1].ts) / 1000);
      }
      return gaps;
    };
    const gaps = thinkGaps(run.visits);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    assert.ok(mean > 27 && mean < 33, `mean think time ${mean} s`);
    assert.ok(Math.min(...gaps) >= 1 && Math.max(...gaps) <= 15 * 60);
    const quick = thinkGaps(generate({ users: 1000, meanThinkSeconds: 5 }).visits);
    const quickMean = quick.reduce((a, b) => a + b, 0) / quick.length;
    assert.ok(quickMean > 4.5 && quickMean < 5.5, `mean think time ${quickMean} s with --think-time 5`);
  });

  it('navigates plausibly: add_to_cart on products, checkout on its page, order_success right after checkout', () => {
    let orders = 0;
    for (const [id, visit] of run.visits) {
      visit.events.forEach((e, i) => {
        if (e.action === 'add_to_cart') assert.match(e.page, /^product\d+$/, id);
        if (e.action === 'checkout') assert.equal(e.page, 'checkout', id);
        if (e.action === 'login' || e.action === 'register') assert.equal(e.page, e.action, id);
        if (e.page === 'order_success' && e.action !== 'close') {
          assert.equal(visit.events[i - 1].action, 'checkout', `${id}: order_success without checkout`);
          orders++;
        }
      });
    }
    assert.ok(orders > 10, `only ${orders} orders in 5000 visits`);
  });

  it('is deterministic: same options and seed give the same bytes, another seed does not', () => {
    assert.equal(textOf(), run.text);
    assert.notEqual(textOf({ seed: 'other' }), run.text);
  });

  it('stops at exactly --lines lines without cutting a visit short', () => {
    for (const lines of [3, 10, 1007, 20_000]) {
      const capped = generate({ users: undefined, lines });
      assert.equal(capped.lines.length, lines);
      for (const visit of capped.visits.values()) assert.ok(visit.events.length >= 3 && visit.events.length <= 8);
    }
    const fewUsers = generate({ users: 100, lines: 1_000_000 });
    assert.equal(fewUsers.visits.size, 100);
    assert.ok(fewUsers.lines.length < 1000);
  });
});
