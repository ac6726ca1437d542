// The lab report as Markdown: environment, what was done, results, sent = read, charts (each
// an SVG beside the report or a sentence saying why there is none), and the commands that
// reproduce it. Pure: the same model always renders the same text.
import path from 'node:path';
import { formatCount, formatFixed } from '../format/count';
import type { ReportChart } from './reportCharts';
import type { LabReport } from './reportModel';
import { groupLabLines } from './groupLabSection';
import { reproduceCommands } from './reproduce';
import { markdownCell, markdownTable, resultRows, sentReadRows, type Row } from './resultsTable';

const FORMAT_NAMES: Record<string, string> = {
  web: 'web sessions',
  nginx: 'nginx access log',
  events: 'product events (JSON)',
  jsonl: 'JSON lines',
  raw: 'plain text',
};

/** Text shown as code: backticks and line breaks cannot end the span (inside it nothing else is markup). */
function codeSpan(text: string): string {
  return `\`${text.replace(/[`\r\n]/g, "'")}\``;
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

function environmentRows(r: LabReport): Row[] {
  const c = r.cluster;
  return [
    ['date', r.generatedAt],
    ['Kafka version', c.kafkaVersion ?? 'not known (only brokers started by kafka-log-lab record it)'],
    ['bootstrap servers', c.bootstrap.join(', ')],
    ['security', c.security],
    ['cluster', c.clusterId ? `${c.clusterId} (${plural(c.brokers ?? 0, 'broker')})` : '-'],
    ['topic', r.topic.name],
    ['partitions', formatCount(r.topic.partitions)],
    ['replication factor', formatCount(r.topic.replicationFactor)],
    ['kafka-log-lab version', r.toolVersion],
  ];
}

