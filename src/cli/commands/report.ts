// `kafka-log-lab report --topic T --out report.md`: the lab report a lab ends with, written
// from the same computations as `stats`, `consume --stats` and `verify`.
import fs from 'node:fs';
import path from 'node:path';
import { version } from '../../../package.json';
import { type CliCommand, UsageError, choiceOption, parseOptions, printJson, wantsHelp } from '../command';
import {
  KAFKA_OPTIONS,
  KAFKA_OPTIONS_HELP,
  cliKafka,
  kafkaOptionsExample,
  kafkaSettings,
  topicOption,
} from '../kafkaOptions';
import { requireReadableFile, requireWritableFile } from '../../core/fileErrors';
import { formatCount } from '../../core/format/count';
import { describeSecurity } from '../../core/kafka/connection/connectionSpec';
import { LOG_FORMATS } from '../../core/logFormat';
import { collectReport, writeReport } from '../../core/report';
import { t } from '../l10n';

const help = `Usage: kafka-log-lab report --topic T --out FILE.md [--file F] [--format F] [options]

Writes a Markdown lab report and its SVG charts (beside it, named after it):
  environment   date, Kafka version (for brokers started by kafka-log-lab), bootstrap servers and
                security (never a secret), the topic's partitions and replication, this tool's version
  what was done the produce run of --file recorded on this machine (acked, failed, duration), the read
  results       the lab's statistics for the format, read from the whole topic (as consume --stats)
  sent = read   with --file: missing, duplicates and unexpected messages (as verify)
  charts        visit durations, actions, status mix, price buckets, messages/s over time; a chart
                with no data is replaced by a sentence saying why
  reproduce     the exact commands that redo it

Options:
  --topic T              topic to report on (required)
  --out FILE             the Markdown file to write (required; replaced if it exists)
  --file F               the log file that was produced to T: adds sent = read and the produce run
  --format F             auto|${LOG_FORMATS.join('|')} (default auto: detected from the first messages)
${KAFKA_OPTIONS_HELP}
  --json                 print {"out","charts","chartsWithoutData","topic","messages","format","stats","verify"}

Examples:
  kafka-log-lab report --topic log_web --file logs.txt --out reports/log_web-report.md
${kafkaOptionsExample('report --topic log_web --out report.md')}`;

const OPTIONS = {
  topic: { type: 'string' },
  out: { type: 'string' },
  file: { type: 'string' },
  format: { type: 'string', default: 'auto' },
  ...KAFKA_OPTIONS,
  json: { type: 'boolean', default: false },
} as const;

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write a Markdown lab report with charts for a topic',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) return (io.out(help), 0);
    const { values } = parseOptions(argv, OPTIONS);
    if (values.topic === undefined) throw new UsageError(t('--topic is required'));
    if (values.out === undefined) throw new UsageError(t('--out is required'));
    const topic = topicOption(values.topic);
    const format = choiceOption(values.format ?? 'auto', 'format', ['auto', ...LOG_FORMATS] as const);
    const settings = kafkaSettings(values);
    if (values.file !== undefined) requireReadableFile(values.file);
    const out = values.out;
    if (fs.existsSync(path.dirname(path.resolve(out)))) requireWritableFile(out);
    const { client } = await cliKafka(settings, io);
    const report = await collectReport({
      client,
      topic,
      brokers: settings.brokers,
      security: describeSecurity(settings.spec),
      configFile: settings.configFile ? path.basename(settings.configFile) : undefined,
      file: values.file,
      format,
      toolVersion: version,
      signal: io.signal,
    });
    const written = writeReport(report, out);
    if (values.json) {
      const { read } = report;
      printJson(io, {
        out: written.markdownFile,
        charts: written.chartFiles,
        chartsWithoutData: written.chartsWithoutData,
        topic,
        messages: read.messages,
        format: read.format,
        stats: read.stats,
        verify: report.file?.verify,
      });
      return 0;
    }
    io.out(
      t('Wrote {0} ({1} messages, {2})', written.markdownFile, formatCount(report.read.messages), report.read.format),
    );
    for (const chart of written.chartFiles) io.out(`  ${t('chart {0}', chart)}`);
    for (const c of written.chartsWithoutData) io.out(`  ${t('no chart "{0}": {1}', c.title, c.reason)}`);
    return 0;
  },
};
