// The results table of `kafka-log-lab demo`, in the shape of the lab reports' final table.
import type { ConsumeResult } from '../../core/kafka/consumeTopic';
import type { ProduceSummary } from '../../core/kafka/produceFile';
import type { GenerateSummary } from '../../core/generate';
import { formatCount } from '../../core/format/count';

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
    ['Lines generated', formatCount(r.generated.lines)],
    ['Messages sent to Kafka', formatCount(r.produced.acked)],
    ['Messages read from Kafka', formatCount(r.consumed.messages)],
    [
      'Sent = read',
      r.produced.acked === r.consumed.messages ? 'yes' : `NO (${r.consumed.messages - r.produced.acked})`,
    ],
    ['Unique visitors', countOrDash(stats?.uniqueVisitors)],
    ['Visits closed / vanished', `${countOrDash(sessions.closed)} / ${countOrDash(sessions.vanished)}`],
    [
      'Average visit duration',
      sessions.averageDurationSeconds === undefined ? '-' : `${sessions.averageDurationSeconds.toFixed(2)} seconds`,
    ],
    ['Produce time', `${(r.produced.durationMs / 1000).toFixed(2)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const valueWidth = Math.max(...rows.map(([, v]) => v.length));
  const rule = `+-${'-'.repeat(width)}-+-${'-'.repeat(valueWidth)}-+`;
  return [
    '',
    `Kafka web-logs lab: results for topic ${r.topic}`,
    rule,
    ...rows.map(([k, v]) => `| ${k.padEnd(width)} | ${v.padStart(valueWidth)} |`),
    rule,
  ];
}
