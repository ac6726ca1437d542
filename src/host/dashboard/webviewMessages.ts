// Messages from the dashboard's webview are untrusted input: each is checked field by field
// against the protocol before the host acts on it. Anything else is dropped (and logged).
import { isLogFormat } from '../../core/logFormat';
import type { LogFormat, RenderedReport, StartPosition, WebviewToHost } from '../../shared/protocol';
import {
  acceptReady,
  acceptRendered,
  isCount,
  isObject,
  isText,
  messageParser,
  type Fields,
} from '../webview/messageParser';

const MAX_QUERY_CHARS = 2000;
const MAX_GROUP_CHARS = 249;
const MAX_REPORT_ITEMS = 500;

export function isFormatChoice(v: unknown): v is LogFormat | 'auto' {
  return v === 'auto' || (typeof v === 'string' && isLogFormat(v));
}

/** A clean copy of a start position (no extra fields), or undefined. */
export function toStartPosition(v: unknown): StartPosition | undefined {
  if (!isObject(v)) return undefined;
  switch (v.kind) {
    case 'beginning':
    case 'end':
    case 'committed':
      return { kind: v.kind };
    case 'offset':
      return isCount(v.offset) ? { kind: 'offset', offset: v.offset } : undefined;
    case 'time':
      return typeof v.timestampMs === 'number' && Number.isFinite(v.timestampMs)
        ? { kind: 'time', timestampMs: v.timestampMs }
        : undefined;
    default:
      return undefined;
  }
}

/** Kafka group ids: printable, no leading/trailing spaces, at most 249 characters. */
export function isGroupId(v: unknown): v is string {
  return isText(v, MAX_GROUP_CHARS) && v.length > 0 && /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(v);
}

function isReport(v: unknown): v is RenderedReport {
  if (!isObject(v) || !isObject(v.stats) || !Array.isArray(v.rows) || !isCount(v.images)) return false;
  const stats = Object.values(v.stats);
  if (stats.length > MAX_REPORT_ITEMS || !stats.every((s) => isText(s, 10_000))) return false;
  return (
    v.rows.length <= MAX_REPORT_ITEMS &&
    v.rows.every(
      (r) =>
        isObject(r) &&
        isCount(r.valueChildElements) &&
        Array.isArray(r.cells) &&
        r.cells.every((c) => isText(c, 100_000)),
    )
  );
}

function toRestart(m: Fields): Extract<WebviewToHost, { type: 'restart' }> | undefined {
  const from = toStartPosition(m.from);
  if (!from || !isFormatChoice(m.format)) return undefined;
  if (m.groupId !== undefined && !isGroupId(m.groupId)) return undefined;
  return m.groupId === undefined
    ? { type: 'restart', from, format: m.format }
    : { type: 'restart', from, format: m.format, groupId: m.groupId };
}

/** The message as a typed protocol message, or undefined when it is not one. */
export const parseWebviewMessage = messageParser<WebviewToHost>({
  ready: acceptReady,
  updateApplied: (m) => (isCount(m.updateId) ? { type: 'updateApplied', updateId: m.updateId } : undefined),
  getRows: (m) =>
    isCount(m.id) && isCount(m.listVersion) && isCount(m.from) && isCount(m.count)
      ? { type: 'getRows', id: m.id, listVersion: m.listVersion, from: m.from, count: m.count }
      : undefined,
  getMessage: (m) => (isCount(m.id) && isCount(m.seq) ? { type: 'getMessage', id: m.id, seq: m.seq } : undefined),
  setFilter: (m) =>
    isCount(m.id) && isText(m.query, MAX_QUERY_CHARS) ? { type: 'setFilter', id: m.id, query: m.query } : undefined,
  control: (m) =>
    m.action === 'pause' ||
    m.action === 'resume' ||
    m.action === 'clear' ||
    m.action === 'retry' ||
    m.action === 'startBroker' ||
    m.action === 'exportReport'
      ? { type: 'control', action: m.action }
      : undefined,
  restart: toRestart,
  export: (m) => (m.format === 'jsonl' || m.format === 'csv' ? { type: 'export', format: m.format } : undefined),
  copy: (m) =>
    isCount(m.seq) && (m.what === 'json' || m.what === 'value')
      ? { type: 'copy', seq: m.seq, what: m.what }
      : undefined,
  rendered: acceptRendered(isReport),
});
