import assert from 'node:assert/strict';
import { GENERATED_FORMATS } from '../../../src/core/logFormat';
import { generateToString } from '../../../src/core/generate';
import { filterFields, parseFilterQuery } from '../../../src/core/messages/filterQuery';
import { createMatcher } from '../../../src/core/messages/messageMatcher';
import { fieldCells, fieldColumns } from '../../../webview/dashboard/list/fieldColumns';

const WEB = '1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : a0aa0dd0 -- Action : close -- Page : home';
const NGINX = '203.0.113.9 - - [16/Oct/2025:21:16:47 +0000] "GET /api/cart?x=1 HTTP/1.1" 502 512 "-" "curl/8.0"';
const EVENT =
  '{"event_id":"e1","timestamp":"2025-10-16T21:16:47.779Z","user_id":"3f9a2c1b","session_id":"3f9a2c1b-1",' +
  '"event_type":"view","product":{"id":"P0042","name":"Pro Tent","category":"sports"},"price":189.99}';

describe('parsed-fields view of the message list', () => {
  it('has a fixed column list for web, nginx and events, and none for raw text or other JSON', () => {
    assert.deepEqual(fieldColumns('web'), ['user_id', 'action', 'page', 'timestamp']);
    assert.deepEqual(fieldColumns('nginx'), ['status', 'method', 'path', 'body_bytes_sent', 'remote_addr']);
    assert.deepEqual(fieldColumns('events'), ['event_type', 'user_id', 'product.name', 'price']);
    assert.equal(fieldColumns('raw'), undefined);
    assert.equal(fieldColumns('jsonl'), undefined);
    assert.equal(fieldColumns(undefined), undefined);
  });

  it('names web and nginx columns exactly as the filter names their fields', () => {
    for (const format of ['web', 'nginx'] as const) {
      const known = filterFields(format)!;
      for (const column of fieldColumns(format)!) assert.ok(known.includes(column), `${format} ${column}`);
    }
  });

  it('gives the parsed cells of a web, nginx and events line', () => {
    assert.deepEqual(fieldCells('web', fieldColumns('web')!, WEB), [
      'a0aa0dd0',
      'close',
      'home',
      '2025-10-16 21:16:47.779100',
    ]);
    assert.deepEqual(fieldCells('nginx', fieldColumns('nginx')!, NGINX), [
      '502',
      'GET',
      '/api/cart',
      '512',
      '203.0.113.9',
    ]);
    assert.deepEqual(fieldCells('events', fieldColumns('events')!, EVENT), ['view', '3f9a2c1b', 'Pro Tent', '189.99']);
  });

  it('gives nothing for a line that does not parse (shown raw), and an empty cell for a missing field', () => {
    assert.equal(fieldCells('web', fieldColumns('web')!, NGINX), undefined);
    assert.equal(fieldCells('nginx', fieldColumns('nginx')!, 'hello'), undefined);
    assert.equal(fieldCells('events', fieldColumns('events')!, 'not json'), undefined);
    assert.deepEqual(fieldCells('events', fieldColumns('events')!, '{"event_type":"cart","product":null}'), [
      'cart',
      '',
      '',
      '',
    ]);
  });

  it('shows, for every generated line, values that the filter finds under the column name', () => {
    for (const format of GENERATED_FORMATS) {
      const { text } = generateToString({ format, seed: 'fields', startMs: Date.UTC(2025, 9, 16), lines: 40 });
      const columns = fieldColumns(format)!;
      for (const line of text.split('\n').filter((l) => l.length > 0)) {
        const cells = fieldCells(format, columns, line);
        assert.ok(cells, `${format} line parses: ${line}`);
        columns.forEach((column, i) => {
          if (cells[i] === '') return;
          const matches = createMatcher(parseFilterQuery(`${column}:"${cells[i]}"`), format);
          assert.ok(matches({ value: line, key: null, partition: 0, offset: 0 }), `${column}:${cells[i]} on ${line}`);
        });
      }
    }
  });
});
