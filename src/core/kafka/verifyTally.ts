// The comparison behind `verify`: a topic's messages against a file's lines. Pure, fed one
// message and one line at a time, so it runs in bounded memory per line and is testable
// without a broker.
//
// Messages from our producer carry their line number (`kll.line`) and source id (`kll.src`):
// they are matched by line number, which also works for JSON values and repeated lines.
// Messages from other producers are matched by content, as a multiset.

export type VerifyMode = 'line-number' | 'content';

export interface VerifyCounts {
  /** Non-empty lines of the file: the messages expected. */
  lines: number;
  /** Empty lines of the file (never sent, never expected). */
  emptyLines: number;
  messages: number;
  /** Expected lines no message stands for. */
  missing: number;
  /** Extra copies of expected lines. */
  duplicates: number;
  /** Messages that stand for no line of the file. */
  unexpected: number;
  mode: VerifyMode;
  /** Line numbers of the first missing lines (at most 10). */
  firstMissing: number[];
}

const FIRST_MISSING = 10;

/** Per line number counts in a growable array (line numbers are dense and 1-based). */
class LineCounts {
  private counts = new Uint32Array(1 << 12);

  add(line: number): void {
    if (line >= this.counts.length) {
      let size = this.counts.length * 2;
      while (size <= line) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[line]++;
  }

  get(line: number): number {
    return line < this.counts.length ? this.counts[line] : 0;
  }

  merge(other: LineCounts): void {
    for (let line = 0; line < other.counts.length; line++) {
      for (let n = other.counts[line]; n > 0; n--) this.add(line);
    }
  }
}

/** A message value or file line as a byte-exact key: latin1 maps every byte to one char. */
export function contentKey(bytes: Buffer | null): string {
  if (bytes === null) return '';
  let start = 0;
  let end = bytes.length;
  if (end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (end > start && bytes[end - 1] === 0x0a) end--;
  if (end > start && bytes[end - 1] === 0x0d) end--;
  return bytes.toString('latin1', start, end);
}

export class VerifyTally {
  private messages = 0;
  /** Line counts per source id, for messages with our headers. */
  private bySource = new Map<string, LineCounts>();
  /** Messages without a usable line header. */
  private headerless = 0;
  /** Contents of headerless messages, kept only while no message had a line header. */
  private contents: Map<string, number> | undefined = new Map();
  private chosen: LineCounts | undefined;
  private inFile = new Set<string>();
  private file = { lines: 0, emptyLines: 0, missing: 0, duplicates: 0, matched: 0, firstMissing: [] as number[] };

  /** `lineHeader` and `sourceHeader` are the decoded kll.line / kll.src headers, if any. */
  addMessage(value: Buffer | null, lineHeader?: string, sourceHeader?: string): void {
    this.messages++;
    const line = lineHeader === undefined ? NaN : Number(lineHeader);
    if (Number.isInteger(line) && line > 0) {
      const source = sourceHeader ?? '';
      let counts = this.bySource.get(source);
      if (!counts) this.bySource.set(source, (counts = new LineCounts()));
      counts.add(line);
      this.contents = undefined; // line-number mode from now on: contents are not needed
      return;
    }
    this.headerless++;
    if (this.contents) {
      const key = contentKey(value);
      this.contents.set(key, (this.contents.get(key) ?? 0) + 1);
    }
  }

  get mode(): VerifyMode {
    return this.bySource.size > 0 ? 'line-number' : 'content';
  }

  /**
   * Call once before the file's lines: picks whose line numbers count. Our file's source id
   * when the topic holds it; otherwise every source (the file may have been produced from
   * another path or machine).
   */
  startFile(ownSourceId?: string): void {
    if (this.mode !== 'line-number') return;
    const own = ownSourceId !== undefined ? this.bySource.get(ownSourceId) : undefined;
    if (own) {
      this.chosen = own;
    } else {
      this.chosen = new LineCounts();
      for (const counts of this.bySource.values()) this.chosen.merge(counts);
    }
  }

  /** One line of the file, 1-based, as bytes without its line break. */
  addFileLine(lineNumber: number, bytes: Buffer): void {
    if (bytes.length === 0) {
      this.file.emptyLines++;
      return;
    }
    const f = this.file;
    f.lines++;
    let copies: number;
    if (this.chosen) {
      copies = this.chosen.get(lineNumber);
    } else {
      const key = contentKey(bytes);
      const left = this.contents?.get(key) ?? 0;
      if (left > 0) {
        this.contents!.set(key, left - 1);
        this.inFile.add(key);
      }
      copies = left > 0 ? 1 : 0;
    }
    if (copies === 0) {
      f.missing++;
      if (f.firstMissing.length < FIRST_MISSING) f.firstMissing.push(lineNumber);
      return;
    }
    f.matched++;
    if (this.chosen) f.duplicates += copies - 1;
  }

  result(): VerifyCounts {
    const f = this.file;
    let duplicates = f.duplicates;
    let unexpected: number;
    if (this.chosen) {
      // Messages of the chosen source that matched a line are `matched + duplicates`.
      unexpected = this.messages - (f.matched + f.duplicates);
    } else {
      unexpected = 0;
      for (const [key, left] of this.contents ?? []) {
        if (left === 0) continue;
        if (this.inFile.has(key)) duplicates += left;
        else unexpected += left;
      }
    }
    return {
      lines: f.lines,
      emptyLines: f.emptyLines,
      messages: this.messages,
      missing: f.missing,
      duplicates,
      unexpected,
      mode: this.mode,
      firstMissing: f.firstMissing,
    };
  }
}
