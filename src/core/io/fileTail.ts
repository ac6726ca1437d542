// `tail -n N -F` for a text log (a local broker's): the last lines now, then what is appended,
// read asynchronously so a busy log never blocks the caller's thread.
import fs from 'node:fs';
import { readRawLineBatches } from './lineBatches';

/** How far back the last lines are looked for: enough for a few hundred log lines. */
const TAIL_WINDOW_BYTES = 256 * 1024;

export interface FileTail {
  lines: string[];
  /** The file's size when read: where following it starts. */
  size: number;
}

/** The last `count` complete lines of `file` (none when it does not exist yet). */
export async function lastLines(file: string, count: number): Promise<FileTail> {
  const fh = await fs.promises.open(file, 'r').catch(() => undefined);
  if (!fh) return { lines: [], size: 0 };
  try {
    const { size } = await fh.stat();
    const start = Math.max(0, size - TAIL_WINDOW_BYTES);
    const buffer = Buffer.alloc(size - start);
    const { bytesRead } = await fh.read(buffer, 0, buffer.length, start);
    const lines = buffer.subarray(0, bytesRead).toString('utf8').split('\n');
    if (start > 0) lines.shift(); // the window began mid-line
    if (lines.at(-1) === '') lines.pop();
    return { lines: lines.slice(-count), size: start + bytesRead };
  } finally {
    await fh.close();
  }
}

/**
 * Calls `onLine` for every line appended to `file` after byte `from`, across rotation and
 * truncation, until `signal` aborts. Resolves then; rejects when the file cannot be opened.
 */
export async function followLines(
  file: string,
  from: number,
  onLine: (line: string) => void,
  options: { signal: AbortSignal; pollMs?: number },
): Promise<void> {
  const follow = { signal: options.signal, pollMs: options.pollMs ?? 1000 };
  for await (const batch of readRawLineBatches(file, { fromByte: from, follow })) {
    for (const line of batch.lines) onLine(line.toString('utf8'));
  }
}
