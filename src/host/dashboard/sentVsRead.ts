// "Sent vs read", live: the seed's check that every produced line arrives exactly once.
// Our producer tags each message with its line number and file id (kll.line / kll.src), so a
// read message names its line: a repeat is a duplicate, a line never seen is missing. Counts
// are kept for every file id from the first message, so the produced file can be named later
// (the produce summary may open or reach an existing dashboard).
import type { SentVsRead, ProducedInfo } from '../../shared/protocol';

/** Per line number: how many times it was read (saturating at 255; more is still "a duplicate"). */
class LineSeen {
  private seen = new Uint8Array(1 << 12);
  distinct = 0;
  duplicates = 0;

  add(line: number): void {
    if (line >= this.seen.length) {
      let size = this.seen.length * 2;
      while (size <= line) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.seen);
      this.seen = grown;
    }
    const n = this.seen[line];
    if (n === 0) this.distinct++;
    else this.duplicates++;
    if (n < 255) this.seen[line] = n + 1;
  }
}

/** Largest line number tracked; a header beyond it is not one of ours. */
const MAX_LINE = 50_000_000;

export class SentVsReadTally {
  private readonly bySource = new Map<string, LineSeen>();
  private messages = 0;
  private tagged = 0;

  /** `line` and `source` are the decoded kll.line / kll.src headers, when present. */
  add(line: string | undefined, source: string | undefined): void {
    this.messages++;
    if (line === undefined) return;
    const n = Number(line);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LINE) return;
    this.tagged++;
    const key = source ?? '';
    let seen = this.bySource.get(key);
    if (!seen) this.bySource.set(key, (seen = new LineSeen()));
    seen.add(n);
  }

  result(produced: ProducedInfo): SentVsRead {
    const base = { file: produced.file, produced: produced.acked };
    if (this.tagged === 0) {
      // No line numbers: only the counts can be compared.
      return { ...base, read: this.messages, duplicates: 0, missing: Math.max(0, produced.acked - this.messages), other: 0, exact: false };
    }
    // Without a known file id every tagged message counts as the file's.
    const id = produced.sourceId;
    const own = id !== undefined ? this.bySource.get(id) : undefined;
    const sources = id === undefined ? [...this.bySource.values()] : own ? [own] : [];
    let distinct = 0;
    let duplicates = 0;
    for (const s of sources) {
      distinct += s.distinct;
      duplicates += s.duplicates;
    }
    const read = distinct + duplicates;
    return { ...base, read, duplicates, missing: Math.max(0, produced.acked - distinct), other: this.messages - read, exact: true };
  }
}
