// `kafka-log-lab verify FILE --topic T`: did every line of FILE arrive in T exactly once?
import { type CliCommand, UsageError, parseOptions, printJson, wantsHelp } from '../command';
import { brokersOption, cliKafka, topicOption } from '../kafkaOptions';
import { formatTable } from '../textTable';
import { requireReadableFile } from '../../core/fileErrors';
import { formatCount } from '../../core/format/count';
import { verifyFileAgainstTopic } from '../../core/kafka/verifyTopic';

const help = `Usage: kafka-log-lab verify FILE --topic T [--brokers HOST:PORT] [--json]

Checks "messages sent = messages read" exactly: reads all of topic T (up to the end it has
when the check starts) and compares its messages with the lines of FILE (empty lines are not
expected to be messages).

  - Messages sent by "kafka-log-lab produce" carry their line number: they are matched by
    line number (this also covers --as json and repeated lines).
  - Messages from other producers (kcat, scripts) are matched by content, as a multiset.

Reports:
  missing      lines of FILE no message stands for
  duplicates   extra copies of lines that did arrive
  unexpected   messages that stand for no line of FILE

Options:
  --topic T              topic to check (required)
  --brokers HOST:PORT    bootstrap servers, comma-separated (default $KAFKA_BROKERS or localhost:9092)
  --json                 print {"lines","messages","missing","duplicates","unexpected","mode","firstMissing",...}

Exit code 0 only when missing, duplicates and unexpected are all 0; 1 otherwise.`;

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check that a file\'s lines arrived in a topic exactly once',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) return io.out(help), 0;
    const { values, positionals } = parseOptions(argv, {
      topic: { type: 'string' },
      brokers: { type: 'string' },
      json: { type: 'boolean', default: false },
    }, 'FILE');
    const file = positionals[0];
    if (file === undefined) throw new UsageError('FILE is required');
    if (positionals.length > 1) throw new UsageError(`one FILE at a time, got ${positionals.length}`);
    if (values.topic === undefined) throw new UsageError('--topic is required');
    const topic = topicOption(values.topic);
    brokersOption(values.brokers);
    requireReadableFile(file);
    const { client } = cliKafka(values.brokers);
    const report = await verifyFileAgainstTopic(file, topic, client, { signal: io.signal });
    const ok = report.missing === 0 && report.duplicates === 0 && report.unexpected === 0;
    if (values.json) {
      printJson(io, report);
    } else {
      const rows = formatTable(
        ['lines', 'messages', 'missing', 'duplicates', 'unexpected'],
        [[report.lines, report.messages, report.missing, report.duplicates, report.unexpected]],
      );
      for (const row of rows) io.out(row);
      io.out(`matched by ${report.mode}${report.emptyLines ? `; ${formatCount(report.emptyLines)} empty lines not expected` : ''}`);
      if (report.firstMissing.length) io.out(`first missing lines: ${report.firstMissing.map(formatCount).join(', ')}`);
      if (!report.reachedEnd) io.out('warning: the topic went quiet before its end offsets were reached; the check may be incomplete');
      io.out(ok ? `OK: every line of ${file} is in ${topic} exactly once` : `MISMATCH between ${file} and ${topic}`);
    }
    return ok ? 0 : 1;
  },
};
