// The results table of `kafka-log-lab demo`, in the shape of the lab reports' final table.
import type { ConsumeResult } from '../../core/kafka/consumeTopic';
import type { ProduceSummary } from '../../core/kafka/produceFile';
import type { GenerateSummary } from '../../core/generate';
import { formatCount } from '../../core/format/count';
import { t } from '../l10n';

const countOrDash = (n: number | undefined) => (n === undefined ? '-' : formatCount(n));

export interface LabResult {
  topic: string;
  file: string;
  generated: GenerateSummary;
  produced: ProduceSummary;
  consumed: ConsumeResult;
}

export function renderLabTable(r: LabResult): string[] {
  const stats = r.consumed.stats as
    | { uniqueVisitors?: number; sessions?: { closed?: number; vanished?: number; averageDurationSeconds?: number } }
    | undefined;
  const sessions = stats?.sessions ?? {};
  const rows: Array<[string, string]> = [
    [t('Lines generated'), formatCount(r.generated.lines)],
    [t('Messages sent to Kafka'), formatCount(r.produced.acked)],
    [t('Messages read from Kafka'), formatCount(r.consumed.messages)],
    [
      t('Sent = read'),
      r.produced.acked === r.consumed.messages ? t('yes') : t('NO ({0})', r.consumed.messages - r.produced.acked),
    ],
    [t('Unique visitors'), countOrDash(stats?.uniqueVisitors)],
    [t('Visits closed / vanished'), `${countOrDash(sessions.closed)} / ${countOrDash(sessions.vanished)}`],
    [
      t('Average visit duration'),
      sessions.averageDurationSeconds === undefined
        ? '-'
        : t('{0} seconds', sessions.averageDurationSeconds.toFixed(2)),
    ],
    [t('Produce time'), `${(r.produced.durationMs / 1000).toFixed(2)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const valueWidth = Math.max(...rows.map(([, v]) => v.length));
  const rule = `+-${'-'.repeat(width)}-+-${'-'.repeat(valueWidth)}-+`;
  return [
    '',
    t('Kafka web-logs lab: results for topic {0}', r.topic),
    rule,
    ...rows.map(([k, v]) => `| ${k.padEnd(width)} | ${v.padStart(valueWidth)} |`),
    rule,
  ];
}
