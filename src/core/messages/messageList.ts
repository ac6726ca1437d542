// The list a live view scrolls: the whole ring buffer, or the messages a filter matched.
// A new filter is applied to the buffered messages in slices (`advance`), so a million
// messages never block the process (an editor's host); messages that arrive meanwhile are
// picked up by the same scan, which keeps the list in arrival order.
import type { LogFormat } from '../logFormat';
import { parseFilterQuery, requireKnownFields, type FilterQuery } from './filterQuery';
import { createMatcher, type MatchableMessage, type MessageMatcher } from './messageMatcher';
import type { BufferedMessage, MessageRing } from './messageRing';
import { SeqList } from './seqList';

interface ActiveFilter {
  query: FilterQuery;
  matcher: MessageMatcher;
  matches: SeqList;
  /** Next seq to test; equal to the ring's nextSeq once caught up. */
  scanNext: number;
}

/** Positions `base` to `base + count - 1`; `filterProgress` (0..1) while a new filter scans. */
export interface ListWindow {
  version: number;
  base: number;
  count: number;
  filter: string;
  filterProgress?: number;
}

const CLOCK_CHECK_EVERY = 512;

export class MessageList {
  private version: number;
  private filter: ActiveFilter | undefined;
  private readonly scratch: Omit<BufferedMessage, 'seq'> = {
    partition: 0,
    offset: 0,
    timestamp: 0,
    key: null,
    value: '',
  };

  /** `firstVersion` continues the numbering of an earlier list (a restarted dashboard). */
  constructor(
    private readonly ring: MessageRing,
    firstVersion = 1,
  ) {
    this.version = firstVersion;
  }

  /** A filter is set, so arriving messages must be shown to `pushed`. */
  get filtering(): boolean {
    return this.filter !== undefined;
  }

  get listVersion(): number {
    return this.version;
  }

  get query(): string {
    return this.filter?.query.source ?? '';
  }

  /** Replaces the filter (empty text: no filter). Throws FilterSyntaxError on a bad query. */
  setFilter(text: string, format: LogFormat | undefined): void {
    const query = parseFilterQuery(text);
    requireKnownFields(query, format);
    this.version++;
    this.filter = query.terms.length === 0 ? undefined : this.startScan(query, format);
  }

  /** The format became known: field terms must be read again in it. */
  formatChanged(format: LogFormat): void {
    if (this.filter?.query.readsFields) {
      this.version++;
      this.filter = this.startScan(this.filter.query, format);
    }
  }

  /** A message just entered the ring buffer. */
  pushed(seq: number, message: MatchableMessage): void {
    const f = this.filter;
    if (!f || f.scanNext !== seq) return; // still scanning: the scan will reach it
    f.scanNext = seq + 1;
    if (f.matcher(message)) f.matches.push(seq);
  }

  /** Scans for up to `budgetMs`; true when the filter has caught up with the buffer. */
  advance(budgetMs: number, now: () => number = performance.now.bind(performance)): boolean {
    const f = this.filter;
    if (!f) return true;
    const end = this.ring.nextSeq;
    let seq = Math.max(f.scanNext, this.ring.firstSeq);
    const deadline = now() + budgetMs;
    const m = this.scratch;
    while (seq < end) {
      if (this.ring.readInto(seq, m) && f.matcher(m)) f.matches.push(seq);
      seq++;
      if ((seq & (CLOCK_CHECK_EVERY - 1)) === 0 && now() >= deadline) break;
    }
    f.scanNext = seq;
    return seq >= end;
  }

  get scanning(): boolean {
    return this.filter !== undefined && this.filter.scanNext < this.ring.nextSeq;
  }

  /** Empties the list (the ring buffer is cleared by its owner). */
  cleared(): void {
    this.version++;
    if (this.filter) this.filter = { ...this.filter, matches: new SeqList(), scanNext: this.ring.nextSeq };
  }

  seqAt(position: number): number | undefined {
    if (!this.filter) return this.ring.has(position) ? position : undefined;
    const seq = this.filter.matches.at(position);
    return seq !== undefined && this.ring.has(seq) ? seq : undefined;
  }

  /** Positions and counts for a view; drops matches the ring buffer no longer holds. */
  info(): ListWindow {
    const f = this.filter;
    if (!f) return { version: this.version, base: this.ring.firstSeq, count: this.ring.size, filter: '' };
    f.matches.dropBefore(this.ring.firstSeq);
    const info: ListWindow = {
      version: this.version,
      base: f.matches.base,
      count: f.matches.count,
      filter: f.query.source,
    };
    if (this.scanning) {
      const first = this.ring.firstSeq;
      const total = this.ring.nextSeq - first;
      info.filterProgress = total > 0 ? Math.max(0, Math.min(1, (f.scanNext - first) / total)) : 1;
    }
    return info;
  }

  /** Seqs of the current list, oldest first (export walks this). */
  *seqs(): Generator<number> {
    const info = this.info();
    for (let p = info.base; p < info.base + info.count; p++) {
      const seq = this.seqAt(p);
      if (seq !== undefined) yield seq;
    }
  }

  private startScan(query: FilterQuery, format: LogFormat | undefined): ActiveFilter {
    return { query, matcher: createMatcher(query, format), matches: new SeqList(), scanNext: this.ring.firstSeq };
  }
}
