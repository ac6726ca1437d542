import assert from 'node:assert/strict';
import { detectFormat, parseLine, parseWebLine, parseWebTimestamp, visitorOf } from '../../../src/core/parse';

// Lines exactly as they appear in seed 000's report.
const SEED_LINES = [
  '1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : a0aa0dd0 -- Action : go_to -- Page : home',
  '7 -- Timestamp : 2025-10-16 21:23:47.779100 - User_id : 9c2b2f06 -- Action : logout -- Page : product1',
  '13 -- Timestamp : 2025-10-16 21:35:47.779100 - User_id : 9c2b2f06 -- Action : close -- Page : register',
];

describe('web lab parser', () => {
  it("reads the seed's lines like its parse_line", () => {
    const record = parseWebLine(SEED_LINES[0]);
    assert.ok(record);
    const { ts, ...fields } = record;
    assert.deepEqual(fields, {
      timestamp: '2025-10-16 21:16:47.779100',
      user_id: 'a0aa0dd0',
      action: 'go_to',
      page: 'home',
    });
    assert.equal(Math.round(ts * 1000), Date.UTC(2025, 9, 16, 21, 16, 47) * 1000 + 779_100);
    assert.equal(parseWebLine(SEED_LINES[1])?.action, 'logout');
    assert.equal(parseWebLine(SEED_LINES[2])?.page, 'register');
  });

  it('keeps microseconds exactly', () => {
    const a = parseWebLine(SEED_LINES[0]);
    const b = parseWebLine(
      '2 -- Timestamp : 2025-10-16 21:16:47.779101 - User_id : a0aa0dd0 -- Action : view -- Page : faq',
    );
    assert.ok(a && b);
    assert.equal(Math.round(b.ts * 1000) - Math.round(a.ts * 1000), 1);
  });

  it('accepts CRLF, a BOM, a missing line number and extra spaces', () => {
    assert.equal(parseWebLine(SEED_LINES[0] + '\r')?.page, 'home');
    assert.equal(parseWebLine('\uFEFF' + SEED_LINES[0])?.user_id, 'a0aa0dd0');
    assert.equal(parseWebLine(SEED_LINES[0].slice(5))?.user_id, 'a0aa0dd0');
    assert.equal(
      parseWebLine(
        '1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id :  a0aa0dd0  -- Action : go_to -- Page :  home ',
      )?.page,
      'home',
    );
  });

  it('accepts timestamps without fraction (Python omits zero microseconds), with T and Z', () => {
    assert.equal(parseWebTimestamp('2025-10-16 21:16:47'), Date.UTC(2025, 9, 16, 21, 16, 47) * 1000);
    assert.equal(parseWebTimestamp('2025-10-16T21:16:47.5Z'), Date.UTC(2025, 9, 16, 21, 16, 47) * 1000 + 500_000);
    assert.equal(
      parseWebTimestamp('2025-10-16 21:16:47.123456789'),
      Date.UTC(2025, 9, 16, 21, 16, 47) * 1000 + 123_456,
    );
  });

  it('rejects malformed lines without throwing', () => {
    const bad = [
      '',
      'hello',
      '1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : a0aa0dd0 -- Action : go_to',
      '1 -- Timestamp : 2025-13-16 21:16:47.779100 - User_id : a0aa0dd0 -- Action : go_to -- Page : home',
      '1 -- Timestamp : 2025-10-16 24:16:47.779100 - User_id : a0aa0dd0 -- Action : go_to -- Page : home',
      '1 -- Timestamp : 2025-10-16 21:16:47.x - User_id : a0aa0dd0 -- Action : go_to -- Page : home',
      '1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id :  -- Action : go_to -- Page : home',
      '1 -- Timestamp : yesterday - User_id : a0aa0dd0 -- Action : go_to -- Page : home',
      '1 - Timestamp : 2025-10-16 21:16:47.779100 - User_id : a0aa0dd0 -- Action : go_to -- Page : home',
      '192.168.1.1 - - [11/Nov/2024:12:10:03 +0000] "GET / HTTP/1.1" 200 1 "-" "-"',
    ];
    for (const line of bad) assert.equal(parseWebLine(line), undefined, line);
    for (let end = 0; end < SEED_LINES[0].length; end++) parseWebLine(SEED_LINES[0].slice(0, end));
  });

  it('names the visitor by user_id', () => {
    const record = parseLine('web', SEED_LINES[0]);
    assert.ok(record);
    assert.equal(visitorOf('web', record), 'a0aa0dd0');
  });
});

describe("web records sent as JSON (the lab producer's message shape)", () => {
  it('parses a JSON web record and detects a file of them as web', () => {
    const json = '{"timestamp":"2025-10-16 21:16:47.779100","user_id":"a0aa0dd0","action":"go_to","page":"home"}';
    const record = parseWebLine(json);
    assert.equal(record?.user_id, 'a0aa0dd0');
    assert.equal(record?.action, 'go_to');
    assert.equal(record?.ts, Date.UTC(2025, 9, 16, 21, 16, 47) + 779.1);
    assert.equal(detectFormat([json, json]), 'web');
  });

  it('rejects JSON that lacks the web fields', () => {
    assert.equal(parseWebLine('{"user_id":"a","price":3}'), undefined);
    assert.equal(parseWebLine('{"timestamp":"nope","user_id":"a","action":"x","page":"y"}'), undefined);
    assert.equal(parseWebLine('{not json'), undefined);
  });
});
