// Everything a dashboard knows, without the editor or Kafka: the ring buffer and its list,
// the live statistics, counters, rate and "sent vs read". The session feeds it consumed
// batches; the panel asks it for updates and rows. The benchmark drives this same class.
import type { ConsumedLines } from '../../core/kafka/consumeTopic';
import { LINE_HEADER, SOURCE_HEADER } from '../../core/kafka/lineMessages';
import type { LogFormat } from '../../core/logFormat';
import type { LiveState, MessageRow, Phase, ProducedInfo } from '../../shared/protocol';
import { FilterSyntaxError } from './filterQuery';
import { LiveStatsFeed } from './liveStatsFeed';
import type { MatchableMessage } from './messageMatcher';
import { MessageList } from './messageList';
import { MessageRing, type BufferedMessage } from './messageRing';
import { RateMeter } from './rateMeter';
import { SentVsReadTally } from './sentVsRead';

/** Longest value the list receives per row; the detail view asks for the whole message. */
export const ROW_VALUE_CHARS = 1000;
/** Most rows one request may ask for. */
export const MAX_ROWS_PER_REQUEST = 500;

const headerText = (value: Buffer | string | undefined): string | undefined => (value === undefined ? undefined : value.toString());

export class DashboardModel {
  readonly ring: MessageRing;
  readonly list: MessageList;
  private produced: ProducedInfo | undefined;
  private readonly feed: LiveStatsFeed;
  private readonly tally = new SentVsReadTally();
  private readonly rate = new RateMeter();
  private readonly partitions: Record<string, number> = {};
  private readonly scratch: MatchableMessage = { value: '', key: null, partition: 0, offset: 0 };
  private total = 0;
  /** Bumped by every change other than new messages (phase, filter, clear...). */
  private revision = 0;
  private phase: Phase = 'connecting';
  private detail: string | undefined;

  constructor(format: LogFormat | 'auto', capacity: number, produced?: ProducedInfo, firstListVersion = 1) {
    this.ring = new MessageRing(capacity);
    this.list = new MessageList(this.ring, firstListVersion);
    this.feed = new LiveStatsFeed(format);
    this.produced = produced;
  }

  get messages(): number {
    return this.total;
  }

  get format(): LogFormat | undefined {
    return this.feed.format;
  }

  /** Changes when anything on screen would: a cheap test for "post an update?". */
  get changeMark(): string {
    return `${this.total}/${this.revision}/${this.list.scanning ? this.list.info().filterProgress : ''}`;
  }

  setProduced(produced: ProducedInfo | undefined): void {
    this.produced = produced;
    this.revision++;
  }

  setPhase(phase: Phase, detail?: string): void {
    this.phase = phase;
    this.detail = detail;
    this.revision++;
  }

  /** The partitions of the topic, so the counters list empty ones too. */
  knowPartitions(partitions: number[]): void {
    for (const p of partitions) this.partitions[p] ??= 0;
    this.revision++;
  }

  addBatch(batch: ConsumedLines, now = Date.now()): void {
    const { partition, messages, lines } = batch;
    const formatBefore = this.feed.format;
    const filtering = this.list.filtering;
    const m = this.scratch;
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i];
      const value = lines[i];
      const key = message.key === null ? null : message.key.toString('utf8');
      const offset = Number(message.offset);
      const seq = this.ring.push(partition, offset, Number(message.timestamp), key, value);
      if (filtering) {
        m.value = value;
        m.key = key;
        m.partition = partition;
        m.offset = offset;
        this.list.pushed(seq, m);
      }
      this.feed.add(value, now);
      const headers = message.headers;
      if (headers === undefined) this.tally.add(undefined, undefined);
      else this.tally.add(headerText(headers[LINE_HEADER]), headerText(headers[SOURCE_HEADER]));
    }
    this.total += messages.length;
    this.partitions[partition] = (this.partitions[partition] ?? 0) + messages.length;
    if (formatBefore === undefined && this.feed.format !== undefined) this.list.formatChanged(this.feed.format);
  }

  /** Called on every update tick: rate samples, and format detection when lines stopped early. */
  tick(now = Date.now()): void {
    this.rate.record(now, this.total);
    if (this.feed.detectIfQuiet(now)) {
      this.list.formatChanged(this.feed.format!);
      this.revision++;
    }
  }

  /** The live state for the webview; statistics only when they changed or `withStats`. */
  live(withStats: boolean): LiveState {
    const state: LiveState = {
      phase: this.phase,
      messages: this.total,
      perSecond: this.rate.perSecond(),
      partitions: { ...this.partitions },
      rateHistory: this.rate.history(),
      list: { ...this.list.info(), buffered: this.ring.size, capacity: this.ring.capacity },
    };
    if (this.detail !== undefined) state.detail = this.detail;
    if (this.feed.format !== undefined) state.format = this.feed.format;
    if (withStats || this.feed.changed) {
      const stats = this.feed.snapshot();
      if (stats) state.stats = stats;
      const durations = this.feed.visitDurations();
      if (durations) state.visitDurations = durations;
    }
    if (this.produced) state.sentVsRead = this.tally.result(this.produced);
    return state;
  }

  /** Returns an error text when the query is not valid (the old filter stays). */
  setFilter(query: string): string | undefined {
    try {
      this.list.setFilter(query, this.feed.format);
      this.revision++;
      return undefined;
    } catch (e) {
      if (e instanceof FilterSyntaxError) return e.message;
      throw e;
    }
  }

  resize(capacity: number): void {
    this.ring.resize(capacity);
    this.revision++;
  }

  /** Empties the message list; the statistics keep covering every message read. */
  clear(): void {
    this.ring.clear();
    this.list.cleared();
    this.revision++;
  }

  rows(listVersion: number, from: number, count: number): MessageRow[] {
    if (listVersion !== this.list.listVersion) return [];
    const rows: MessageRow[] = [];
    const end = from + Math.min(Math.max(0, count), MAX_ROWS_PER_REQUEST);
    for (let position = Math.max(0, from); position < end; position++) {
      const seq = this.list.seqAt(position);
      const message = seq === undefined ? undefined : this.ring.get(seq);
      if (message) rows.push(toRow(message, position, ROW_VALUE_CHARS));
    }
    return rows;
  }

  message(seq: number): MessageRow | null {
    const message = this.ring.get(seq);
    return message ? toRow(message, -1, Infinity) : null;
  }

  /** The messages of the current list (filtered or not), oldest first. */
  *listedMessages(): Generator<BufferedMessage> {
    for (const seq of this.list.seqs()) {
      const message = this.ring.get(seq);
      if (message) yield message;
    }
  }
}

function toRow(m: BufferedMessage, position: number, maxChars: number): MessageRow {
  const row: MessageRow = { position, seq: m.seq, partition: m.partition, offset: m.offset, timestamp: m.timestamp, key: m.key, value: m.value };
  if (m.value.length > maxChars) {
    row.value = m.value.slice(0, maxChars);
    row.truncated = true;
  }
  return row;
}
