// The dashboard's message protocol between the extension host and its webview. Types only.
// What every panel shares (ready, ids, error replies, reportRendered) is in webviewRpc.ts.
//
// The webview sends `ready` first; the host answers with `init` and from then on posts at
// most ~10 `update`s per second, each acknowledged with `updateApplied` (the host holds the
// next one back until then, so a slow or hidden webview is never flooded). Requests carry an
// `id`; their responses carry the same number as `requestId`. The messages themselves stay
// in the host's ring buffer: the webview asks for the rows it shows.
import type { StartPosition } from '../core/kafka/startPosition';
import type { LogFormat } from '../core/logFormat';
import type { StatsSnapshot } from '../core/stats';
import type { ReadyMessage, RenderedResponse, ReportRenderedRequest, RequestFailedResponse } from './webviewRpc';
import type { BufferedMessage } from '../core/messages/messageRing';
import type { ConnectionStatus, ConnectionView } from '../core/live/connectionState';

export type { ConnectionStatus, ConnectionView };

/** The connection as a panel shows it; `localBroker`: the cluster is the editor's local broker. */
export interface PanelConnection extends ConnectionView {
  localBroker: boolean;
}

export type { StartPosition, LogFormat, StatsSnapshot, ReadyMessage, ReportRenderedRequest };

/** What the produce summary knows, for "sent vs read". */
export interface ProducedInfo {
  file: string;
  /** Messages the broker acknowledged. */
  acked: number;
  /** The `kll.src` header value of that file's messages; derived from the file when absent. */
  sourceId?: string;
}

/** Everything needed to (re)open a dashboard; also what survives a window reload. */
export interface DashboardConfig {
  topic: string;
  brokers: string[];
  clusterName?: string;
  from: StartPosition;
  /** Read in this consumer group (committing); absent: group-less. */
  groupId?: string;
  format: LogFormat | 'auto';
  produced?: ProducedInfo;
}

/**
 * One buffered message as the list shows it: `seq` is its arrival number since the dashboard
 * started (it names the message in later requests), `timestamp` epoch milliseconds.
 */
export interface MessageRow extends BufferedMessage {
  /** Place in the current list (see ListInfo). */
  position: number;
  /** The value was cut for the list; `getMessage` returns it whole. */
  truncated?: boolean;
}

/**
 * The list the webview scrolls: positions `base` to `base + count - 1`. Positions only grow
 * (old messages leave the ring buffer at the front), so a row keeps its position while it is
 * buffered; `version` changes when the list is rebuilt (new filter, clear, restart).
 */
export interface ListInfo {
  version: number;
  base: number;
  count: number;
  /** Messages in the ring buffer, and its capacity. */
  buffered: number;
  capacity: number;
  filter: string;
  /** 0..1 while an existing buffer is being filtered; absent when done. */
  filterProgress?: number;
}

export type Phase = 'connecting' | 'consuming' | 'paused' | 'stopped' | 'error';

export interface Histogram {
  /** Upper bounds of the buckets in seconds; the last bucket is open-ended ("over the last edge"). */
  edgesSeconds: number[];
  counts: number[];
}

export interface SentVsRead {
  file: string;
  produced: number;
  /** Messages read that carry this file's line numbers. */
  read: number;
  /** Extra copies of lines already read. */
  duplicates: number;
  /** Produced lines not read (yet). */
  missing: number;
  /** Messages from elsewhere (other files, other producers). */
  other: number;
  /** False when the messages carry no line numbers, so duplicates cannot be told apart. */
  exact: boolean;
}

export interface LiveState {
  phase: Phase;
  /** Why the phase is `error` or `stopped`. */
  detail?: string;
  messages: number;
  perSecond: number;
  partitions: Record<string, number>;
  /** Messages per second over the last minutes: [epoch ms, rate]. */
  rateHistory: Array<[number, number]>;
  /** The format in use (detected or chosen); absent while it is being detected. */
  format?: LogFormat;
  /** Present when it changed since the previous update (and always in `init`). */
  stats?: StatsSnapshot;
  /** Web sessions: closed-visit durations. */
  visitDurations?: Histogram;
  sentVsRead?: SentVsRead;
  list: ListInfo;
  /** Whether the numbers are current: the broker answers and the reader has caught up. */
  connection: PanelConnection;
}

export interface InitMessage {
  type: 'init';
  config: DashboardConfig;
  live: LiveState;
}

export interface UpdateMessage {
  type: 'update';
  /** Echoed back in `updateApplied`. */
  updateId: number;
  live: LiveState;
}

export interface RowsResponse {
  type: 'rows';
  requestId: number;
  listVersion: number;
  from: number;
  /** Rows still buffered in [from, from + count), in order; rows gone from the buffer are left out. */
  rows: MessageRow[];
}

export interface MessageResponse {
  type: 'message';
  requestId: number;
  row: MessageRow | null;
}

export interface FilterResponse {
  type: 'filterApplied';
  requestId: number;
  /** Set when the query could not be parsed; the previous filter stays. */
  error?: string;
}

export type HostToWebview =
  | InitMessage
  | UpdateMessage
  | RowsResponse
  | MessageResponse
  | FilterResponse
  | ReportRenderedRequest
  | RequestFailedResponse;

export interface UpdateAppliedMessage {
  type: 'updateApplied';
  updateId: number;
}

export interface GetRowsRequest {
  type: 'getRows';
  id: number;
  listVersion: number;
  from: number;
  count: number;
}

export interface GetMessageRequest {
  type: 'getMessage';
  id: number;
  seq: number;
}

export interface SetFilterRequest {
  type: 'setFilter';
  id: number;
  query: string;
}

export interface ControlMessage {
  type: 'control';
  /** retry: probe the broker now; startBroker: start the editor's local broker; exportReport: the lab report. */
  action: 'pause' | 'resume' | 'clear' | 'retry' | 'startBroker' | 'exportReport';
}

/** Re-reads the topic with new settings (the statistics start over). */
export interface RestartMessage {
  type: 'restart';
  from: StartPosition;
  groupId?: string;
  format: LogFormat | 'auto';
}

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportMessage {
  type: 'export';
  format: ExportFormat;
}

export interface CopyMessage {
  type: 'copy';
  seq: number;
  /** The whole message as JSON, or only its value. */
  what: 'json' | 'value';
}

/** The visible text of the dashboard, read from the webview's DOM. */
export interface RenderedReport {
  /** `data-stat` name to displayed text, for every statistic on screen. */
  stats: Record<string, string>;
  /** Visible rows of the message list, cell texts in column order. */
  rows: Array<{ cells: string[]; valueChildElements: number }>;
  /** `<img>` elements anywhere in the document (an injected value would add one). */
  images: number;
}

export type WebviewToHost =
  | ReadyMessage
  | UpdateAppliedMessage
  | GetRowsRequest
  | GetMessageRequest
  | SetFilterRequest
  | ControlMessage
  | RestartMessage
  | ExportMessage
  | CopyMessage
  | RenderedResponse<RenderedReport>;

/** The dashboard's protocol for the typed client and channel: each request's response. */
export interface DashboardProtocol {
  toHost: WebviewToHost;
  toWebview: HostToWebview;
  responses: { getRows: RowsResponse; getMessage: MessageResponse; setFilter: FilterResponse };
  rendered: RenderedReport;
}
