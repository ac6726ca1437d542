import assert from 'node:assert/strict';
import { readLineBatches, readLines, readSampleLines } from '../../../src/core/parse';
import { useTempDir, writeFile } from '../tempFiles';

async function collect(file: string, chunkBytes?: number): Promise<Array<[number, string]>> {
  const seen: Array<[number, string]> = [];
  await readLines(file, (line, n) => seen.push([n, line]), { chunkBytes });
  return seen;
}

describe('line reader', () => {
  const dir = useTempDir();

  it('handles CRLF, a BOM on line 1, blank lines and a last line without newline', async () => {
    const file = writeFile(dir(), 'mixed.log', '\uFEFFfirst\r\nsecond\n\n  \r\nlast');
    assert.deepEqual(await collect(file), [
      [1, 'first'],
      [2, 'second'],
      [3, ''],
      [4, '  '],
      [5, 'last'],
    ]);
  });

  it('does not invent a line after a final newline, and reads empty files', async () => {
    assert.deepEqual(await collect(writeFile(dir(), 'a.log', 'a\nb\n')), [
      [1, 'a'],
      [2, 'b'],
    ]);
    assert.deepEqual(await collect(writeFile(dir(), 'empty.log', '')), []);
    assert.deepEqual(await collect(writeFile(dir(), 'nl.log', '\n')), [[1, '']]);
  });

  it('gives the same lines whatever the chunk size: long lines, CRLF and multi-byte characters across chunks', async () => {
    const lines = ['héllo wörld ☃ 𝄞', 'x'.repeat(5000), '', 'short', 'ünïcødé'.repeat(50), 'end'];
    const file = writeFile(dir(), 'chunks.log', '\uFEFF' + lines.join('\r\n'));
    const expected = lines.map((line, i): [number, string] => [i + 1, line]);
    for (const chunkBytes of [1, 2, 3, 7, 64, 1000, 1 << 20]) {
      assert.deepEqual(await collect(file, chunkBytes), expected, `chunk size ${chunkBytes}`);
    }
  });

  it('yields batches with their first line numbers and can stop early', async () => {
    const file = writeFile(dir(), 'batches.log', Array.from({ length: 1000 }, (_, i) => `line ${i + 1}`).join('\n'));
    let expectedNext = 1;
    for await (const batch of readLineBatches(file, { chunkBytes: 100 })) {
      assert.equal(batch.firstLineNumber, expectedNext);
      batch.lines.forEach((line, i) => assert.equal(line, `line ${batch.firstLineNumber + i}`));
      expectedNext += batch.lines.length;
    }
    assert.equal(expectedNext, 1001);
    const controller = new AbortController();
    let seen = 0;
    for await (const batch of readLineBatches(file, { chunkBytes: 100, signal: controller.signal })) {
      seen += batch.lines.length;
      controller.abort();
    }
    assert.ok(seen > 0 && seen < 1000);
  });

  it('reports lines and bytes', async () => {
    const file = writeFile(dir(), 'count.log', 'a\nbb\nccc');
    assert.deepEqual(await readLines(file, () => {}), { lines: 3, bytes: 8 });
  });

  it('samples the first lines, without a cut-off last line', async () => {
    const file = writeFile(dir(), 'sample.log', '\uFEFFone\r\ntwo\nthree-is-long\n');
    assert.deepEqual(await readSampleLines(file, 10), ['one', 'two', 'three-is-long']);
    assert.deepEqual(await readSampleLines(file, 10, 13), ['one', 'two']);
    assert.deepEqual(await readSampleLines(file, 1), ['one']);
  });
});
