// The results table of a report: the seeds' statistics for the format, worded as the labs
// word them, every number formatted by the engine's one number format (never NaN).
import { formatCount, formatFixed } from '../format/count';
import { HIGH_PRICE_FROM, LOW_PRICE_BELOW, type StatsSnapshot } from '../stats';
import type { VerifyReport } from '../kafka/verifyTopic';

export type Row = [label: string, value: string];

const SHOWN = 8;

/** `name n, name n, ...` largest first. */
export function countList(record: Record<string, number>): string {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return '-';
  const shown = entries.slice(0, SHOWN).map(([name, n]) => `${name} ${formatCount(n)}`);
  return shown.join(', ') + (entries.length > SHOWN ? `, … (${entries.length - SHOWN} more)` : '');
}

function formatRows(s: StatsSnapshot): Row[] {
  switch (s.format) {
    case 'web':
      return [
        ['closed visits', formatCount(s.sessions.closed)],
        ['vanished visits', formatCount(s.sessions.vanished)],
        ['average visit duration', `${formatFixed(s.sessions.averageDurationSeconds, 2)} s`],
        ['actions', countList(s.actions)],
        ['pages', countList(s.pages)],
      ];
    case 'nginx':
      return [
        ['status mix', countList(s.status)],
        ['methods', countList(s.methods)],
        ['bytes sent', formatCount(s.bytes)],
        ['sessions', formatCount(s.sessions.count)],
        ['average session duration', `${formatFixed(s.sessions.averageDurationSeconds, 2)} s`],
      ];
    case 'events':
      return [
        [`price < ${LOW_PRICE_BELOW} (low)`, formatCount(s.priceBuckets.low)],
        [`${LOW_PRICE_BELOW} ≤ price < ${HIGH_PRICE_FROM} (medium)`, formatCount(s.priceBuckets.medium)],
        [`price ≥ ${HIGH_PRICE_FROM} (high)`, formatCount(s.priceBuckets.high)],
        ['revenue', formatFixed(s.revenue, 2)],
        ['event types', countList(s.eventTypes)],
      ];
    default:
      return [];
  }
}

/** Messages, parsed/unparsed, unique visitors, then the format's own figures. */
export function resultRows(s: StatsSnapshot): Row[] {
  return [
    ['messages', formatCount(s.messages)],
    ['parsed', formatCount(s.parsed)],
    ['unparsed', formatCount(s.unparsed)],
    ['unique visitors', formatCount(s.uniqueVisitors)],
    ...formatRows(s),
  ];
}

/** The labs' "sent = read" line by line: what the file holds against what the topic holds. */
export function sentReadRows(v: VerifyReport): Row[] {
  const ok = v.missing === 0 && v.duplicates === 0 && v.unexpected === 0;
  return [
    ['lines sent (non-empty lines of the file)', formatCount(v.lines)],
    ['messages read', formatCount(v.messages)],
    ['missing', formatCount(v.missing)],
    ['duplicates', formatCount(v.duplicates)],
    ['unexpected', formatCount(v.unexpected)],
    ['sent = read', ok ? 'yes, every line exactly once' : 'NO'],
  ];
}

/** Markdown table text: pipes and line breaks in a cell cannot break the table. */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([<>`*_[\]])/g, '\\$1');
}

export function markdownTable(header: Row, rows: Row[]): string[] {
  return [
    `| ${header.map(markdownCell).join(' | ')} |`,
    '| --- | ---: |',
    ...rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`),
  ];
}
