// `kafka-log-lab produce FILE --topic T`: one message per line, with an exact summary.
import {
  type CliCommand,
  UsageError,
  cannotCombine,
  choiceOption,
  numberOption,
  parseOptions,
  printJson,
  wantsHelp,
} from '../command';
import {
  KAFKA_OPTIONS,
  KAFKA_OPTIONS_HELP,
  cliKafka,
  kafkaOptionsExample,
  kafkaSettings,
  topicOption,
} from '../kafkaOptions';
import { requireReadableFile } from '../../core/fileErrors';
import { formatCount } from '../../core/format/count';
import { produceFile, type ProduceProgress, type ProduceSummary } from '../../core/kafka/produceFile';
import type { KeyMode } from '../../core/kafka/lineMessages';
import { LOG_FORMATS } from '../../core/logFormat';
import { t } from '../l10n';

/** The slowest --rate: one line per 100 s (slower rates would overflow node's timers). */
const MIN_RATE = 0.01;

const help = `Usage: kafka-log-lab produce FILE --topic T [options]

Sends FILE to topic T, one message per line (CRLF and a BOM stripped, empty lines skipped),
creating the topic when it is missing. Messages carry no headers: a delivery journal kept next
to the run's checkpoint lets "--resume" send exactly what is missing, and "verify" matches by
content.

Options:
  --topic T              topic to produce to (required)
${KAFKA_OPTIONS_HELP}
  --format F             auto|web|nginx|events|jsonl|raw (default auto: detected from the first lines)
  --as raw|json          raw: each line's bytes unchanged (default); json: the parsed record as JSON
                         (lines that do not parse are skipped and reported with their numbers)
  --key FIELD            key each message by this field of the parsed record
  --no-key               send messages without a key
                         (default key: the visitor, i.e. user_id or client address, when the format is known)
  --partitions N         partitions when the topic is created (default 3)
  --compression gzip     compress batches
  --follow               keep sending lines appended to the file (also across rotation) until Ctrl-C
  --rate N               at most N lines per second (decimals allowed, e.g. 0.5)
  --replay SPEEDUP       send lines paced by their own timestamps, SPEEDUP times faster
  --from-line N          start at line N
  --resume               continue the last run of FILE to T: reads back what already arrived and
                         sends only the rest (no loss, no duplicates)
  --binary               send a file even if it looks binary (NUL bytes in its first block)
  --line-headers         tag every message with headers kll.line (its line number) and kll.src
                         (the file's id), e.g. for consumers that want to know the line
  --json                 print the summary as one JSON line:
                         {"file","topic","lines","sent","acked","failed","skipped","durationMs",
                          "messagesPerSecond","failures":[{"line","reason"}],...}

Exit code 0 when every line that was not skipped was acknowledged, 1 otherwise.

Examples (secured cluster):
${kafkaOptionsExample('produce access.log --topic log_web')}`;

function keyMode(values: { key?: string; 'no-key'?: boolean }): KeyMode {
  if (values['no-key'] && values.key) throw cannotCombine('--key', '--no-key');
  if (values['no-key']) return { kind: 'none' };
  if (values.key) return { kind: 'field', field: values.key };
  return { kind: 'visitor' };
}

