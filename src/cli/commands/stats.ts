// `kafka-log-lab stats FILE`: the lab's statistics over a log file, streamed.
import fs from 'node:fs';
import { type CliCommand, UsageError, parseOptions, printJson, wantsHelp } from '../command';
import { UserError } from '../../core/errors';
import { LOG_FORMATS, isLogFormat } from '../../core/logFormat';
import { statsOfFile, type StatsSnapshot } from '../../core/stats';

const help = `Usage: kafka-log-lab stats FILE [--format auto|${LOG_FORMATS.join('|')}] [--json]

Reads FILE once, streaming, and prints the lab's statistics. Lines that do not parse are
counted (the first few are listed with their line numbers) and reading goes on.

  --format F   auto (default: detected from the first lines), web, nginx, events, jsonl or raw
  --json       print one JSON object:
                 all formats  format, messages (non-empty lines), parsed, unparsed, uniqueVisitors,
                              unparsedSamples [{line, text}]
                 web          sessions {closed, vanished, averageDurationSeconds}, actions, pages
                 nginx        status, methods, bytes, sessions {count, averageDurationSeconds}, topPaths
                 events       priceBuckets {low, medium, high}, revenue, eventTypes

Examples:
  kafka-log-lab stats logs.txt
  kafka-log-lab stats access.log --format nginx --json`;

const number = (n: number) => n.toLocaleString('en-US');

function counts(record: Record<string, number>, limit = 8): string {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
  const shown = entries.slice(0, limit).map(([name, n]) => `${name} ${number(n)}`);
  return shown.join(', ') + (entries.length > limit ? `, ... (${entries.length - limit} more)` : '');
}

function describe(file: string, s: StatsSnapshot, elapsedMs: number): string[] {
  const lines = [
    `${s.format} statistics of ${file} (${(elapsedMs / 1000).toFixed(2)} s)`,
    `  messages          ${number(s.messages)} (parsed ${number(s.parsed)}, unparsed ${number(s.unparsed)})`,
    `  unique visitors   ${number(s.uniqueVisitors)}`,
  ];
  if (s.format === 'web') {
    lines.push(
      `  visits            ${number(s.sessions.closed)} closed, ${number(s.sessions.vanished)} vanished, ` +
        `average duration ${s.sessions.averageDurationSeconds} s`,
      `  actions           ${counts(s.actions)}`,
      `  pages             ${counts(s.pages)}`,
    );
  } else if (s.format === 'nginx') {
    lines.push(
      `  sessions          ${number(s.sessions.count)}, average duration ${s.sessions.averageDurationSeconds} s`,
      `  status            ${counts(s.status)}`,
      `  methods           ${counts(s.methods)}`,
      `  bytes sent        ${number(s.bytes)}`,
      `  top paths         ${s.topPaths.map((p) => `${p.path} ${number(p.count)}`).join(', ')}`,
    );
  } else if (s.format === 'events') {
    const b = s.priceBuckets;
    lines.push(
      `  price buckets     low ${number(b.low)}, medium ${number(b.medium)}, high ${number(b.high)}`,
      `  revenue           ${s.revenue.toFixed(2)}`,
      `  event types       ${counts(s.eventTypes)}`,
    );
  }
  for (const sample of s.unparsedSamples) lines.push(`  unparsed line ${sample.line}: ${sample.text.slice(0, 120)}`);
  return lines;
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'messages, unique visitors, visit durations and more for a log file',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(help);
      return 0;
    }
    const { values, positionals } = parseOptions(argv, {
      format: { type: 'string', default: 'auto' },
      json: { type: 'boolean', default: false },
    }, true);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'FILE is required' : `expected one FILE, got ${positionals.length}`);
    const [file] = positionals;
    const format = values.format ?? 'auto';
    if (format !== 'auto' && !isLogFormat(format)) throw new UsageError(`--format must be auto, ${LOG_FORMATS.join(', ')}, got "${format}"`);
    const info = fs.statSync(file, { throwIfNoEntry: false });
    if (!info) throw new UserError(`no such file: ${file}`);
    if (!info.isFile()) throw new UserError(`not a file: ${file}`);

    const began = performance.now();
    const snapshot = await statsOfFile(file, format, { signal: io.signal });
    if (values.json) printJson(io, snapshot);
    else for (const line of describe(file, snapshot, performance.now() - began)) io.out(line);
    return 0;
  },
};
