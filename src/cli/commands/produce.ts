// `kafka-log-lab produce FILE --topic T`: one message per line, with an exact summary.
import { type CliCommand, UsageError, intOption, parseOptions, printJson, wantsHelp } from '../command';
import { cliKafka } from '../kafkaOptions';
import { produceFile, type ProduceSummary } from '../../core/kafka/produceFile';
import type { KeyMode } from '../../core/kafka/lineMessages';
import { LOG_FORMATS, isLogFormat, type LogFormat } from '../../core/logFormat';

const help = `Usage: kafka-log-lab produce FILE --topic T [options]

Sends FILE to topic T, one message per line (CRLF and a BOM stripped, empty lines skipped),
creating the topic when it is missing. Each message carries headers kll.line (its line
number) and kll.src (the file's id) so that "verify" and "--resume" know exactly what arrived.

Options:
  --topic T              topic to produce to (required)
  --brokers HOST:PORT    bootstrap servers, comma-separated (default $KAFKA_BROKERS or localhost:9092)
  --format F             auto|web|nginx|events|jsonl|raw (default auto: detected from the first lines)
  --as raw|json          raw: each line's bytes unchanged (default); json: the parsed record as JSON
                         (lines that do not parse are skipped and reported with their numbers)
  --key FIELD            key each message by this field of the parsed record
  --no-key               send messages without a key
                         (default key: the visitor, i.e. user_id or client address, when the format is known)
  --partitions N         partitions when the topic is created (default 3)
  --compression gzip     compress batches
  --follow               keep sending lines appended to the file (also across rotation) until Ctrl-C
  --rate N               at most N lines per second
  --replay SPEEDUP       send lines paced by their own timestamps, SPEEDUP times faster
  --from-line N          start at line N
  --resume               continue the last run of FILE to T: reads back what already arrived and
                         sends only the rest (no loss, no duplicates)
  --binary               send a file even if it looks binary (NUL bytes in its first block)
  --json                 print the summary as one JSON line:
                         {"file","topic","lines","sent","acked","failed","skipped","durationMs",
                          "messagesPerSecond","failures":[{"line","reason"}],...}

Exit code 0 when every line that was not skipped was acknowledged, 1 otherwise.`;

function keyMode(values: { key?: string; 'no-key'?: boolean }): KeyMode {
  if (values['no-key'] && values.key) throw new UsageError('--key and --no-key cannot be combined');
  if (values['no-key']) return { kind: 'none' };
  if (values.key) return { kind: 'field', field: values.key };
  return { kind: 'visitor' };
}

function printSummary(out: (s: string) => void, s: ProduceSummary): void {
  const seconds = (s.durationMs / 1000).toFixed(1);
  out(`${s.acked} of ${s.lines - s.skipped} lines delivered to ${s.topic} in ${seconds} s (${s.messagesPerSecond} msg/s, format ${s.format}, as ${s.as})`);
  if (s.skipped) out(`skipped: ${s.empty} empty, ${s.unparsed} unparsed${s.alreadyDelivered ? `, ${s.alreadyDelivered} already delivered` : ''}`);
  if (s.unparsedLines.length) out(`unparsed lines: ${s.unparsedLines.slice(0, 20).join(', ')}${s.unparsedLines.length > 20 ? ', …' : ''}`);
  for (const f of s.failures.slice(0, 20)) out(`line ${f.line}: ${f.reason}`);
  if (s.failures.length > 20) out(`… and ${s.failed - 20} more failed lines`);
  if (s.stoppedReason) out(`stopped: ${s.stoppedReason}. Run again with --resume to deliver the rest.`);
  else if (s.cancelled) out('cancelled. Run again with --resume to deliver the rest.');
}

export const produceCommand: CliCommand = {
  name: 'produce',
  summary: 'send a log file to a topic, one message per line',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) return io.out(help), 0;
    const { values, positionals } = parseOptions(argv, {
      topic: { type: 'string' },
      brokers: { type: 'string' },
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
      json: { type: 'boolean', default: false },
    }, true);
    const file = positionals[0];
    if (!file) throw new UsageError('FILE is required');
    if (positionals.length > 1) throw new UsageError(`one FILE at a time (got ${positionals.length})`);
    if (!values.topic) throw new UsageError('--topic is required');
    const format = values.format as LogFormat | 'auto';
    if (format !== 'auto' && !isLogFormat(format)) throw new UsageError(`--format must be auto or one of ${LOG_FORMATS.join(', ')}`);
    if (values.as !== 'raw' && values.as !== 'json') throw new UsageError('--as must be raw or json');
    if (values.compression && values.compression !== 'gzip' && values.compression !== 'none') throw new UsageError('--compression must be gzip or none');
    if (values.resume && values['from-line']) throw new UsageError('--resume and --from-line cannot be combined');
    const replay = values.replay === undefined ? undefined : Number(values.replay);
    if (replay !== undefined && !(replay > 0)) throw new UsageError('--replay must be a positive speed-up factor');
    const rate = intOption(values.rate, 'rate');
    if (rate === 0) throw new UsageError('--rate must be at least 1');
    const { brokers, client } = cliKafka(values.brokers);
    const live = !values.json && process.stderr.isTTY;
    const summary = await produceFile({
      client, brokers, file, topic: values.topic, format, as: values.as, key: keyMode(values),
      partitions: intOption(values.partitions, 'partitions', 3), compression: values.compression as 'gzip' | 'none' | undefined,
      follow: values.follow, rate, replay, fromLine: intOption(values['from-line'], 'from-line'),
      resume: values.resume, binary: values.binary, signal: io.signal,
      onProgress: live
        ? (p) => process.stderr.write(`\r${p.linesRead} read, ${p.acked} acked, ${Math.round(p.messagesPerSecond)} msg/s   `)
        : undefined,
      progressIntervalMs: 500,
    });
    if (live) process.stderr.write('\n');
    if (values.json) printJson(io, summary);
    else printSummary(io.out, summary);
    return summary.complete ? 0 : 1;
  },
};
