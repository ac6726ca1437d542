import assert from 'node:assert/strict';
import { parsedFields } from '../../../webview/dashboard/list/parsedFields';

const WEB = '1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : a0aa0dd0 -- Action : close -- Page : home';
const NGINX = '203.0.113.9 - - [16/Oct/2025:21:16:47 +0000] "GET /api/cart?x=1 HTTP/1.1" 502 512 "-" "curl/8.0"';

describe('parsed fields of an expanded message', () => {
  it('lists the fields of a web line by the names the filter uses, without derived ones', () => {
    assert.deepEqual(parsedFields('web', WEB), [
      ['timestamp', '2025-10-16 21:16:47.779100'],
      ['user_id', 'a0aa0dd0'],
      ['action', 'close'],
      ['page', 'home'],
    ]);
  });

  it('lists the fields of an nginx line', () => {
    const fields = new Map(parsedFields('nginx', NGINX));
    assert.equal(fields.get('status'), '502');
    assert.equal(fields.get('path'), '/api/cart');
    assert.equal(fields.get('method'), 'GET');
    assert.equal(fields.has('ts'), false);
  });

  it('shows nested JSON as JSON text and null as null', () => {
    assert.deepEqual(parsedFields('events', '{"event_type":"view","product":{"price":20},"user":null}'), [
      ['event_type', 'view'],
      ['product', '{"price":20}'],
      ['user', 'null'],
    ]);
  });

  it('gives nothing for a value that does not parse, raw text, or an unknown format', () => {
    assert.equal(parsedFields('web', 'not a web line'), undefined);
    assert.equal(parsedFields('events', '[1,2]'), undefined);
    assert.equal(parsedFields('raw', WEB), undefined);
    assert.equal(parsedFields(undefined, WEB), undefined);
  });
});
