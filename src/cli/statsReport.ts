// The lab's statistics as people read them: one layout for a file (`stats FILE`) and for a
// topic (`consume --stats`), so both commands print the same numbers the same way.
import { formatCount, formatFixed } from '../core/format/count';
import type { StatsSnapshot } from '../core/stats';

const COUNTS_SHOWN = 8;

/** `name n, name n, ...` largest first: how a map of counters reads best on one line. */
function counts(record: Record<string, number>): string {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return '-';
  const shown = entries.slice(0, COUNTS_SHOWN).map(([name, n]) => `${name} ${formatCount(n)}`);
  return shown.join(', ') + (entries.length > COUNTS_SHOWN ? `, ... (${entries.length - COUNTS_SHOWN} more)` : '');
}

function formatLines(s: StatsSnapshot): string[] {
  switch (s.format) {
    case 'web':
      return [
        `  visits            ${formatCount(s.sessions.closed)} closed, ${formatCount(s.sessions.vanished)} vanished, ` +
          `average duration ${formatCount(s.sessions.averageDurationSeconds)} s`,
        `  actions           ${counts(s.actions)}`,
        `  pages             ${counts(s.pages)}`,
      ];
    case 'nginx':
      return [
        `  sessions          ${formatCount(s.sessions.count)}, average duration ${formatCount(s.sessions.averageDurationSeconds)} s`,
        `  status            ${counts(s.status)}`,
        `  methods           ${counts(s.methods)}`,
        `  bytes sent        ${formatCount(s.bytes)}`,
        `  top paths         ${s.topPaths.map((p) => `${p.path} ${formatCount(p.count)}`).join(', ') || '-'}`,
      ];
    case 'events':
      return [
        `  price buckets     low ${formatCount(s.priceBuckets.low)}, medium ${formatCount(s.priceBuckets.medium)}, high ${formatCount(s.priceBuckets.high)}`,
        `  revenue           ${formatFixed(s.revenue, 2)}`,
        `  event types       ${counts(s.eventTypes)}`,
      ];
    default:
      return [];
  }
}

/**
 * The statistics of `source` (`logs.txt`, `topic log_web`): a heading, the counts every
 * format has, the format's own figures, then the first lines that did not parse.
 */
export function statsReport(s: StatsSnapshot, source: string, elapsedMs?: number): string[] {
  const took = elapsedMs === undefined ? '' : ` (${formatFixed(elapsedMs / 1000, 2)} s)`;
  const lines = [
    `${s.format} statistics of ${source}${took}`,
    `  messages          ${formatCount(s.messages)} (parsed ${formatCount(s.parsed)}, unparsed ${formatCount(s.unparsed)})`,
    `  unique visitors   ${formatCount(s.uniqueVisitors)}`,
    ...formatLines(s),
  ];
  if (s.approximateCounts)
    lines.push('  (some per-name counts are approximate: memory stays bounded on very many names)');
  for (const sample of s.unparsedSamples)
    lines.push(`  unparsed line ${formatCount(sample.line)}: ${sample.text.slice(0, 120)}`);
  return lines;
}