/** The human summary of a produce run; counts read as everywhere in the CLI (`3,000`). */
export function printProduceSummary(out: (s: string) => void, s: ProduceSummary): void {
  const seconds = (s.durationMs / 1000).toFixed(1);
  out(
    t(
      '{0} of {1} lines delivered to {2} in {3} s ({4} msg/s, format {5}, as {6})',
      formatCount(s.acked),
      formatCount(s.lines - s.skipped),
      s.topic,
      seconds,
      formatCount(s.messagesPerSecond),
      s.format,
      s.as,
    ),
  );
  if (s.skipped) {
    out(
      t('skipped: {0} empty, {1} unparsed', formatCount(s.empty), formatCount(s.unparsed)) +
        (s.alreadyDelivered ? t(', {0} already delivered', formatCount(s.alreadyDelivered)) : ''),
    );
  }
  if (s.unparsedLines.length)
    out(
      t('unparsed lines: {0}', s.unparsedLines.slice(0, 20).map(formatCount).join(', ')) +
        (s.unparsedLines.length > 20 ? ', …' : ''),
    );
  for (const f of s.failures.slice(0, 20)) out(t('line {0}: {1}', formatCount(f.line), f.reason));
  if (s.failures.length > 20) out(t('… and {0} more failed lines', formatCount(s.failed - 20)));
  if (s.stoppedReason) out(t('stopped: {0}. Run again with --resume to deliver the rest.', s.stoppedReason));
  else if (s.cancelled) out(t('cancelled. Run again with --resume to deliver the rest.'));
}

const PRODUCE_OPTIONS = {
  topic: { type: 'string' },
  ...KAFKA_OPTIONS,
  format: { type: 'string', default: 'auto' },
  as: { type: 'string', default: 'raw' },
  key: { type: 'string' },
  'no-key': { type: 'boolean', default: false },
  partitions: { type: 'string' },
  compression: { type: 'string' },
  follow: { type: 'boolean', default: false },
  rate: { type: 'string' },
  replay: { type: 'string' },
  'from-line': { type: 'string' },
  resume: { type: 'boolean', default: false },
  binary: { type: 'boolean', default: false },
  'line-headers': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

/** The progress line on a terminal, refreshed in place. */
function showProgress(p: ProduceProgress): void {
  process.stderr.write(
    `\r${t('{0} read, {1} acked, {2} msg/s', p.linesRead, p.acked, Math.round(p.messagesPerSecond))}   `,
  );
}

export const produceCommand: CliCommand = {
  name: 'produce',
  summary: 'send a log file to a topic, one message per line',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) return (io.out(help), 0);
    const { values, positionals } = parseOptions(argv, PRODUCE_OPTIONS, 'FILE');
    const file = positionals[0];
    if (file === undefined) throw new UsageError(t('FILE is required'));
    if (positionals.length > 1) throw new UsageError(t('one FILE at a time, got {0}', positionals.length));
    if (values.topic === undefined) throw new UsageError(t('--topic is required'));
    const topic = topicOption(values.topic);
    const format = choiceOption(values.format ?? 'auto', 'format', ['auto', ...LOG_FORMATS] as const);
    const as = choiceOption(values.as ?? 'raw', 'as', ['raw', 'json'] as const);
    const compression =
      values.compression === undefined
        ? undefined
        : choiceOption(values.compression, 'compression', ['gzip', 'none'] as const);
    if (values.resume && values['from-line'] !== undefined) throw cannotCombine('--resume', '--from-line');
    const replay = numberOption(values.replay, 'replay', { positive: true });
    const rate = numberOption(values.rate, 'rate', { min: MIN_RATE });
    const partitions = numberOption(values.partitions, 'partitions', { integer: true, min: 1 }, 3);
    const fromLine = numberOption(values['from-line'], 'from-line', { integer: true, min: 1 });
    const key = keyMode(values);
    const settings = kafkaSettings(values);
    // Runtime checks after the usage checks, and before anything connects.
    requireReadableFile(file);
    const { brokers, client } = await cliKafka(settings, io);
    const live = !values.json && process.stderr.isTTY;
    const summary = await produceFile({
      client,
      brokers,
      file,
      topic,
      format,
      as,
      key,
      partitions,
      compression,
      follow: values.follow,
      rate,
      replay,
      fromLine,
      resume: values.resume,
      binary: values.binary,
      lineHeaders: values['line-headers'],
      signal: io.signal,
      onProgress: live ? showProgress : undefined,
      progressIntervalMs: 500,
    });
    if (live) process.stderr.write('\n');
    if (values.json) printJson(io, summary);
    else printProduceSummary(io.out, summary);
    return summary.complete ? 0 : 1;
  },
};
