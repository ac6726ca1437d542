import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { looksBinary, readRawLineBatches } from '../../../src/core/io/lineBatches';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-lines-'));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

async function collect(file: string, options = {}) {
  const out: Array<[number, string]> = [];
  for await (const batch of readRawLineBatches(file, options))
    batch.lines.forEach((l, i) => out.push([batch.firstLine + i, l.toString('latin1')]));
  return out;
}

describe('readRawLineBatches', () => {
  it('numbers lines from 1, strips CR and a leading BOM, keeps a last line without newline', async () => {
    const file = write('a.log', '\uFEFFone\r\ntwo\n\nthree');
    assert.deepEqual(await collect(file), [
      [1, 'one'],
      [2, 'two'],
      [3, ''],
      [4, 'three'],
    ]);
  });

  it('keeps lines split across chunk boundaries whole', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i + 1} ${'x'.repeat(i % 37)}`);
    const file = write('b.log', lines.join('\n') + '\n');
    const got = await collect(file, { chunkBytes: 64 });
    assert.deepEqual(
      got.map(([, l]) => l),
      lines,
    );
    assert.deepEqual(
      got.map(([n]) => n),
      lines.map((_, i) => i + 1),
    );
  });

  it('starts at --from-line with the right numbers', async () => {
    const file = write('c.log', 'a\nb\nc\nd\n');
    assert.deepEqual(await collect(file, { fromLine: 3, chunkBytes: 3 }), [
      [3, 'c'],
      [4, 'd'],
    ]);
  });

  it('leaves invalid UTF-8 bytes untouched', async () => {
    const file = write('d.log', Buffer.from([0xff, 0xfe, 0x0a, 0x41]));
    const got: string[] = [];
    for await (const b of readRawLineBatches(file)) for (const l of b.lines) got.push(l.toString('hex'));
    assert.deepEqual(got, ['fffe', '41']);
  });

  it('follows appended lines and a rotated file until aborted', async () => {
    const file = write('e.log', 'first\n');
    const controller = new AbortController();
    const seen: string[] = [];
    const done = (async () => {
      for await (const b of readRawLineBatches(file, { follow: { signal: controller.signal, pollMs: 20 } })) {
        for (const l of b.lines) seen.push(l.toString());
      }
    })();
    const waitFor = async (n: number) => {
      for (let i = 0; i < 200 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    };
    await waitFor(1);
    fs.appendFileSync(file, 'second\nthi');
    await waitFor(2);
    fs.appendFileSync(file, 'rd\n');
    await waitFor(3);
    fs.renameSync(file, file + '.1');
    fs.writeFileSync(file, 'after rotation\n');
    await waitFor(4);
    controller.abort();
    await done;
    assert.deepEqual(seen, ['first', 'second', 'third', 'after rotation']);
  });
});

describe('looksBinary', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('detects a NUL byte in the first block only', async () => {
    assert.equal(await looksBinary(write('bin', Buffer.from([0x41, 0x00, 0x42]))), true);
    assert.equal(await looksBinary(write('txt', 'plain text\n')), false);
  });
});
