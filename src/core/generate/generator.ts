// The shape every log generator shares: a synchronous producer of text chunks (so the
// simulation loop never awaits per line) plus a summary of what it actually wrote.
import type { GeneratedFormat } from '../logFormat';
import { copyBytes } from './byteCopy';
import { writeHexWord } from './ids';

export interface GeneratorOptions {
  /** Any text; the same seed (with the same other options) gives the same file. */
  seed: string;
  /** Timestamp of the first line, epoch milliseconds. */
  startMs: number;
  /** How many visitors arrive (all their sessions are written unless `lines` stops first). */
  users?: number;
  /** Stop after exactly this many lines. */
  lines?: number;
  /** Mean pause between a visitor's consecutive page views, seconds. */
  meanThinkSeconds?: number;
  /**
   * Live traffic: visitors arrive without end, as a Poisson process with this mean rate
   * (`users` and `lines` do not apply).
   */
  arrivalsPerSecond?: number;
}

/** What a generator wrote, counted from the lines themselves (the round-trip oracle for stats). */
export interface GeneratedCounts {
  lines: number;
  visitors: number;
  /** Timestamp of the last line, epoch milliseconds (the start when nothing was written). */
  endMs: number;
  /** web: visits with/without `close`; nginx: sessions by the 30-minute rule. */
  sessions?: WebSessionCounts | NginxSessionCounts;
  /** events: purchases and their total price. */
  purchases?: { count: number; revenue: number };
}

export interface WebSessionCounts {
  closed: number;
  vanished: number;
  averageDurationSeconds: number;
}

export interface NginxSessionCounts {
  count: number;
  averageDurationSeconds: number;
}

export interface LogGenerator {
  readonly format: GeneratedFormat;
  /**
   * The next whole lines as UTF-8, about `targetBytes` long; undefined once finished. With `into`
   * (a buffer the caller no longer needs), the lines are written there when it is large enough.
   */
  nextChunk(targetBytes: number, into?: Buffer): Buffer | undefined;
  counts(): GeneratedCounts;
  /** The lines of the events due at or before `ms` (epoch ms), at most `maxLines`, as UTF-8; empty when none is due. */
  linesUntil(ms: number, maxLines?: number): Buffer;
  /** When the next line is due, epoch ms; undefined when the generator has finished. */
  nextEventMs(): number | undefined;
  /** Live traffic: the arrival rate from the next arrival on. */
  setArrivalsPerSecond(rate: number): void;
  /** Moves every pending event `ms` later (a pause): visits resume where they stood. */
  postpone(ms: number): void;
  /** Runs the simulation up to `ms` without writing: the log then starts in the middle of traffic. */
  skipUntil(ms: number): void;
}

export const DEFAULT_USERS = 1000;
export const DEFAULT_THINK_SECONDS = 30;
/** Room past a chunk's target for the line that crosses it. */
export const CHUNK_SLACK = 16 * 1024;

/**
 * Rejects counts that would make a generator run forever or do nonsense (a NaN line cap
 * is never reached: the file would grow until the disk is full).
 */
export function checkOptions(options: GeneratorOptions): void {
  for (const [name, value] of [
    ['users', options.users],
    ['lines', options.lines],
  ] as const) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0))
      throw new RangeError(`${name} must be a whole number >= 0, got ${value}`);
  }
  if (!Number.isFinite(options.startMs)) throw new RangeError(`startMs must be a time, got ${options.startMs}`);
  const rate = options.arrivalsPerSecond;
  if (rate !== undefined) checkArrivalRate(rate);
  const think = options.meanThinkSeconds;
  if (think !== undefined && !(Number.isFinite(think) && think >= 1))
    throw new RangeError(`meanThinkSeconds must be >= 1, got ${think}`);
}

export function checkArrivalRate(rate: number): void {
  if (!(Number.isFinite(rate) && rate > 0)) throw new RangeError(`arrivalsPerSecond must be > 0, got ${rate}`);
}

/** Visitors allowed in: all of them in live mode, else `users`, else what `lines` needs, else the default. */
export function visitorLimit(options: GeneratorOptions): number {
  if (options.arrivalsPerSecond !== undefined) return Number.POSITIVE_INFINITY;
  return options.users ?? (options.lines === undefined ? DEFAULT_USERS : Number.POSITIVE_INFINITY);
}

/** Rounds to 2 decimals, the precision every average in the engine is reported with. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Encodes a number straight into a buffer: `write` returns the offset after what it wrote. */
export interface ByteWriter {
  write(target: Uint8Array, offset: number, value: number): number;
}

/**
 * Base class: subclasses write lines piece by piece (`writeText`, `writeEncoded`, `writeInt`,
 * `writeFormatted`, then `endLine`) from `emitNext`, which returns false when the simulation
 * has nothing more to say. The line cap is enforced here.
 *
 * The pieces go straight into a chunk buffer: no line string is built, so nothing is
 * concatenated, flattened and encoded per line, and repeated text is encoded once.
 */
export abstract class ChunkedGenerator implements LogGenerator {
  abstract readonly format: GeneratedFormat;
  protected linesWritten = 0;
  protected readonly lineCap: number;
  private chunk: Buffer = Buffer.alloc(0);
  private used = 0;
  private finished = false;

