// Fast streaming line reading over a file: big chunks, newline search on bytes, one UTF-8
// decode per chunk, lines sliced from the decoded text. Handles CRLF, a BOM on line 1, a
// last line without newline and lines longer than a chunk. Line numbers count from 1 and
// include blank lines (consumers decide what a blank line means).
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import { stripBomAndCr } from './lineText';

export interface LineBatch {
  lines: string[];
  /** Line number of `lines[0]`. */
  firstLineNumber: number;
}

export interface ReadLinesOptions {
  /** Bytes read per chunk (default 1 MiB). */
  chunkBytes?: number;
  signal?: AbortSignal;
}

export interface ReadLinesResult {
  lines: number;
  bytes: number;
}

const NEWLINE = 10;

/** Lines of the file in batches (one per chunk read), so a consumer can await between batches. */
export async function* readLineBatches(path: string, options: ReadLinesOptions = {}): AsyncGenerator<LineBatch> {
  const stream = fs.createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 });
  let pending: Buffer[] = [];
  let lineNumber = 1;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) return;
      const lastNewline = chunk.lastIndexOf(NEWLINE);
      if (lastNewline < 0) {
        pending.push(chunk); // a line longer than a chunk: keep collecting
        continue;
      }
      const head = chunk.subarray(0, lastNewline);
      const text = decode(pending.length > 0 ? Buffer.concat([...pending, head]) : head);
      pending = lastNewline + 1 < chunk.length ? [chunk.subarray(lastNewline + 1)] : [];
      const lines = splitText(text, lineNumber === 1);
      yield { lines, firstLineNumber: lineNumber };
      lineNumber += lines.length;
    }
    if (pending.length > 0) {
      const lines = splitText(decode(Buffer.concat(pending)), lineNumber === 1);
      yield { lines, firstLineNumber: lineNumber };
    }
  } finally {
    stream.destroy();
  }
}

/** Calls `onLine` for every line of the file, in order. */
export async function readLines(
  path: string,
  onLine: (line: string, lineNumber: number) => void,
  options: ReadLinesOptions = {},
): Promise<ReadLinesResult> {
  let lines = 0;
  for await (const batch of readLineBatches(path, options)) {
    const { lines: batchLines, firstLineNumber } = batch;
    for (let i = 0; i < batchLines.length; i++) onLine(batchLines[i], firstLineNumber + i);
    lines += batchLines.length;
  }
  const bytes = (await fs.promises.stat(path)).size;
  return { lines, bytes };
}

/** Up to `maxLines` lines from the start of the file (reads at most `maxBytes`), for format detection. */
export async function readSampleLines(path: string, maxLines = 100, maxBytes = 256 * 1024): Promise<string[]> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    let end = bytesRead;
    if (bytesRead === maxBytes) {
      const lastNewline = buffer.lastIndexOf(NEWLINE, bytesRead - 1);
      if (lastNewline >= 0) end = lastNewline; // drop the cut-off last line
    }
    const text = buffer.toString('utf8', 0, end);
    const lines = splitText(text.endsWith('\n') ? text.slice(0, -1) : text, true);
    return lines.slice(0, maxLines);
  } finally {
    await handle.close();
  }
}

/**
 * UTF-8 text of whole lines. Pure ASCII (the common case for logs) is decoded as Latin-1,
 * which gives the same string several times faster than the general UTF-8 decoder.
 */
function decode(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** Splits text that holds whole lines (no trailing newline) into lines without CR. */
function splitText(text: string, atFileStart: boolean): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end);
    lines.push(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line);
    if (end < 0) break;
    start = end + 1;
  }
  if (atFileStart && lines.length > 0) lines[0] = stripBomAndCr(lines[0]);
  return lines;
}
