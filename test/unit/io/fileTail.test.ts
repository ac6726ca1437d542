import assert from 'node:assert/strict';
import fs from 'node:fs';
import { followLines, lastLines } from '../../../src/core/io/fileTail';
import { readRawLineBatches } from '../../../src/core/io/lineBatches';
import { pollUntil } from '../../support/polling';
import { useTempDir, writeFile } from '../tempFiles';

describe('fileTail', () => {
  const dir = useTempDir();

  it('gives the last complete lines and the size to follow from', async () => {
    const file = writeFile(dir(), 'broker.log', 'one\ntwo\nthree\n');
    assert.deepEqual(await lastLines(file, 2), { lines: ['two', 'three'], size: 14 });
  });

  it('drops the cut first line when the file is longer than its window', async () => {
    const lines = Array.from({ length: 30000 }, (_, i) => `line ${i}`);
    const file = writeFile(dir(), 'long.log', lines.join('\n') + '\n');
    const tail = await lastLines(file, 100000);
    assert.equal(tail.lines.at(-1), 'line 29999');
    assert.ok(/^line \d+$/.test(tail.lines[0]), `first line "${tail.lines[0]}" is cut`);
    assert.equal(tail.size, fs.statSync(file).size);
  });

  it('has no lines for a file that is not there yet', async () => {
    assert.deepEqual(await lastLines(`${dir()}/missing.log`, 5), { lines: [], size: 0 });
  });

  it('follows only what is appended after the given byte, until aborted', async () => {
    const file = writeFile(dir(), 'follow.log', 'old line\n');
    const { size } = await lastLines(file, 10);
    const seen: string[] = [];
    const controller = new AbortController();
    const following = followLines(file, size, (line) => seen.push(line), { signal: controller.signal, pollMs: 20 });
    fs.appendFileSync(file, 'new line\nhalf');
    await pollUntil(
      'the appended line',
      () => seen.length,
      (n) => n >= 1,
      10000,
      20,
    );
    controller.abort();
    await following;
    assert.deepEqual(seen, ['new line'], 'a line still being written is not shown');
  });

  it('rejects when the log cannot be opened', async () => {
    const signal = new AbortController().signal;
    await assert.rejects(
      followLines(`${dir()}/none.log`, 0, () => undefined, { signal }),
      /ENOENT/,
    );
  });

  it('reads from a start byte, numbering lines from there', async () => {
    const file = writeFile(dir(), 'offset.log', 'skip\nkeep\n');
    const got: Array<[number, string]> = [];
    for await (const b of readRawLineBatches(file, { fromByte: 5 })) {
      b.lines.forEach((l, i) => got.push([b.firstLine + i, l.toString()]));
    }
    assert.deepEqual(got, [[1, 'keep']]);
  });
});
