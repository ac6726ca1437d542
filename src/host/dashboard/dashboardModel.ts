// The dashboard's view of a live topic: core's LiveTopic (messages, filter, statistics, sent
// vs read) plus what only the dashboard has (the reader's phase, the produced file it was
// opened for), shaped into the webview protocol's messages. The session feeds it consumed
// batches; the controller asks it for updates and rows. The benchmark drives this same class.
import { LiveTopic } from '../../core/live/liveTopic';
import type { BufferedMessage } from '../../core/messages/messageRing';
import type { SentAndRead } from '../../core/verify/readTally';
import type { ConnectionView } from '../../core/live/connectionState';
import type {
  LiveState,
  LogFormat,
  MessageRow,
  PanelConnection,
  Phase,
  ProducedInfo,
  SentVsRead,
} from '../../shared/protocol';

/** Longest value the list receives per row; the detail view asks for the whole message. */
export const ROW_VALUE_CHARS = 1000;
/** Most rows one request may ask for. */
export const MAX_ROWS_PER_REQUEST = 500;

export class DashboardModel extends LiveTopic {
  private produced: ProducedInfo | undefined;
  private phase: Phase = 'connecting';
  private detail: string | undefined;
  private connection: PanelConnection = {
    status: 'connecting',
    sinceMs: Date.now(),
    stale: false,
    outages: 0,
    localBroker: false,
  };

  constructor(format: LogFormat | 'auto', capacity: number, produced?: ProducedInfo, firstListVersion = 1) {
    super(format, capacity, firstListVersion);
    this.produced = produced;
    if (produced) void this.compareWithFile(produced.file);
  }

  setProduced(produced: ProducedInfo | undefined): void {
    this.produced = produced;
    if (produced) void this.compareWithFile(produced.file);
    this.touch();
  }

  get readerPhase(): Phase {
    return this.phase;
  }

  setPhase(phase: Phase, detail?: string): void {
    this.phase = phase;
    this.detail = detail;
    this.touch();
  }

  /** Whether the broker answers (from the session's ConnectionState). */
  setConnection(view: ConnectionView, localBroker: boolean): void {
    this.connection = { ...view, localBroker };
    this.touch();
  }

  /** The live state for the webview; statistics only when they changed or `withStats`. */
  live(withStats: boolean): LiveState {
    const state: LiveState = {
      phase: this.phase,
      messages: this.messages,
      perSecond: this.rate.perSecond(),
      partitions: this.partitions(),
      rateHistory: this.rate.history(),
      list: { ...this.list.info(), buffered: this.ring.size, capacity: this.ring.capacity },
      connection: this.connection,
    };
    if (this.detail !== undefined) state.detail = this.detail;
    if (this.format !== undefined) state.format = this.format;
    const stats = this.statsUpdate(withStats);
    if (stats?.snapshot) state.stats = stats.snapshot;
    if (stats?.visitDurations) state.visitDurations = stats.visitDurations;
    const produced = this.produced;
    if (produced) state.sentVsRead = toSentVsRead(produced.file, this.sentVsRead(produced.acked, produced.sourceId));
    return state;
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
}

function toRow(m: BufferedMessage, position: number, maxChars: number): MessageRow {
  const row: MessageRow = {
    position,
    seq: m.seq,
    partition: m.partition,
    offset: m.offset,
    timestamp: m.timestamp,
    key: m.key,
    value: m.value,
  };
  if (m.value.length > maxChars) {
    row.value = m.value.slice(0, maxChars);
    row.truncated = true;
  }
  return row;
}

/** Core's counts in the panel's words: `read` counts the copies too, `other` is the unexpected. */
function toSentVsRead(file: string, c: SentAndRead): SentVsRead {
  const exact = c.mode === 'line-number' || c.exact === true;
  return {
    file,
    produced: c.sent,
    read: c.matched + c.duplicates,
    duplicates: c.duplicates,
    missing: c.missing,
    other: c.unexpected,
    exact,
  };
}
