// `kafka-log-lab consume --topic T`: reads a topic, prints its messages or their statistics.
import {
  type CliCommand,
  type CliIO,
  UsageError,
  cannotCombine,
  choiceOption,
  intOption,
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
  timeOption,
  topicOption,
} from '../kafkaOptions';
import { statsReport } from '../statsReport';
import { formatTable } from '../textTable';
import { formatCount } from '../../core/format/count';
import { consumeTopic, type ConsumeResult, type ConsumedLines } from '../../core/kafka/consumeTopic';
import { describeStart, type StartPosition } from '../../core/kafka/startPosition';
import { LOG_FORMATS } from '../../core/logFormat';
import { t } from '../l10n';

export const DEFAULT_IDLE_MS = 5000;
/** Node's timers hold at most this many milliseconds (about 24.8 days); longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const help = `Usage: kafka-log-lab consume --topic T [options]

Reads topic T and prints each message value on its own line, or, with --stats, computes the
lab statistics over the values (each value is one log line).

Where to start (at most one; the default follows Kafka's consumers):
  --from-beginning       the first message still in each partition
  --from-offset N        offset N in every partition (clamped to what each partition holds)
  --from-time ISO        the first message at or after this time, e.g. 2025-10-16T21:16:47Z
                         (no zone means UTC; epoch milliseconds also work)
  (none)                 with --group: its committed offsets, the beginning where it has none;
                         without: only messages produced from now on

When to stop (whichever comes first; Ctrl-C always stops cleanly):
  --max N                after N messages
  --idle-ms MS           after MS milliseconds without a new message (default ${DEFAULT_IDLE_MS};
                         0 = never). Messages already in the topic when consume starts are
                         always read first: idleness only counts once they are.
  --until-end            as soon as every partition reached the end it had when consume started

Options:
  --topic T              topic to read (required)
${KAFKA_OPTIONS_HELP}
  --group G              read as a member of consumer group G and commit what was read
                         (default: group-less, nothing committed)
  --format F             ${['auto', ...LOG_FORMATS].join('|')} (default auto: detected from the first 20 messages)
  --stats                print statistics instead of the messages
  --json                 machine-readable output: one JSON object per message
                         {"partition","offset","timestamp","key","value"}, then a summary line
                         {"topic","messages","partitions":{"0":n,...},...}; with --stats only the
                         summary, which then also holds "format" and "stats"

Examples:
  kafka-log-lab consume --topic log_web --from-beginning --stats
  kafka-log-lab consume --topic log_web --from-beginning --until-end --stats --json
  kafka-log-lab consume --topic log_web --group lab --max 10
${kafkaOptionsExample('consume --topic log_web --from-beginning --until-end')}`;

function startPosition(values: {
  'from-beginning'?: boolean;
  'from-offset'?: string;
  'from-time'?: string;
  group?: string;
}): StartPosition {
  const chosen = [
    values['from-beginning'] && '--from-beginning',
    values['from-offset'] !== undefined && '--from-offset',
    values['from-time'] !== undefined && '--from-time',
  ].filter((flag): flag is string => typeof flag === 'string');
  if (chosen.length > 1) throw cannotCombine(...chosen);
  if (values['from-beginning']) return { kind: 'beginning' };
  if (values['from-offset'] !== undefined)
    return { kind: 'offset', offset: intOption(values['from-offset'], 'from-offset')! };
  if (values['from-time'] !== undefined)
    return { kind: 'time', timestampMs: timeOption(values['from-time'], 'from-time') };
  return values.group ? { kind: 'committed' } : { kind: 'end' };
}

function messagePrinter(io: CliIO, json: boolean): (batch: ConsumedLines) => void {
  if (!json) return (batch) => io.out(batch.lines.join('\n'));
  return (batch) => {
    const rows = batch.messages.map((m, i) =>
      JSON.stringify({
        partition: m.partition,
        offset: m.offset,
        timestamp: m.timestamp,
        key: m.key === null ? null : m.key.toString('utf8'),
        value: batch.lines[i],
      }),
    );
    io.out(rows.join('\n'));
  };
}

/** The human summary: counts and partitions, then with --stats the same layout as `stats FILE`. */
export function printConsumeSummary(io: CliIO, result: ConsumeResult, withStats: boolean): void {
  const seconds = (result.durationMs / 1000).toFixed(1);
  const line =
    `${formatCount(result.messages)} messages from ${result.topic} in ${seconds} s ` +
    `(${formatCount(result.messagesPerSecond)} msg/s while reading; stopped: ${result.stoppedBy})`;
  const partitions = formatTable(
    ['partition', 'messages'],
    Object.entries(result.partitions).map(([p, n]) => [Number(p), n]),
    { identifiers: ['partition'] },
  );
  // Without --stats the messages are the output: keep the summary on stderr.
  const say = withStats ? io.out : io.err;
  say(line);
  for (const row of partitions) say(row);
  if (withStats && result.stats !== undefined) {
    io.out('');
    for (const row of statsReport(result.stats, t('topic {0}', result.topic))) io.out(row);
  }
}

export const consumeCommand: CliCommand = {
  name: 'consume',
  summary: 'read a topic: print its messages or their statistics',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) return (io.out(help), 0);
    const { values } = parseOptions(argv, {
      topic: { type: 'string' },
      ...KAFKA_OPTIONS,
      group: { type: 'string' },
      'from-beginning': { type: 'boolean', default: false },
      'from-offset': { type: 'string' },
      'from-time': { type: 'string' },
      max: { type: 'string' },
      'idle-ms': { type: 'string' },
      'until-end': { type: 'boolean', default: false },
      format: { type: 'string', default: 'auto' },
      stats: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    if (values.topic === undefined) throw new UsageError(t('--topic is required'));
    const topic = topicOption(values.topic);
    const format = choiceOption(values.format ?? 'auto', 'format', ['auto', ...LOG_FORMATS] as const);
    const from = startPosition(values);
    const max = numberOption(values.max, 'max', { integer: true, min: 1 });
    const idleMs = numberOption(values['idle-ms'], 'idle-ms', { integer: true, max: MAX_TIMER_MS }, DEFAULT_IDLE_MS)!;
    const settings = kafkaSettings(values);
    const showProgress = !values.json && values.stats && process.stderr.isTTY === true;
    if (showProgress) io.err(t('reading {0} from {1}…', topic, describeStart(from)));
    const { client } = await cliKafka(settings, io);
    const result = await consumeTopic({
      client,
      topic,
      from,
      groupId: values.group,
      max,
      idleMs,
      untilEnd: values['until-end'],
      signal: io.signal,
      format,
      stats: values.stats,
      onMessages: values.stats ? undefined : messagePrinter(io, values.json),
      onProgress: showProgress
        ? (p) => io.err(`  ${t('{0} messages ({1}/s)', formatCount(p.messages), formatCount(p.perSecond))}`)
        : undefined,
    });
    if (values.json) printJson(io, result);
    else printConsumeSummary(io, result, values.stats);
    return 0;
  },
};
