// Numbers and times as the panels show them (fixed en-US grouping, so tests and screenshots
// read the same everywhere). Counts come from core, the one home of number formatting, so a
// panel and the CLI print the same number the same way.
import { formatCount, formatFixed } from '../src/core/format/count';

export { formatCount };

const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const formatDecimal = (n: number): string => formatFixed(n, 2);
export const formatMoney = (n: number): string => formatFixed(n, 2);
/** Whole numbers up to 9,999, then 12.3K, 1.2M. */
export const formatCompact = (n: number): string =>
  Math.abs(n) < 10_000 ? formatCount(Math.round(n)) : compactFormat.format(n);

/** "1 message", "3,000 messages". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** 7263.53 -> "2 h 1 min"; under a minute in seconds. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return `${formatDecimal(Math.max(0, seconds || 0))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** Short label of a duration bucket edge: 30s, 5m, 2h. */
export function formatEdge(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${seconds / 60}m`;
  return `${seconds / 3600}h`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Epoch ms as "YYYY-MM-DD HH:MM:SS.mmm" in UTC (log times are UTC too). */
export function formatTimestamp(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** Epoch ms as the local wall-clock time, "21:16:47". */
export const formatClockTime = (ms: number): string => new Date(ms).toLocaleTimeString('en-GB', { hour12: false });
