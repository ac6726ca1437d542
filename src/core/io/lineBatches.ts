// Streams a file as batches of lines, as raw bytes (invalid UTF-8 stays untouched).
// Lines are zero-copy views into freshly allocated chunks; CR before LF and a UTF-8 BOM at
// the start of the file are stripped. In follow mode it keeps reading what is appended,
// also across rotation (the path now names a new file) and truncation, like `tail -F`.
import fs from 'node:fs';
import { sleep } from '../util/sleep';

export interface LineBatch {
  /** Line number (1-based, counted across rotations) of `lines[0]`. */
  firstLine: number;
  lines: Buffer[];
}

export interface ReadLineOptions {
  /** Lines before this number are read but not yielded. */
  fromLine?: number;
  chunkBytes?: number;
  follow?: { pollMs?: number; signal: AbortSignal };
}

const LF = 0x0a;
const CR = 0x0d;

function stripLine(buf: Buffer, start: number, end: number): Buffer {
  if (end > start && buf[end - 1] === CR) end--;
  return buf.subarray(start, end);
}


/** True when the first block of the file holds a NUL byte (a binary file, not a log). */
export async function looksBinary(path: string, blockBytes = 65536): Promise<boolean> {
  const fh = await fs.promises.open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(blockBytes);
    const { bytesRead } = await fh.read(buf, 0, blockBytes, 0);
    return buf.subarray(0, bytesRead).includes(0);
  } finally {
    await fh.close();
  }
}

export async function* readRawLineBatches(path: string, options: ReadLineOptions = {}): AsyncGenerator<LineBatch> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const fromLine = options.fromLine ?? 1;
  const follow = options.follow;
  let lineNumber = 1;
  let fh = await fs.promises.open(path, 'r');
  let ino = (await fh.stat()).ino;
  let position = 0;
  let carry: Buffer | undefined;
  let atFileStart = true;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await fh.read(chunk, 0, chunkBytes, position);
      if (bytesRead > 0) {
        position += bytesRead;
        let data = chunk.subarray(0, bytesRead);
        if (carry) {
          data = Buffer.concat([carry, data]);
          carry = undefined;
        }
        let start = 0;
        if (atFileStart && data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3;
        atFileStart = false;
        const lines: Buffer[] = [];
        const first = Math.max(lineNumber, fromLine);
        for (let nl = data.indexOf(LF, start); nl !== -1; nl = data.indexOf(LF, start)) {
          if (lineNumber >= fromLine) lines.push(stripLine(data, start, nl));
          lineNumber++;
          start = nl + 1;
        }
        if (start < data.length) carry = Buffer.from(data.subarray(start));
        if (lines.length) yield { firstLine: first, lines };
        continue;
      }
      // End of the file as it is now.
      if (!follow) {
        if (carry && carry.length) {
          if (lineNumber >= fromLine) yield { firstLine: lineNumber, lines: [stripLine(carry, 0, carry.length)] };
          lineNumber++;
        }
        return;
      }
      if (follow.signal.aborted) return;
      await sleep(follow.pollMs ?? 250, follow.signal);
      if (follow.signal.aborted) return;
      const now = await fs.promises.stat(path).catch(() => undefined);
      if (!now) continue; // rotated away and not yet recreated
      if (now.ino !== ino || now.size < position) {
        // Rotation or truncation: drain what the old handle still has, then start over.
        if (now.ino !== ino && (await fh.stat()).size > position) continue;
        if (carry && carry.length) {
          if (lineNumber >= fromLine) yield { firstLine: lineNumber, lines: [stripLine(carry, 0, carry.length)] };
          lineNumber++;
          carry = undefined;
        }
        await fh.close();
        fh = await fs.promises.open(path, 'r');
        ino = (await fh.stat()).ino;
        position = 0;
        atFileStart = true;
      }
    }
  } finally {
    await fh.close().catch(() => undefined);
  }
}
