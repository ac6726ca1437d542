// `kafka-log-lab verify FILE --topic T`: did every line of FILE arrive in T exactly once?
import { type CliCommand, UsageError, choiceOption, parseOptions, printJson, wantsHelp } from '../command';
import {
  KAFKA_OPTIONS,
  KAFKA_OPTIONS_HELP,
  cliKafka,
  kafkaOptionsExample,
  kafkaSettings,
  topicOption,
} from '../kafkaOptions';
import { formatTable } from '../textTable';
import { requireReadableFile } from '../../core/fileErrors';
import { formatCount } from '../../core/format/count';
import { verifyFileAgainstTopic } from '../../core/kafka/verifyTopic';
import { LOG_FORMATS } from '../../core/logFormat';
import { t } from '../l10n';

const help = `Usage: kafka-log-lab verify FILE --topic T [--brokers HOST:PORT] [--as raw|json] [--json]

Checks "messages sent = messages read" exactly: reads all of topic T (up to the end it has
when the check starts) and compares its messages with the lines of FILE (empty lines are not
expected to be messages).

  - Messages are matched by content, as a multiset, whoever produced them (kcat, scripts,
    "kafka-log-lab produce"); a file that repeats a line expects that many copies.
  - A topic produced with "--as json" holds each line's record as JSON: the lines are turned
    into the same JSON first (--as json, or found by itself from the first lines).
  - Messages sent with "produce --line-headers" carry their line number and are matched by it.

Reports:
  missing      lines of FILE no message stands for
  duplicates   extra copies of lines that did arrive
  unexpected   messages that stand for no line of FILE

Options:
  --topic T              topic to check (required)
${KAFKA_OPTIONS_HELP}
  --as raw|json|auto     how the topic holds the lines (default auto)
  --format F             the file's format for --as json: auto|web|nginx|events|jsonl|raw (default auto)
  --json                 print {"lines","messages","missing","duplicates","unexpected","mode","firstMissing",
                          "firstDuplicated",...}

Exit code 0 only when missing, duplicates and unexpected are all 0; 1 otherwise.

Examples (secured cluster):
${kafkaOptionsExample('verify access.log --topic log_web')}`;

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: "check that a file's lines arrived in a topic exactly once",
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) return (io.out(help), 0);
    const { values, positionals } = parseOptions(
      argv,
      {
        topic: { type: 'string' },
        ...KAFKA_OPTIONS,
        json: { type: 'boolean', default: false },
        as: { type: 'string', default: 'auto' },
        format: { type: 'string', default: 'auto' },
      },
      'FILE',
    );
    const file = positionals[0];
    if (file === undefined) throw new UsageError(t('FILE is required'));
    if (positionals.length > 1) throw new UsageError(t('one FILE at a time, got {0}', positionals.length));
    if (values.topic === undefined) throw new UsageError(t('--topic is required'));
    const topic = topicOption(values.topic);
    const as = choiceOption(values.as ?? 'auto', 'as', ['auto', 'raw', 'json'] as const);
    const format = choiceOption(values.format ?? 'auto', 'format', ['auto', ...LOG_FORMATS] as const);
    const settings = kafkaSettings(values);
    requireReadableFile(file);
    const { client } = await cliKafka(settings, io);
    const report = await verifyFileAgainstTopic(file, topic, client, { as, format, signal: io.signal });
    const ok = report.missing === 0 && report.duplicates === 0 && report.unexpected === 0;
    if (values.json) {
      printJson(io, report);
    } else {
      const rows = formatTable(
        ['lines', 'messages', 'missing', 'duplicates', 'unexpected'],
        [[report.lines, report.messages, report.missing, report.duplicates, report.unexpected]],
      );
      for (const row of rows) io.out(row);
      io.out(
        t('matched by {0}', report.mode) +
          (report.as === 'json' ? t(' (lines as JSON)') : '') +
          (report.emptyLines ? t('; {0} empty lines not expected', formatCount(report.emptyLines)) : ''),
      );
      if (report.firstMissing.length)
        io.out(t('first missing lines: {0}', report.firstMissing.map(formatCount).join(', ')));
      if (report.firstDuplicated.length) {
        io.out(t('first duplicated lines: {0}', report.firstDuplicated.map(formatCount).join(', ')));
      }
      if (!report.reachedEnd)
        io.out(t('warning: the topic went quiet before its end offsets were reached; the check may be incomplete'));
      io.out(
        ok
          ? t('OK: every line of {0} is in {1} exactly once', file, topic)
          : t('MISMATCH between {0} and {1}', file, topic),
      );
    }
    return ok ? 0 : 1;
  },
};
