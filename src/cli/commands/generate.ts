// `kafka-log-lab generate`: writes a realistic, reproducible log file with one of the engine's generators.
import { randomInt } from 'node:crypto';
import {
  type CliCommand,
  UsageError,
  choiceOption,
  intOption,
  numberOption,
  parseOptions,
  printJson,
  quote,
  wantsHelp,
} from '../command';
import { requireWritableFile } from '../../core/fileErrors';
import { formatCount } from '../../core/format/count';
import { DEFAULT_THINK_SECONDS, DEFAULT_USERS, type GenerateSummary } from '../../core/generate';
import { generateRecordedFile } from '../../core/generate/generationRecord';
import { GENERATED_FORMATS } from '../../core/logFormat';
import { runLiveGenerator } from './generateLive';
import { DEFAULT_LIVE_RATE, LIVE_RATE_LIMITS } from '../../core/generate/liveTraffic';
import { t } from '../l10n';

const help = `Usage: kafka-log-lab generate --format web|nginx|events --out FILE [options]

Writes a log file that looks like real traffic. The same options with the same --seed and
--start give a byte-identical file; timestamps never go backwards.

  --format F          web     the lab's session log (seed 000): "1 -- Timestamp : ... -- Page : home"
                      nginx   nginx combined access log: pages, assets, bots, scanners, 5xx bursts
                      events  JSON lines of shop events: view, add_to_cart, purchase, ... with prices
  --out FILE          file to write (replaced if it exists)
  --users N           visitors who arrive (default ${DEFAULT_USERS}, or as many as --lines needs)
  --lines N           stop after exactly N lines
  --seed S            any text (default: a random seed, printed in the summary)
  --start TIME        ISO 8601 time of the first line, UTC unless it names a zone (default: now)
  --think-time SEC    mean pause between a visitor's page views, seconds (default ${DEFAULT_THINK_SECONDS}, at least 1)
  --json              print the summary as one JSON object:
                      {"file","format","lines","visitors","bytes","seed","start","end","elapsedMs",...}

Live traffic (a log that grows, for produce --follow or any tailer):
  --live              append lines to --out as they happen, stamped with the wall clock, until
                      Ctrl-C; visitors keep arriving and leaving. --lines, --users, --start do not apply
  --rate N            lines per second, ${LIVE_RATE_LIMITS.min} to ${formatCount(LIVE_RATE_LIMITS.max)} (default ${DEFAULT_LIVE_RATE}); the rate builds
                      up over the first seconds as visitors arrive
  --rotate-bytes B    rotate like logrotate when the file reaches B bytes: rename to FILE.1, start anew

Examples:
  kafka-log-lab generate --format web --out logs.txt --users 20 --seed 42
  kafka-log-lab generate --format nginx --out access.log --lines 1000000 --start 2025-10-16T00:00:00Z
  kafka-log-lab generate --format events --out input.log --live --rate 5`;

/** Parses --start; a time without a zone is read as UTC so files do not depend on the machine. */
export function parseStartTime(text: string): number {
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text);
  const ms = Date.parse(/T|\s\d/.test(text) && !hasZone ? `${text.replace(' ', 'T')}Z` : text);
  if (Number.isNaN(ms))
    throw new UsageError(t('--start must be an ISO 8601 time such as 2025-10-16T21:16:47Z, got {0}', quote(text)));
  return ms;
}

function describe(file: string, s: GenerateSummary): string {
  const mb = (s.bytes / 1e6).toFixed(1);
  return t(
    'Wrote {0} {1} lines ({2} visitors, {3} MB) to {4} in {5} s; seed "{6}", {7} to {8}',
    formatCount(s.lines),
    s.format,
    formatCount(s.visitors),
    mb,
    file,
    (s.elapsedMs / 1000).toFixed(2),
    s.seed,
    s.start,
    s.end,
  );
}

export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'write a realistic, reproducible web, nginx or product-event log file',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(help);
      return 0;
    }
    const { values } = parseOptions(argv, {
      format: { type: 'string' },
      out: { type: 'string' },
      users: { type: 'string' },
      lines: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      'think-time': { type: 'string' },
      json: { type: 'boolean', default: false },
      live: { type: 'boolean', default: false },
      rate: { type: 'string' },
      'rotate-bytes': { type: 'string' },
    });
    if (values.format === undefined)
      throw new UsageError(t('--format is required ({0})', GENERATED_FORMATS.join(', ')));
    const format = choiceOption(values.format, 'format', GENERATED_FORMATS);
    const out = values.out;
    if (out === undefined) throw new UsageError(t('--out FILE is required'));
    const seed = values.seed ?? String(randomInt(2 ** 31));
    if (values.live) return runLiveGenerator({ ...values, format, out, seed }, io);
    for (const flag of ['rate', 'rotate-bytes'] as const)
      if (values[flag] !== undefined) throw new UsageError(t('--{0} needs --live', flag));
    const think = numberOption(values['think-time'], 'think-time', { min: 1, unit: 'seconds' }, DEFAULT_THINK_SECONDS)!;
    const startMs = values.start === undefined ? Date.now() : parseStartTime(values.start);
    const users = intOption(values.users, 'users');
    const lines = intOption(values.lines, 'lines');
    requireWritableFile(out);

    const summary = await generateRecordedFile(
      out,
      { format, seed, startMs, users, lines, meanThinkSeconds: think },
      io.signal,
    );
    if (values.json) printJson(io, { file: out, ...summary });
    else io.out(describe(out, summary));
    return 0;
  },
};
