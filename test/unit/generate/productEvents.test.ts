import assert from 'node:assert/strict';
import { generateToString, type GenerateRequest } from '../../../src/core/generate';
import { parseJsonLine } from '../../../src/core/parse';

const START = Date.UTC(2025, 9, 16, 12, 0, 0, 5);
const TYPES = new Set(['view', 'search', 'add_to_cart', 'remove_from_cart', 'begin_checkout', 'purchase']);

function generate(request: Partial<GenerateRequest> = {}) {
  const { text, summary } = generateToString({
    format: 'events',
    seed: 'events-test',
    startMs: START,
    users: 4000,
    ...request,
  });
  const lines = text.split('\n');
  assert.equal(lines.pop(), '');
  return { text, lines, events: lines.map((l) => parseJsonLine(l) as Record<string, unknown>), summary };
}

/** The generated text alone (no parsing), for determinism checks. */
const textOf = (request: Partial<GenerateRequest> = {}) =>
  generateToString({ format: 'events', seed: 'events-test', startMs: START, users: 4000, ...request }).text;

describe('product event generator', () => {
  let run: ReturnType<typeof generate>;
  before(function () {
    this.timeout(20_000);
    run = generate();
  });

  it('writes one JSON event per line with the fields seed 001 uses', () => {
    const ids = new Set<unknown>();
    for (const [i, e] of run.events.entries()) {
      assert.ok(e, `line ${i + 1} is not a JSON object`);
      assert.match(String(e.event_id), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(e.event_id);
      assert.equal(new Date(String(e.timestamp)).toISOString(), e.timestamp);
      assert.match(String(e.user_id), /^[0-9a-f]{8}$/);
      assert.ok(TYPES.has(String(e.event_type)), String(e.event_type));
      if (['view', 'add_to_cart', 'remove_from_cart', 'purchase'].includes(String(e.event_type))) {
        assert.equal(typeof e.price, 'number');
        assert.ok((e.price as number) > 0);
        assert.equal(typeof (e.product as { id: unknown }).id, 'string');
      }
    }
    assert.equal(ids.size, run.events.length, 'event ids are unique');
    assert.equal(run.events[0].timestamp, '2025-10-16T12:00:00.005Z');
  });

  it('never lets timestamps go backwards', () => {
    for (let i = 1; i < run.events.length; i++)
      assert.ok(String(run.events[i].timestamp) >= String(run.events[i - 1].timestamp));
  });

  it('follows shopper sessions: purchases come after begin_checkout, for products added to the cart', () => {
    const carts = new Map<string, string[]>();
    const checkedOut = new Set<string>();
    let purchases = 0;
    for (const e of run.events) {
      const session = String(e.session_id);
      const product = (e.product as { id?: string } | undefined)?.id;
      if (e.event_type === 'add_to_cart') carts.set(session, [...(carts.get(session) ?? []), product as string]);
      if (e.event_type === 'begin_checkout') checkedOut.add(session);
      if (e.event_type === 'purchase') {
        purchases++;
        assert.ok(checkedOut.has(session), `purchase without checkout in ${session}`);
        assert.ok(carts.get(session)?.includes(product as string), `purchased ${product} never added in ${session}`);
      }
    }
    assert.ok(purchases > 100, `only ${purchases} purchases`);
    assert.equal(run.summary.purchases?.count, purchases);
  });

  it('spreads prices over the low, medium and high buckets', () => {
    const prices = run.events.map((e) => e.price).filter((p): p is number => typeof p === 'number');
    for (const [name, test] of [
      ['low', (p: number) => p < 50],
      ['medium', (p: number) => p >= 50 && p < 200],
      ['high', (p: number) => p >= 200],
    ] as const) {
      const part = prices.filter(test).length / prices.length;
      assert.ok(part > 0.1, `${name} bucket holds ${part}`);
    }
  });

  it('is deterministic and stops at exactly --lines lines', () => {
    assert.equal(textOf(), run.text);
    assert.notEqual(textOf({ seed: 'other' }), run.text);
    for (const lines of [1, 5_001]) assert.equal(generate({ users: undefined, lines }).lines.length, lines);
  });
});
