import assert from 'node:assert/strict';
import { FilterSyntaxError, parseFilterQuery, tokenize } from '../../../src/core/messages/filterQuery';
import { createMatcher, type MatchableMessage } from '../../../src/core/messages/messageMatcher';

const web = (user: string, action: string, page: string) =>
  `1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : ${user} -- Action : ${action} -- Page : ${page}`;
const nginx = (status: number, path: string, method = 'GET') =>
  `203.0.113.9 - - [16/Oct/2025:21:16:47 +0000] "${method} ${path} HTTP/1.1" ${status} 512 "-" "curl/8.0"`;
const msg = (value: string, extra: Partial<MatchableMessage> = {}): MatchableMessage => ({ value, key: null, partition: 0, offset: 0, ...extra });

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
    assert.deepEqual(matches('CHECKOUT', 'web', [msg(web('u1', 'go_to', 'checkout')), msg(web('u1', 'go_to', 'home')), msg('x', { key: 'checkout-key' })]), [true, false, true]);
  });

  it('matches per-field values of parsed web records', () => {
    const values = [msg(web('a0aa0dd0', 'close', 'home')), msg(web('b1', 'close', 'home')), msg(web('a0aa0dd0', 'go_to', 'faq'))];
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
});
