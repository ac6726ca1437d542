// The lab's statistics as people read them: one layout for a file (`stats FILE`) and for a
// topic (`consume --stats`), so both commands print the same numbers the same way.
import { formatCount, formatFixed } from '../core/format/count';
import type { StatsSnapshot } from '../core/stats';
import { t } from './l10n';

const COUNTS_SHOWN = 8;
/** Labels take this many columns, so the figures line up (a longer label keeps one space). */
const LABEL_WIDTH = 18;

const row = (label: string, value: string): string => `  ${label.padEnd(LABEL_WIDTH - 1)} ${value}`;

/** `name n, name n, ...` largest first: how a map of counters reads best on one line. */
function counts(record: Record<string, number>): string {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return '-';
  const shown = entries.slice(0, COUNTS_SHOWN).map(([name, n]) => `${name} ${formatCount(n)}`);
  return (
    shown.join(', ') + (entries.length > COUNTS_SHOWN ? `, ... ${t('({0} more)', entries.length - COUNTS_SHOWN)}` : '')
  );
}

function formatLines(s: StatsSnapshot): string[] {
  switch (s.format) {
    case 'web':
      return [
        row(
          t('visits'),
          t(
            '{0} closed, {1} vanished, average duration {2} s',
            formatCount(s.sessions.closed),
            formatCount(s.sessions.vanished),
            formatCount(s.sessions.averageDurationSeconds),
          ),
        ),
        row(t('actions'), counts(s.actions)),
        row(t('pages'), counts(s.pages)),
      ];
    case 'nginx':
      return [
        row(
          t('sessions'),
          t(
            '{0}, average duration {1} s',
            formatCount(s.sessions.count),
            formatCount(s.sessions.averageDurationSeconds),
          ),
        ),
        row(t('status'), counts(s.status)),
        row(t('methods'), counts(s.methods)),
        row(t('bytes sent'), formatCount(s.bytes)),
        row(t('top paths'), s.topPaths.map((p) => `${p.path} ${formatCount(p.count)}`).join(', ') || '-'),
      ];
    case 'events':
      return [
        row(
          t('price buckets'),
          t(
            'low {0}, medium {1}, high {2}',
            formatCount(s.priceBuckets.low),
            formatCount(s.priceBuckets.medium),
            formatCount(s.priceBuckets.high),
          ),
        ),
        row(t('revenue'), formatFixed(s.revenue, 2)),
        row(t('event types'), counts(s.eventTypes)),
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
    t('{0} statistics of {1}', s.format, source) + took,
    row(
      t('messages'),
      t('{0} (parsed {1}, unparsed {2})', formatCount(s.messages), formatCount(s.parsed), formatCount(s.unparsed)),
    ),
    row(t('unique visitors'), formatCount(s.uniqueVisitors)),
    ...formatLines(s),
  ];
  if (s.approximateCounts)
    lines.push(`  ${t('(some per-name counts are approximate: memory stays bounded on very many names)')}`);
  for (const sample of s.unparsedSamples)
    lines.push(`  ${t('unparsed line {0}: {1}', formatCount(sample.line), sample.text.slice(0, 120))}`);
  return lines;
}
