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

export interface FollowOptions {
  pollMs?: number;
  signal: AbortSignal;
}

export interface ReadLineOptions {
  /** Lines before this number are read but not yielded. */
  fromLine?: number;
  /** Start reading at this byte; lines are numbered from there (a rotated file is read from its start). */
  fromByte?: number;
  chunkBytes?: number;
  follow?: FollowOptions;
}

const LF = 0x0a;
const CR = 0x0d;

function stripLine(buf: Buffer, start: number, end: number): Buffer {
  if (end > start && buf[end - 1] === CR) end--;
  return buf.subarray(start, end);
}

const hasBom = (data: Buffer) => data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;

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

/** Cuts chunks of a file into numbered lines, carrying a line without its newline over. */
class LineSplitter {
  private lineNumber = 1;
  private carry: Buffer | undefined;

  constructor(
    private readonly fromLine: number,
    /** At the start of a file a UTF-8 BOM is dropped. */
    public atFileStart: boolean,
  ) {}

  push(chunk: Buffer): LineBatch | undefined {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    let start = this.atFileStart && hasBom(data) ? 3 : 0;
    this.atFileStart = false;
    const lines: Buffer[] = [];
    const first = Math.max(this.lineNumber, this.fromLine);
    for (let nl = data.indexOf(LF, start); nl !== -1; nl = data.indexOf(LF, start)) {
      if (this.lineNumber >= this.fromLine) lines.push(stripLine(data, start, nl));
      this.lineNumber++;
      start = nl + 1;
    }
    if (start < data.length) this.carry = Buffer.from(data.subarray(start));
    return lines.length ? { firstLine: first, lines } : undefined;
  }

  /** The last line when the file ends (or is replaced) without a newline after it. */
  flush(): LineBatch | undefined {
    const carry = this.carry;
    this.carry = undefined;
    if (!carry?.length) return undefined;
    const line = this.lineNumber++;
    return line >= this.fromLine ? { firstLine: line, lines: [stripLine(carry, 0, carry.length)] } : undefined;
  }
}

/** An open file and how far it has been read. */
interface OpenFile {
  fh: fs.promises.FileHandle;
  ino: number;
  position: number;
}

async function openFile(path: string, position: number): Promise<OpenFile> {
  const fh = await fs.promises.open(path, 'r');
  return { fh, ino: (await fh.stat()).ino, position };
}

/** Follow mode at the end of the file: wait, then read on, start over (rotated or truncated), or stop. */
async function afterEnd(path: string, file: OpenFile, follow: FollowOptions): Promise<'read' | 'reopen' | 'stop'> {
  if (follow.signal.aborted) return 'stop';
  await sleep(follow.pollMs ?? 250, follow.signal);
  if (follow.signal.aborted) return 'stop';
  const now = await fs.promises.stat(path).catch(() => undefined);
  if (!now) return 'read'; // rotated away and not yet recreated
  if (now.ino === file.ino && now.size >= file.position) return 'read';
  // Rotated: the old handle may still hold lines written before the rotation.
  if (now.ino !== file.ino && (await file.fh.stat()).size > file.position) return 'read';
  return 'reopen';
}

export async function* readRawLineBatches(path: string, options: ReadLineOptions = {}): AsyncGenerator<LineBatch> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const fromByte = options.fromByte ?? 0;
  const splitter = new LineSplitter(options.fromLine ?? 1, fromByte === 0);
  let file = await openFile(path, fromByte);
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await file.fh.read(chunk, 0, chunkBytes, file.position);
      file.position += bytesRead;
      const batch = bytesRead > 0 ? splitter.push(chunk.subarray(0, bytesRead)) : undefined;
      if (batch) yield batch;
      if (bytesRead > 0) continue;
      const next = options.follow ? await afterEnd(path, file, options.follow) : 'end';
      if (next === 'stop') return; // a line still being written stays unread
      if (next === 'read') continue;
      const last = splitter.flush();
      if (last) yield last;
      if (next === 'end') return;
      await file.fh.close();
      file = await openFile(path, 0);
      splitter.atFileStart = true;
    }
  } finally {
    await file.fh.close().catch(() => undefined);
  }
}