function durationSeconds(from: string, to: string | undefined): number | undefined {
  if (!to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : undefined;
}

function produceLines(r: LabReport): string[] {
  const p = r.produce;
  if (!r.file) return ['- Produce: no file was named (`--file`), so the produce run is not known.'];
  if (!p)
    return [`- Produce: no record of a \`kafka-log-lab produce\` run of this file to this topic on this machine.`];
  const seconds = durationSeconds(p.startedAt, p.endedAt);
  const rate = seconds && p.acked !== undefined && seconds > 0 ? p.acked / seconds : undefined;
  const parts = [
    `started ${p.startedAt}`,
    p.acked !== undefined ? `${formatCount(p.acked)} acked` : 'still running or interrupted (no summary)',
    p.failed !== undefined ? `${formatCount(p.failed)} failed` : undefined,
    seconds !== undefined ? `${formatFixed(seconds, 2)} s` : undefined,
    rate !== undefined ? `${formatCount(Math.round(rate))} messages/s` : undefined,
    p.plan ? `as ${p.plan.as}, key ${p.plan.key}, format ${p.plan.format}` : undefined,
  ];
  return [`- Produce (\`kafka-log-lab produce\`): ${parts.filter(Boolean).join(', ')}.`];
}

function generatorLine(r: LabReport): string {
  const g = r.generation;
  if (!r.file) return '- Generator: no file was named (`--file`), so how it was made is not known.';
  if (!g)
    return (
      '- Generator: no record of a `kafka-log-lab generate` run that wrote this file as it is now on this machine ' +
      '(a file generated elsewhere, changed since, or written by another tool).'
    );
  const options = [
    `format ${g.format}`,
    `seed ${codeSpan(g.seed)}`,
    `first line at ${g.start}`,
    g.users !== undefined ? `${formatCount(g.users)} visitors asked for` : undefined,
    g.lines !== undefined ? `${formatCount(g.lines)} lines asked for` : undefined,
    g.meanThinkSeconds !== undefined ? `mean think time ${g.meanThinkSeconds} s` : undefined,
  ];
  const written = `${formatCount(g.written.lines)} lines from ${formatCount(g.written.visitors)} visitors`;
  return `- Generator (\`kafka-log-lab generate\`, ${g.recordedAt}): ${options.filter(Boolean).join(', ')}; wrote ${written}.`;
}

function doneLines(r: LabReport): string[] {
  const read = r.read;
  const detected = r.requestedFormat === 'auto' ? ' (detected)' : '';
  const ended = read.stoppedBy === 'end' ? 'up to its end' : `until it stopped (${read.stoppedBy})`;
  const lines = [
    generatorLine(r),
    ...produceLines(r),
    `- Read: the whole topic from the beginning ${ended}: ${formatCount(read.messages)} messages, ` +
      `format ${FORMAT_NAMES[read.format] ?? read.format}${detected}.`,
  ];
  if (r.file) {
    const v = r.file.verify;
    const ok = v.missing === 0 && v.duplicates === 0 && v.unexpected === 0;
    lines.push(
      `- Verify: ${codeSpan(path.basename(r.file.path))} against the topic, matched by ${v.mode}: ${ok ? 'OK' : 'MISMATCH'}.`,
    );
  }
  return lines;
}

function partitionLine(r: LabReport): string {
  const parts = Object.entries(r.read.partitions).map(([p, n]) => `partition ${p}: ${formatCount(n)}`);
  return parts.length ? `Messages read per partition: ${parts.join(', ')}.` : '';
}

function sentReadSection(r: LabReport): string[] {
  if (!r.file)
    return ['Not checked: name the file that was produced (`--file`) to compare it line by line with the topic.'];
  const v = r.file.verify;
  const lines = markdownTable(['check', 'value'], sentReadRows(v));
  if (v.firstMissing.length) lines.push('', `First missing lines: ${v.firstMissing.map(formatCount).join(', ')}.`);
  if (v.firstDuplicated.length)
    lines.push('', `First duplicated lines: ${v.firstDuplicated.map(formatCount).join(', ')}.`);
  if (!v.reachedEnd)
    lines.push('', 'Warning: the topic went quiet before its end offsets were reached; the check may be incomplete.');
  return lines;
}

function chartLines(charts: ReportChart[]): string[] {
  if (charts.length === 0) return ['No charts for this format.'];
  return charts.flatMap((c) =>
    c.svg
      ? [`![${markdownCell(c.title)}](${encodeURI(c.file)})`, '']
      : [`**${markdownCell(c.title)}**: no chart. ${c.reason}`, ''],
  );
}

function unparsedLines(r: LabReport): string[] {
  const s = r.read.stats;
  if (s.unparsed === 0) return [];
  const samples = s.unparsedSamples.map((u) => `- message ${formatCount(u.line)}: ${codeSpan(u.text.slice(0, 120))}`);
  return [
    '',
    `${formatCount(s.unparsed)} messages did not parse as ${r.read.format} and count only as messages. First ones:`,
    '',
    ...samples,
  ];
}

export function renderMarkdown(r: LabReport, charts: ReportChart[], reportFile: string): string {
  const read = r.read;
  const empty =
    read.messages === 0 ? ['', 'The topic held no messages when the report was made: every count is 0.'] : [];
  const approx = read.stats.approximateCounts
    ? ['', 'Some per-name counts are approximate: memory stays bounded on very many names.']
    : [];
  return [
    `# Lab report: topic ${markdownCell(r.topic.name)}`,
    '',
    '## Environment',
    '',
    ...markdownTable(['', ''], environmentRows(r)),
    '',
    '## What was done',
    '',
    ...doneLines(r),
    '',
    '## Results',
    '',
    ...markdownTable(['statistic', 'value'], resultRows(read.stats)),
    ...empty,
    ...approx,
    ...unparsedLines(r),
    '',
    partitionLine(r),
    '',
    '## Sent = read',
    '',
    ...sentReadSection(r),
    '',
    '## Charts',
    '',
    ...chartLines(charts),
    '## Consumer-group lab',
    '',
    ...groupLabLines(r.topic.name, r.groupLab),
    '',
    '## Reproduce with',
    '',
    '```sh',
    ...reproduceCommands(r, reportFile),
    '```',
    '',
  ].join('\n');
}
