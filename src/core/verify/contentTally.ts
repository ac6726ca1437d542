// Live "sent vs read" when the messages carry no line headers (the default since produce keeps
// exactness in its delivery journal): every message read is matched by content against the
// produced file's lines, as multisets, the rule `verify` uses. Incremental, so a live view pays
// one map lookup per message; the file is read once, whenever it becomes known.
import { readRawLineBatches } from '../io/lineBatches';
import { compareSentAndRead, contentKey, type SentAndRead } from './readTally';

export class ContentTally {
  private readonly read = new Map<string, number>();
  private expected: Map<string, number> | undefined;
  private messages = 0;
  private matched = 0;
  private duplicates = 0;

  add(value: Buffer | null): void {
    const key = contentKey(value);
    const copies = (this.read.get(key) ?? 0) + 1;
    this.read.set(key, copies);
    this.messages++;
    if (!this.expected) return;
    const inFile = this.expected.get(key) ?? 0;
    if (copies <= inFile) this.matched++;
    else if (inFile > 0) this.duplicates++;
  }

  /** The produced file's lines (empty ones are never sent); what was read so far is matched again. */
  expect(lines: Iterable<Buffer>): void {
    const expected = new Map<string, number>();
    for (const line of lines) {
      if (line.length === 0) continue;
      const key = contentKey(line);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    this.expected = expected;
    this.matched = 0;
    this.duplicates = 0;
    for (const [key, copies] of this.read) {
      const inFile = expected.get(key) ?? 0;
      this.matched += Math.min(inFile, copies);
      if (inFile > 0) this.duplicates += Math.max(0, copies - inFile);
    }
  }

  /** Reads `file` and expects its lines. */
  async expectFile(file: string): Promise<void> {
    const lines: Buffer[] = [];
    for await (const batch of readRawLineBatches(file)) lines.push(...batch.lines);
    this.expect(lines);
  }

  /** Against the messages the broker acknowledged; undefined until the file was read. */
  againstAcked(acked: number): SentAndRead | undefined {
    if (!this.expected) return undefined;
    return { ...compareSentAndRead(acked, this.messages, this.matched, this.duplicates, 'content'), exact: true };
  }
}
