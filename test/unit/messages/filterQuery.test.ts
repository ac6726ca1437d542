import assert from 'node:assert/strict';
import {
  FilterSyntaxError,
  filterFields,
  parseFilterQuery,
  requireKnownFields,
  tokenize,
} from '../../../src/core/messages/filterQuery';
import { createMatcher, type MatchableMessage } from '../../../src/core/messages/messageMatcher';

const web = (user: string, action: string, page: string) =>
  `1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : ${user} -- Action : ${action} -- Page : ${page}`;
const nginx = (status: number, path: string, method = 'GET') =>
  `203.0.113.9 - - [16/Oct/2025:21:16:47 +0000] "${method} ${path} HTTP/1.1" ${status} 512 "-" "curl/8.0"`;
const msg = (value: string, extra: Partial<MatchableMessage> = {}): MatchableMessage => ({
  value,
  key: null,
  partition: 0,
  offset: 0,
  ...extra,
});

function matches(query: string, format: Parameters<typeof createMatcher>[1], values: MatchableMessage[]): boolean[] {
  const match = createMatcher(parseFilterQuery(query), format);
  return values.map(match);
}

describe('filter query', () => {
  it('splits on spaces and keeps quoted phrases', () => {
    assert.deepEqual(tokenize(' a  "b c" page:"about us" '), ['a', 'b c', 'page:about us']);
    assert.throws(() => tokenize('"open'), FilterSyntaxError);
  });

  it('matches text anywhere in the value or key, case-insensitively', () => {
    assert.deepEqual(
      matches('CHECKOUT', 'web', [
        msg(web('u1', 'go_to', 'checkout')),
        msg(web('u1', 'go_to', 'home')),
        msg('x', { key: 'checkout-key' }),
      ]),
      [true, false, true],
    );
  });

  it('matches per-field values of parsed web records', () => {
    const values = [
      msg(web('a0aa0dd0', 'close', 'home')),
      msg(web('b1', 'close', 'home')),
      msg(web('a0aa0dd0', 'go_to', 'faq')),
    ];
    assert.deepEqual(matches('user_id:a0aa0dd0', 'web', values), [true, false, true]);
    assert.deepEqual(matches('user_id:a0aa0dd0 action:close', 'web', values), [true, false, false]);
    assert.deepEqual(matches('-page:home', 'web', values), [false, false, true]);
  });

  it('matches nginx status classes with x wildcards, globs and comparisons', () => {
    const values = [msg(nginx(503, '/api/cart')), msg(nginx(200, '/index.html')), msg(nginx(404, '/api/x', 'POST'))];
    assert.deepEqual(matches('status:5xx', 'nginx', values), [true, false, false]);
    assert.deepEqual(matches('status:>=400', 'nginx', values), [true, false, true]);
    assert.deepEqual(matches('path:/api/*', 'nginx', values), [true, false, true]);
    assert.deepEqual(matches('method:post', 'nginx', values), [false, false, true]);
  });

  it('reads nested JSON fields and the message fields partition, offset and key', () => {
    const values = [
      msg('{"event_type":"purchase","product":{"price":250}}', { partition: 1 }),
      msg('{"event_type":"view","product":{"price":20}}', { partition: 2, key: 'u9' }),
    ];
    assert.deepEqual(matches('product.price:>200', 'events', values), [true, false]);
    assert.deepEqual(matches('partition:2', 'events', values), [false, true]);
    assert.deepEqual(matches('key:u9', 'events', values), [false, true]);
  });

  it('reads JSON fields before the format is known, and never matches a missing field', () => {
    assert.deepEqual(matches('status:5xx', undefined, [msg('{"status":502}'), msg('plain text 502')]), [true, false]);
  });

  it('an empty query matches everything', () => {
    assert.deepEqual(matches('   ', 'raw', [msg('a'), msg('')]), [true, true]);
    assert.equal(parseFilterQuery('  ').terms.length, 0);
  });

  it('names an unknown field of a fixed-field format and lists the fields it has', () => {
    assert.throws(
      () => requireKnownFields(parseFilterQuery('acton:close'), 'web'),
      (e: unknown) =>
        e instanceof FilterSyntaxError &&
        e.message === 'unknown field acton — web fields: action, page, user_id, timestamp, ts, partition, …',
    );
    assert.throws(
      () => requireKnownFields(parseFilterQuery('GET -stauts:5xx'), 'nginx'),
      /unknown field stauts — nginx fields: status, method, path/,
    );
  });

  it('accepts every known field, the message fields, and any field of formats whose fields vary', () => {
    for (const query of [
      'action:close page:home user_id:a partition:1 offset:>3 key:k',
      '-timestamp:2025* ts:>0 word',
    ]) {
      assert.doesNotThrow(() => requireKnownFields(parseFilterQuery(query), 'web'), query);
    }
    assert.doesNotThrow(() => requireKnownFields(parseFilterQuery('status:5xx method:GET path:/api/*'), 'nginx'));
    for (const format of ['events', 'jsonl', 'raw', undefined] as const) {
      assert.equal(filterFields(format), undefined, String(format));
      assert.doesNotThrow(() => requireKnownFields(parseFilterQuery('anything.nested:1'), format));
    }
  });
});
