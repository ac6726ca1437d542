// "Sent vs read", the seeds' check that every produced line arrives exactly once, with one
// definition for the CLI's `verify` (against the file's lines) and the dashboard's live panel
// (against the count the broker acknowledged): the same message rules, the same choice of
// whose line numbers count, and the same arithmetic (`compareSentAndRead`).
//
// Messages from our producer carry their line number (`kll.line`) and file id (`kll.src`):
// they are matched by line number, which also works for JSON values and repeated lines.
// Messages from other producers can only be matched by content, as a multiset, which needs
// the file (verify) and their contents kept until then.
import { LINE_HEADER, SOURCE_HEADER, headerText, lineNumberOf } from '../kafka/lineMessages';
import type { IncomingMessage } from '../kafka/ports';
import { LineCounts } from './lineCounts';

export type VerifyMode = 'line-number' | 'content';

export interface SentAndRead {
  /** Lines sent: the file's non-empty lines, or the messages the broker acknowledged. */
  sent: number;
  messages: number;
  /** Sent lines that some message stands for. */
  matched: number;
  /** Sent lines no message stands for. */
  missing: number;
  /** Extra copies of matched lines. */
  duplicates: number;
  /** Messages that stand for no sent line (other files, other producers). */
  unexpected: number;
  mode: VerifyMode;
  /** Content mode with the file's lines at hand: duplicates are told apart as surely as by line number. */
  exact?: boolean;
}

/** The arithmetic both reports share: every message is a matched line, an extra copy of one, or unexpected. */
export function compareSentAndRead(
  sent: number,
  messages: number,
  matched: number,
  duplicates: number,
  mode: VerifyMode,
): SentAndRead {
  return {
    sent,
    messages,
    matched,
    missing: Math.max(0, sent - matched),
    duplicates,
    unexpected: messages - matched - duplicates,
    mode,
  };
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

/** What was read, message by message, in bounded memory per line number. */
export class ReadTally {
  private count = 0;
  private readonly bySource = new Map<string, LineCounts>();
  /** Every source's line numbers together, kept once a second source shows up. */
  private merged: LineCounts | undefined;
  /** Contents of messages without a line header, kept (to compare with a file) only while no message had one. */
  protected contents: Map<string, number> | undefined;

  /** `keepContents`: keep other producers' message contents for a comparison with the file. */
  constructor(keepContents = false) {
    if (keepContents) this.contents = new Map();
  }

  get messages(): number {
    return this.count;
  }

  get mode(): VerifyMode {
    return this.bySource.size > 0 ? 'line-number' : 'content';
  }

  addIncoming(message: Pick<IncomingMessage, 'value' | 'headers'>): void {
    this.addMessage(
      message.value,
      headerText(message.headers, LINE_HEADER),
      headerText(message.headers, SOURCE_HEADER),
    );
  }

  /** `lineHeader` and `sourceHeader` are the decoded kll.line / kll.src headers, if any. */
  addMessage(value: Buffer | null, lineHeader?: string, sourceHeader?: string): void {
    this.count++;
    const line = lineNumberOf(lineHeader);
    if (line !== undefined) {
      this.countLine(line, sourceHeader ?? '');
      this.contents = undefined; // line-number mode from now on: contents are not needed
    } else if (this.contents) {
      const key = contentKey(value);
      this.contents.set(key, (this.contents.get(key) ?? 0) + 1);
    }
  }

  /**
   * Whose line numbers count: the file's own source id when the topic holds it; otherwise
   * every source (the file may have been produced from another path or machine). Undefined
   * when no message carried a line number.
   */
  linesOf(ownSourceId?: string): LineCounts | undefined {
    const own = ownSourceId !== undefined ? this.bySource.get(ownSourceId) : undefined;
    if (own) return own;
    return this.merged ?? firstOf(this.bySource.values());
  }

  /** Live: against the messages the broker acknowledged, when the file itself is not read. */
  againstAcked(acked: number, ownSourceId?: string): SentAndRead {
    const lines = this.linesOf(ownSourceId);
    // Without line numbers only the counts compare: every message stands for a line.
    if (!lines) return compareSentAndRead(acked, this.count, this.count, 0, 'content');
    return compareSentAndRead(acked, this.count, lines.distinct, lines.duplicates, 'line-number');
  }

  private countLine(line: number, source: string): void {
    let counts = this.bySource.get(source);
    if (!counts) {
      if (this.bySource.size === 1) this.merged = this.linesOf()!.copy();
      this.bySource.set(source, (counts = new LineCounts()));
    }
    counts.add(line);
    this.merged?.add(line);
  }
}

function firstOf<T>(values: Iterable<T>): T | undefined {
  for (const value of values) return value;
  return undefined;
}