  protected constructor(options: GeneratorOptions) {
    checkOptions(options);
    this.lineCap = options.lines ?? Number.POSITIVE_INFINITY;
  }

  nextChunk(targetBytes: number, into?: Buffer): Buffer | undefined {
    // Slack for the line that crosses the target; a longer line grows the buffer in reserve().
    const size = targetBytes + CHUNK_SLACK;
    this.chunk = into !== undefined && into.length >= size ? into : Buffer.allocUnsafe(size);
    this.used = 0;
    while (!this.finished && this.used < targetBytes) {
      if (this.linesWritten >= this.lineCap || !this.emitNext()) this.finished = true;
    }
    return this.used > 0 ? this.chunk.subarray(0, this.used) : undefined;
  }

  linesUntil(ms: number, maxLines = Number.POSITIVE_INFINITY): Buffer {
    this.chunk = Buffer.allocUnsafe(16 * 1024);
    this.used = 0;
    const stopAt = this.linesWritten + maxLines;
    for (let next = this.nextEventMs(); next !== undefined && next <= ms; next = this.nextEventMs()) {
      if (this.linesWritten >= stopAt) break;
      if (this.linesWritten >= this.lineCap || !this.emitNext()) this.finished = true;
    }
    return this.chunk.subarray(0, this.used);
  }

  skipUntil(ms: number): void {
    this.linesUntil(ms);
    this.linesWritten = 0; // line numbers (web) start at 1 in the written log
  }

  nextEventMs(): number | undefined {
    return this.finished || this.full ? undefined : this.pendingEventMs();
  }

  /** When the next event of the simulation happens, epoch ms; undefined when none is left. */
  protected abstract pendingEventMs(): number | undefined;
  abstract setArrivalsPerSecond(rate: number): void;
  abstract postpone(ms: number): void;

  /** True once the line cap is reached: further lines must not be written. */
  protected get full(): boolean {
    return this.linesWritten >= this.lineCap;
  }

  /**
   * Appends part of a line. ASCII (all the generators write) is copied code by code: for
   * the short pieces of a log line that is several times cheaper than `Buffer.write`, and
   * the pieces need not be joined into a line string first (less garbage).
   */
  protected writeText(text: string): void {
    const length = text.length;
    this.reserve(length * 3); // UTF-8 worst case
    const chunk = this.chunk;
    let at = this.used;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        this.used += chunk.write(text, this.used);
        return;
      }
      chunk[at++] = code;
    }
    this.used = at;
  }

  /** Appends pre-encoded bytes (text that repeats, encoded once). */
  protected writeEncoded(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.used = copyBytes(this.chunk, this.used, bytes);
  }

  /** Appends a whole number >= 0 in decimal, as `String(value)` would. */
  protected writeInt(value: number): void {
    if (!(value >= 0 && Number.isSafeInteger(value))) {
      this.writeText(String(value));
      return;
    }
    this.reserve(16);
    let end = this.used + decimalDigits(value);
    this.used = end;
    const chunk = this.chunk;
    do {
      const rest = Math.floor(value / 10);
      chunk[--end] = 48 + value - rest * 10;
      value = rest;
    } while (value > 0);
  }

  /** Appends `value` as `writer` encodes it, at most `maxBytes` bytes. */
  protected writeFormatted(maxBytes: number, writer: ByteWriter, value: number): void {
    this.reserve(maxBytes);
    this.used = writer.write(this.chunk, this.used, value);
  }

  /** Appends `hex8(word)`, the eight lowercase hex digits of a 32-bit word. */
  protected writeHex8(word: number): void {
    this.reserve(8);
    this.used = writeHexWord(this.chunk, this.used, word, 8);
  }

  /**
   * Where the next byte goes, to mark part of a line for `repeatWritten`. Marks hold only
   * within one `emitNext`: the next call may write to a new chunk.
   */
  protected get written(): number {
    return this.used;
  }

  /** Appends again the bytes between two marks of this `emitNext` (a part lines share). */
  protected repeatWritten(start: number, end: number): void {
    const length = end - start;
    this.reserve(length);
    this.chunk.copyWithin(this.used, start, end);
    this.used += length;
  }

  /** Ends the line being written with a newline. */
  protected endLine(): void {
    this.reserve(1);
    this.chunk[this.used++] = 10;
    this.linesWritten++;
  }

  /** Appends part of a line written straight into the chunk by `write(target, offset) => end`. */
  protected writeBytes(maxBytes: number, write: (target: Buffer, offset: number) => number): void {
    this.reserve(maxBytes);
    this.used = write(this.chunk, this.used);
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.chunk.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.chunk.length * 2, this.used + bytes));
    this.chunk.copy(bigger, 0, 0, this.used);
    this.chunk = bigger;
  }

  protected abstract emitNext(): boolean;
  abstract counts(): GeneratedCounts;
}

function decimalDigits(value: number): number {
  let digits = 1;
  for (let limit = 10; value >= limit; limit *= 10) digits++;
  return digits;
}
