// A topic as a live view sees it, editor-free: the newest messages in a ring buffer and the
// list a filter makes of them, the engine's statistics over every message read, "sent vs
// read", per-partition counts and the rate. Fed the batches consumeTopic hands over; the
// dashboard shows it, the benchmark drives it.
import type { ConsumedLines } from '../kafka/consumeTopic';
import type { IncomingMessage } from '../kafka/ports';
import type { LogFormat } from '../logFormat';
import { FilterSyntaxError } from '../messages/filterQuery';
import type { MatchableMessage } from '../messages/messageMatcher';
import { MessageList } from '../messages/messageList';
import { MessageRing, type BufferedMessage } from '../messages/messageRing';
import type { StatsSnapshot } from '../stats';
import { StatsFeed } from '../stats/statsFeed';
import type { DurationHistogram } from '../stats/visitDurations';
import { ContentTally } from '../verify/contentTally';
import { ReadTally, type SentAndRead } from '../verify/readTally';
import { RateMeter } from './rateMeter';

export interface StatsUpdate {
  /** Undefined while the format is being detected. */
  snapshot: StatsSnapshot | undefined;
  visitDurations: DurationHistogram | undefined;
}

export class LiveTopic {
  readonly ring: MessageRing;
  readonly list: MessageList;
  readonly rate = new RateMeter();
  private readonly stats: StatsFeed;
  private readonly reads = new ReadTally();
  /** Kept only for a produced file (see compareWithFile): messages matched by content. */
  private contents: ContentTally | undefined;
  private readonly counts: Record<string, number> = {};
  /** Per partition, the offset after the last message read: a reader that resumes starts there. */
  private readonly next = new Map<number, number>();
  private readonly scratch: MatchableMessage = { value: '', key: null, partition: 0, offset: 0 };
  private total = 0;
  /** The format the list's filter reads fields in. */
  private listFormat: LogFormat | undefined;
  private statsShown = -1;
  /** Bumped by every change other than new messages (filter, clear, format...). */
  private revision = 0;

  /** `firstListVersion` continues the numbering of an earlier list (a restarted view). */
  constructor(format: LogFormat | 'auto', capacity: number, firstListVersion = 1) {
    this.ring = new MessageRing(capacity);
    this.list = new MessageList(this.ring, firstListVersion);
    this.stats = new StatsFeed(format);
    this.listFormat = this.stats.format;
  }

  get messages(): number {
    return this.total;
  }

  get format(): LogFormat | undefined {
    return this.stats.format;
  }

  /** Messages read per partition, every known partition listed. */
  partitions(): Record<string, number> {
    return { ...this.counts };
  }

  /** Changes when anything a view shows would: a cheap test for "redraw?". */
  get changeMark(): string {
    return `${this.total}/${this.revision}/${this.list.scanning ? this.list.info().filterProgress : ''}`;
  }

  /** The partitions of the topic, so the counts list empty ones too. */
  knowPartitions(partitions: number[]): void {
    for (const p of partitions) this.counts[p] ??= 0;
    this.touch();
  }

  /** Where each partition's reading stands (the offset after the last message read). */
  nextOffsets(): ReadonlyMap<number, number> {
    return this.next;
  }

  /** Adds a batch; messages already read (a reader resumed after an outage re-delivers them) are skipped. */
  addBatch(batch: ConsumedLines, now = Date.now()): void {
    const { partition, messages, lines } = batch;
    const from = this.next.get(partition) ?? -1;
    let added = 0;
    for (let i = 0; i < messages.length; i++) {
      const offset = Number(messages[i].offset);
      if (offset < from) continue;
      this.addMessage(partition, messages[i], lines[i], now);
      this.next.set(partition, offset + 1);
      added++;
    }
    this.total += added;
    this.counts[partition] = (this.counts[partition] ?? 0) + added;
    this.followFormat();
  }

  /** Called on every tick of the view: rate samples, and format detection when lines stopped early. */
  tick(now = Date.now()): void {
    this.rate.record(now, this.total);
    this.stats.detectIfQuiet(now);
    this.followFormat();
  }

  /** The statistics when they changed since the last call (or `always`). */
  statsUpdate(always: boolean): StatsUpdate | undefined {
    if (!always && this.stats.revision === this.statsShown) return undefined;
    this.statsShown = this.stats.revision;
    return { snapshot: this.stats.liveSnapshot(), visitDurations: this.stats.visitDurations() };
  }

  /** "Sent vs read" for a produced file, counted by the same rules as `verify`. */
  sentVsRead(acked: number, sourceId?: string): SentAndRead {
    const byLine = this.reads.againstAcked(acked, sourceId);
    if (byLine.mode === 'line-number') return byLine;
    return this.contents?.againstAcked(acked) ?? byLine;
  }

  /**
   * Matches messages by content against `file` (read in the background). Content is kept from
   * the first message on only when this is called before reading starts; later, only a view
   * that already kept it can switch to another file, else the counts alone are compared.
   */
  compareWithFile(file: string): Promise<void> {
    if (!this.contents && this.total > 0) return Promise.resolve();
    const contents = (this.contents ??= new ContentTally());
    return contents.expectFile(file).then(
      () => this.touch(),
      () => (this.contents = undefined),
    );
  }

  /** Returns an error text when the query is not valid (the old filter stays). */
  setFilter(query: string): string | undefined {
    try {
      this.list.setFilter(query, this.stats.format);
      this.touch();
      return undefined;
    } catch (e) {
      if (e instanceof FilterSyntaxError) return e.message;
      throw e;
    }
  }

  resize(capacity: number): void {
    this.ring.resize(capacity);
    this.touch();
  }

  /** Empties the message list; the statistics keep covering every message read. */
  clear(): void {
    this.ring.clear();
    this.list.cleared();
    this.touch();
  }

  /** The messages of the current list (filtered or not), oldest first. */
  *listedMessages(): Generator<BufferedMessage> {
    for (const seq of this.list.seqs()) {
      const message = this.ring.get(seq);
      if (message) yield message;
    }
  }

  protected touch(): void {
    this.revision++;
  }

  private addMessage(partition: number, message: IncomingMessage, value: string, now: number): void {
    const key = message.key === null ? null : message.key.toString('utf8');
    const offset = Number(message.offset);
    const seq = this.ring.push(partition, offset, Number(message.timestamp), key, value);
    if (this.list.filtering) {
      const m = this.scratch;
      m.value = value;
      m.key = key;
      m.partition = partition;
      m.offset = offset;
      this.list.pushed(seq, m);
    }
    this.stats.add(value, now);
    this.reads.addIncoming(message);
    this.contents?.add(message.value);
  }

  /** Once the format is known, a filter's field terms are read in it. */
  private followFormat(): void {
    const format = this.stats.format;
    if (format === undefined || format === this.listFormat) return;
    this.listFormat = format;
    this.list.formatChanged(format);
    this.touch();
  }
}
