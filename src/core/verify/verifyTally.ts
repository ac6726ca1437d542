// The comparison behind `verify`: a topic's messages (a ReadTally) against a file's lines.
// Pure, fed one message and one line at a time, so it runs in bounded memory per line and is
// testable without a broker. The numbers come from the same `compareSentAndRead` as the
// dashboard's live "Sent vs read"; only here the file itself says which lines were sent.
import { LineCounts } from './lineCounts';
import { ReadTally, compareSentAndRead, contentKey, type VerifyMode } from './readTally';

export type { VerifyMode } from './readTally';
export { contentKey } from './readTally';

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
  /** Line numbers of the first lines that arrived more than once (at most 10). */
  firstDuplicated: number[];
  /** Lines that `--as json` could not turn into a record (never sent, so not expected). */
  unparsedLines: number;
}

const FIRST_LINES = 10;

export class VerifyTally extends ReadTally {
  private chosen: LineCounts | undefined;
  /** Contents matched by a line of the file, with the first such line's number. */
  private readonly inFile = new Map<string, number>();
  private readonly file = {
    lines: 0,
    emptyLines: 0,
    unparsedLines: 0,
    matched: 0,
    duplicates: 0,
    firstMissing: [] as number[],
    firstDuplicated: [] as number[],
  };

  constructor() {
    super(true);
  }

  /** Call once before the file's lines: picks whose line numbers count (see `linesOf`). */
  startFile(ownSourceId?: string): void {
    this.chosen = this.linesOf(ownSourceId);
  }

  /** One line of the file, 1-based, as bytes without its line break (or as the message it becomes). */
  addFileLine(lineNumber: number, bytes: Buffer): void {
    const f = this.file;
    if (bytes.length === 0) {
      f.emptyLines++;
      return;
    }
    f.lines++;
    const copies = this.chosen ? this.chosen.get(lineNumber) : this.takeContent(contentKey(bytes), lineNumber);
    if (copies === 0) {
      if (f.firstMissing.length < FIRST_LINES) f.firstMissing.push(lineNumber);
      return;
    }
    f.matched++;
    f.duplicates += copies - 1;
    if (copies > 1 && f.firstDuplicated.length < FIRST_LINES) f.firstDuplicated.push(lineNumber);
  }

  /** A line that becomes no message (`--as json` and it does not parse): neither sent nor expected. */
  addUnparsedLine(): void {
    this.file.unparsedLines++;
  }

  /** Whether some message read has exactly this content (before the file's lines take them). */
  holdsContent(bytes: Buffer): boolean {
    return (this.contents?.get(contentKey(bytes)) ?? 0) > 0;
  }

  result(): VerifyCounts {
    const f = this.file;
    const duplicates = this.chosen ? f.duplicates : this.contentDuplicates();
    const counts = compareSentAndRead(f.lines, this.messages, f.matched, duplicates, this.mode);
    return {
      lines: f.lines,
      emptyLines: f.emptyLines,
      messages: counts.messages,
      missing: counts.missing,
      duplicates: counts.duplicates,
      unexpected: counts.unexpected,
      mode: counts.mode,
      firstMissing: f.firstMissing,
      firstDuplicated: this.chosen ? f.firstDuplicated : this.contentDuplicatedLines(),
      unparsedLines: f.unparsedLines,
    };
  }

  /** Matches one file line with one message of the same content; 1 if there was one left. */
  private takeContent(key: string, lineNumber: number): number {
    const left = this.contents?.get(key) ?? 0;
    if (left === 0) return 0;
    this.contents!.set(key, left - 1);
    if (!this.inFile.has(key)) this.inFile.set(key, lineNumber);
    return 1;
  }

  /** Lines whose content arrived more often than the file has it: the first line of each such content. */
  private contentDuplicatedLines(): number[] {
    const lines: number[] = [];
    for (const [key, left] of this.contents ?? []) {
      const line = left > 0 ? this.inFile.get(key) : undefined;
      if (line !== undefined) lines.push(line);
    }
    return lines.sort((a, b) => a - b).slice(0, FIRST_LINES);
  }

  /** Messages left over whose content is a line of the file: copies beyond the file's own. */
  private contentDuplicates(): number {
    let duplicates = 0;
    for (const [key, left] of this.contents ?? []) {
      if (this.inFile.has(key)) duplicates += left;
    }
    return duplicates;
  }
}
