// `kafka-log-lab stats FILE`: the lab's statistics over a log file, streamed.
import { type CliCommand, UsageError, choiceOption, parseOptions, printJson, wantsHelp } from '../command';
import { statsReport } from '../statsReport';
import { requireReadableFile } from '../../core/fileErrors';
import { LOG_FORMATS } from '../../core/logFormat';
import { statsOfFile } from '../../core/stats';
import { t } from '../l10n';

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

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'messages, unique visitors, visit durations and more for a log file',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) {
      io.out(help);
      return 0;
    }
    const { values, positionals } = parseOptions(
      argv,
      {
        format: { type: 'string', default: 'auto' },
        json: { type: 'boolean', default: false },
      },
      'FILE',
    );
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0 ? t('FILE is required') : t('expected one FILE, got {0}', positionals.length),
      );
    const [file] = positionals;
    const format = choiceOption(values.format ?? 'auto', 'format', ['auto', ...LOG_FORMATS] as const);
    requireReadableFile(file);

    const began = performance.now();
    const snapshot = await statsOfFile(file, format, { signal: io.signal });
    if (values.json) printJson(io, snapshot);
    else for (const line of statsReport(snapshot, file, performance.now() - began)) io.out(line);
    return 0;
  },
};
