import assert from 'node:assert/strict';
import { detectFormat, eventPrice, parseLine, parseJsonLine, stripBomAndCr, visitorOf } from '../../../src/core/parse';

describe('JSON lines and product events', () => {
  it('parses objects only', () => {
    assert.deepEqual(parseJsonLine('{"a":1}'), { a: 1 });
    assert.deepEqual(parseJsonLine('  {"a":1}  '), { a: 1 });
    assert.deepEqual(parseJsonLine('\uFEFF{"a":1}'), { a: 1 });
    for (const line of ['', '[1,2]', '"text"', '42', 'null', '{"a":', '{a:1}', 'plain text', '{"a":1} trailing']) {
      assert.equal(parseJsonLine(line), undefined, line);
    }
  });

  it('reads prices from price or product.price, numbers or numeric strings', () => {
    assert.equal(eventPrice({ price: 12.5 }), 12.5);
    assert.equal(eventPrice({ price: '49.99' }), 49.99);
    assert.equal(eventPrice({ product: { price: 300 } }), 300);
    assert.equal(eventPrice({ price: 'n/a' }), undefined);
    assert.equal(eventPrice({ price: '' }), undefined);
    assert.equal(eventPrice({ price: null }), undefined);
    assert.equal(eventPrice({}), undefined);
  });

  it('names the visitor by user_id (events) or common id fields (jsonl)', () => {
    const event = parseLine('events', '{"user_id":"u1","event_type":"view"}');
    assert.ok(event);
    assert.equal(visitorOf('events', event), 'u1');
    const numeric = parseLine('events', '{"user_id":7}');
    assert.ok(numeric);
    assert.equal(visitorOf('events', numeric), '7');
    const generic = parseLine('jsonl', '{"ip":"10.0.0.1","msg":"x"}');
    assert.ok(generic);
    assert.equal(visitorOf('jsonl', generic), '10.0.0.1');
    assert.equal(visitorOf('jsonl', { msg: 'x' }), undefined);
  });

  it('raw lines always parse, without a visitor', () => {
    const record = parseLine('raw', 'anything at all\r');
    assert.deepEqual(record, { text: 'anything at all' });
    assert.equal(visitorOf('raw', record!), undefined);
  });

  it('strips a BOM and a trailing CR', () => {
    assert.equal(stripBomAndCr('\uFEFFabc\r'), 'abc');
    assert.equal(stripBomAndCr('abc'), 'abc');
    assert.equal(stripBomAndCr('\r'), '');
    assert.equal(stripBomAndCr(''), '');
  });
});

describe('detectFormat', () => {
  const web = '1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : a0aa0dd0 -- Action : go_to -- Page : home';
  const nginx = '192.168.1.1 - - [11/Nov/2024:12:10:03 +0000] "GET / HTTP/1.1" 200 1024 "-" "Mozilla/5.0"';
  const event =
    '{"event_id":"e1","timestamp":"2025-10-16T21:16:47.779Z","user_id":"u1","event_type":"view","price":12.5}';

  it('recognises each format from its first lines', () => {
    assert.equal(detectFormat([web, web]), 'web');
    assert.equal(detectFormat(['\uFEFF' + nginx + '\r', nginx + '\r']), 'nginx');
    assert.equal(detectFormat([event, event]), 'events');
    assert.equal(detectFormat(['{"level":"info","msg":"started"}', '{"level":"warn","msg":"slow"}']), 'jsonl');
    assert.equal(detectFormat(['just some text', 'more text']), 'raw');
    assert.equal(detectFormat([]), 'raw');
    assert.equal(detectFormat(['', '   ']), 'raw');
  });

  it('tolerates a minority of broken or blank lines', () => {
    assert.equal(detectFormat([nginx, 'garbage', '', nginx, nginx]), 'nginx');
    assert.equal(detectFormat([web, 'garbage', 'garbage']), 'raw');
  });
});
