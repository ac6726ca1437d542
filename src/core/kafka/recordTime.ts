// The event time of a parsed record in epoch milliseconds, for `--replay`.
import type { LogFormat } from '../logFormat';

export function timestampOf(_format: LogFormat, record: unknown): number | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const r = record as { ts?: unknown; timestamp?: unknown; time?: unknown };
  if (typeof r.ts === 'number') return r.ts;
  const text = typeof r.timestamp === 'string' ? r.timestamp : typeof r.time === 'string' ? r.time : undefined;
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
