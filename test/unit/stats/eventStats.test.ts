import assert from 'node:assert/strict';
import { createStats } from '../../../src/core/stats';

describe('product event statistics', () => {
  it('counts a small hand-computed file', () => {
    const stats = createStats('events');
    const lines = [
      '{"user_id":"u1","event_type":"view","price":49.99}',
      '{"user_id":"u1","event_type":"add_to_cart","price":50}',
      '{"user_id":"u2","event_type":"purchase","price":199.99}',
      '{"user_id":"u2","event_type":"purchase","product":{"id":"P1","price":200}}',
      '{"user_id":"u3","event_type":"search","query":"tent"}',
      '{"user_id":"u3","event_type":"purchase","price":"10.10"}',
      'not json',
      '[1,2,3]',
      '{"event_type":"view"}',
      '',
    ];
    lines.forEach((l, i) => stats.addLine(l, i + 1));
    assert.deepEqual(stats.snapshot(), {
      format: 'events',
      messages: 9,
      parsed: 7,
      unparsed: 2,
      uniqueVisitors: 3,
      priceBuckets: { low: 2, medium: 2, high: 1 }, // 49.99, 10.10 | 50, 199.99 | 200
      revenue: 410.09, // 199.99 + 200 + 10.10, summed in cents
      eventTypes: { purchase: 3, view: 2, add_to_cart: 1, search: 1 },
      unparsedSamples: [
        { line: 7, text: 'not json' },
        { line: 8, text: '[1,2,3]' },
      ],
    });
  });

  it('keeps only the first five unparsed samples, cut to a readable length', () => {
    const stats = createStats('events');
    for (let i = 0; i < 8; i++) stats.addLine(`bad ${i} ${'x'.repeat(1000)}`);
    const snapshot = stats.snapshot();
    assert.equal(snapshot.unparsed, 8);
    assert.deepEqual(
      snapshot.unparsedSamples.map((s) => s.line),
      [1, 2, 3, 4, 5],
    );
    assert.ok(snapshot.unparsedSamples.every((s) => s.text.length === 300));
  });

  it('generic JSON lines and raw text have the common fields only', () => {
    const jsonl = createStats('jsonl');
    ['{"ip":"10.0.0.1"}', '{"ip":"10.0.0.2"}', '{"ip":"10.0.0.1"}', '{"msg":"no visitor"}', 'oops'].forEach((l) =>
      jsonl.addLine(l),
    );
    assert.deepEqual(jsonl.snapshot(), {
      format: 'jsonl',
      messages: 5,
      parsed: 4,
      unparsed: 1,
      uniqueVisitors: 2,
      unparsedSamples: [{ line: 5, text: 'oops' }],
    });
    const raw = createStats('raw');
    ['a', '', 'b\r', ' '].forEach((l) => raw.addLine(l));
    assert.deepEqual(raw.snapshot(), {
      format: 'raw',
      messages: 2,
      parsed: 2,
      unparsed: 0,
      uniqueVisitors: 0,
      unparsedSamples: [],
    });
  });
});
