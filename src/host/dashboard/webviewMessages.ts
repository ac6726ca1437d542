// Messages from the webview are untrusted input: each is checked field by field against the
// protocol before the host acts on it. Anything else is dropped (and logged by the caller).
import { isLogFormat } from '../../core/logFormat';
import type { LogFormat, RenderedReport, StartPosition, WebviewToHost } from '../../shared/protocol';

type Fields = Record<string, unknown>;

const MAX_QUERY_CHARS = 2000;
const MAX_GROUP_CHARS = 249;
const MAX_REPORT_ITEMS = 500;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

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
      return typeof v.timestampMs === 'number' && Number.isFinite(v.timestampMs) ? { kind: 'time', timestampMs: v.timestampMs } : undefined;
    default:
      return undefined;
  }
}

/** Kafka group ids: printable, no leading/trailing spaces, at most 249 characters. */
export function isGroupId(v: unknown): v is string {
  return isString(v, MAX_GROUP_CHARS) && v.length > 0 && /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(v);
}

function isReport(v: unknown): v is RenderedReport {
  if (!isObject(v) || !isObject(v.stats) || !Array.isArray(v.rows) || !isCount(v.images)) return false;
  const stats = Object.values(v.stats);
  if (stats.length > MAX_REPORT_ITEMS || !stats.every((s) => isString(s, 10_000))) return false;
  return v.rows.length <= MAX_REPORT_ITEMS && v.rows.every((r) =>
    isObject(r) && isCount(r.valueChildElements) && Array.isArray(r.cells) && r.cells.every((c) => isString(c, 100_000)));
}

/** The message as a typed protocol message, or undefined when it is not one. */
export function parseWebviewMessage(raw: unknown): WebviewToHost | undefined {
  if (!isObject(raw)) return undefined;
  const m = raw;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'updateApplied':
      return isCount(m.updateId) ? { type: 'updateApplied', updateId: m.updateId } : undefined;
    case 'getRows':
      return isCount(m.id) && isCount(m.listVersion) && isCount(m.from) && isCount(m.count)
        ? { type: 'getRows', id: m.id, listVersion: m.listVersion, from: m.from, count: m.count }
        : undefined;
    case 'getMessage':
      return isCount(m.id) && isCount(m.seq) ? { type: 'getMessage', id: m.id, seq: m.seq } : undefined;
    case 'setFilter':
      return isCount(m.id) && isString(m.query, MAX_QUERY_CHARS) ? { type: 'setFilter', id: m.id, query: m.query } : undefined;
    case 'control':
      return m.action === 'pause' || m.action === 'resume' || m.action === 'clear' ? { type: 'control', action: m.action } : undefined;
    case 'restart': {
      const from = toStartPosition(m.from);
      if (!from || !isFormatChoice(m.format)) return undefined;
      if (m.groupId !== undefined && !isGroupId(m.groupId)) return undefined;
      const restart: WebviewToHost = { type: 'restart', from, format: m.format };
      if (m.groupId !== undefined) restart.groupId = m.groupId;
      return restart;
    }
    case 'export':
      return m.format === 'jsonl' || m.format === 'csv' ? { type: 'export', format: m.format } : undefined;
    case 'copy':
      return isCount(m.seq) && (m.what === 'json' || m.what === 'value') ? { type: 'copy', seq: m.seq, what: m.what } : undefined;
    case 'rendered':
      return isCount(m.requestId) && isReport(m.report) ? { type: 'rendered', requestId: m.requestId, report: m.report } : undefined;
    default:
      return undefined;
  }
}
