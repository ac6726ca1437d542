import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CSV_HEADER, csvField, toCsvRow, toJsonLine, writeExport } from '../../../src/core/messages/exportMessages';
import type { BufferedMessage } from '../../../src/core/messages/messageRing';

const message = (seq: number, value: string, key: string | null = null): BufferedMessage => ({
  seq,
  partition: 1,
  offset: 40 + seq,
  timestamp: Date.UTC(2025, 9, 16, 21, 16, 47),
  key,
  value,
});

describe('export of listed messages', () => {
  it('quotes CSV fields as RFC 4180 says', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(
      toCsvRow('t', message(1, '{"a":1,"b":"x"}', 'k')),
      't,1,41,2025-10-16T21:16:47.000Z,k,"{""a"":1,""b"":""x""}"',
    );
  });

  it('writes one JSON object per line with the value as read', () => {
    assert.deepEqual(JSON.parse(toJsonLine('t', message(2, '<img src=x onerror=alert(1)>'))), {
      topic: 't',
      partition: 1,
      offset: 42,
      timestamp: '2025-10-16T21:16:47.000Z',
      key: null,
      value: '<img src=x onerror=alert(1)>',
    });
  });

  it('streams many messages to a file and counts them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-export-'));
    try {
      const many = Array.from({ length: 20_000 }, (_, i) => message(i, `line ${i}, with a comma`));
      const csvFile = path.join(dir, 'out.csv');
      assert.equal(await writeExport(csvFile, 'csv', 't', many), 20_000);
      const csv = fs.readFileSync(csvFile, 'utf8').split('\r\n');
      assert.equal(csv[0], CSV_HEADER);
      assert.equal(csv.length, 20_002); // header, rows, and the empty string after the last CRLF
      const jsonFile = path.join(dir, 'out.jsonl');
      assert.equal(await writeExport(jsonFile, 'jsonl', 't', many.slice(0, 3)), 3);
      assert.deepEqual(
        fs
          .readFileSync(jsonFile, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).value),
        ['line 0, with a comma', 'line 1, with a comma', 'line 2, with a comma'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a file that cannot be written', async () => {
    await assert.rejects(
      writeExport(path.join(os.tmpdir(), 'no-such-dir-kll', 'x.csv'), 'csv', 't', [message(1, 'a')]),
    );
  });
});
