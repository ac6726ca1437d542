// `kafka-log-lab live`: the seed-001 pipeline in one command. A live generator appends lines to
// a file, a follow-mode producer sends each new line to a topic, and a consumer reads the topic
// back with live statistics. Ctrl-C stops the three in order (generator, then the producer once
// it has sent the whole file, then the consumer once it has read what was acknowledged) so the
// account at the end compares like with like.
import { randomInt } from 'node:crypto';
import { type CliCommand, type CliIO, UsageError, choiceOption, parseOptions, printJson, wantsHelp } from '../command';
import { KAFKA_OPTIONS, KAFKA_OPTIONS_HELP, cliKafka, topicOption } from '../kafkaOptions';
import { liveRateOption } from './generateLive';
import { requireWritableFile } from '../../core/fileErrors';
import { formatCount } from '../../core/format/count';
import { GENERATED_FORMATS } from '../../core/logFormat';
import { LIVE_RATE_LIMITS, DEFAULT_LIVE_RATE } from '../../core/generate/liveTraffic';
import { ensureTopic } from '../../core/kafka/topicsAdmin';
import { withAdmin } from '../../core/kafka/client';
import { consumeTopic, type ConsumeProgress } from '../../core/kafka/consumeTopic';
import { liveAccount, type LiveAccount } from '../../core/live/liveAccount';
import { drain, LivePipeline, type LiveSnapshot } from '../../core/live/livePipeline';

const help = `Usage: kafka-log-lab live --file FILE --topic T [--format web|nginx|events] [--rate N] [options]

Runs a whole live pipeline: lines appear in FILE as they happen (like generate --live), each
new line is produced to T (like produce --follow) and read back (like consume) with the
statistics on one refreshing line. Ctrl-C stops all three and prints the account:
lines written = acknowledged = read.

  --file FILE     the growing log; lines already in it are left alone and not sent
  --topic T       created with 3 partitions when missing
  --format F      web, nginx or events (default events)
  --rate N        lines per second, ${LIVE_RATE_LIMITS.min} to ${formatCount(LIVE_RATE_LIMITS.max)} (default ${DEFAULT_LIVE_RATE})
  --seed S        any text (default: a random seed, printed at the end)
  --json          no refreshing line; the account as one JSON object at the end
${KAFKA_OPTIONS_HELP}

Example:
  kafka-log-lab live --file logs/live-events.log --topic events --rate 5`;

export const liveCommand: CliCommand = {
  name: 'live',
  summary: 'live traffic end to end: a growing log, produced as it grows, read back with statistics',
  help,
  async run(argv, io) {
    if (wantsHelp(argv)) return (io.out(help), 0);
    const { values } = parseOptions(argv, {
      ...KAFKA_OPTIONS,
      file: { type: 'string' },
      topic: { type: 'string' },
      format: { type: 'string', default: 'events' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (values.file === undefined) throw new UsageError('--file FILE is required');
    if (values.topic === undefined) throw new UsageError('--topic T is required');
    const topic = topicOption(values.topic);
    const format = choiceOption(values.format, 'format', GENERATED_FORMATS);
    const rate = liveRateOption(values.rate);
    const seed = values.seed ?? String(randomInt(2 ** 31));
    requireWritableFile(values.file);
    const kafka = await cliKafka(values, io);
    const account = await runPipeline(
      { ...kafka, file: values.file, topic, format, rate, seed, json: values.json },
      io,
    );
    if (values.json) printJson(io, { ...account, seed });
    else for (const line of describeAccount(account, seed)) io.out(line);
    return account.matches ? 0 : 1;
  },
};

interface PipelineRequest extends Awaited<ReturnType<typeof cliKafka>> {
  file: string;
  topic: string;
  format: (typeof GENERATED_FORMATS)[number];
  rate: number;
  seed: string;
  json: boolean;
}

async function runPipeline(r: PipelineRequest, io: CliIO): Promise<LiveAccount> {
  await withAdmin(r.client, (admin) => ensureTopic(admin, { topic: r.topic, partitions: 3 }));
  const consumeStop = new AbortController();
  let read: ConsumeProgress | undefined;
  const consuming = consumeTopic({
    client: r.client,
    topic: r.topic,
    from: { kind: 'end' },
    format: r.format,
    signal: consumeStop.signal,
    progressIntervalMs: 250,
    onProgress: (p) => (read = p),
  });
  let pipeline: LivePipeline | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  try {
    pipeline = await LivePipeline.start(r, () => undefined);
    const running = pipeline;
    if (!r.json) ticker = setInterval(() => showStatus(io, statusLine(running.snapshot(), read)), 1000);
    await untilAborted(io.signal, pipeline.endedByItself);
    const result = await pipeline.stop();
    if (result.problem) io.err(`The run ended early: ${result.problem}`);
    await drain(() => (read?.messages ?? 0) >= result.acked);
    consumeStop.abort();
    const summary = await consuming;
    return liveAccount({ written: result.written, summary: result, read: summary.messages, stats: summary.stats });
  } finally {
    if (ticker) clearInterval(ticker);
    if (ticker && process.stderr.isTTY) process.stderr.write('\n');
    await pipeline?.stop();
    consumeStop.abort();
  }
}

/** Resolves on Ctrl-C; a run that ends by itself (a write error, a producer that gave up) ends it too. */
async function untilAborted(signal: AbortSignal, endedByItself: Promise<unknown>): Promise<void> {
  if (signal.aborted) return;
  const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await Promise.race([aborted, endedByItself]);
}

/** One line that refreshes in place on a terminal; one line per second into a pipe or file. */
function showStatus(io: CliIO, line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`);
  else io.err(line);
}

function statusLine(s: LiveSnapshot, read?: ConsumeProgress): string {
  const visitors = read?.snapshot()?.uniqueVisitors;
  return [
    `written ${formatCount(s.lines)}`,
    `acked ${formatCount(s.acked)}`,
    `read ${formatCount(read?.messages ?? 0)}`,
    `${formatCount(s.linesPerSecond)} lines/s`,
    ...(visitors === undefined ? [] : [`visitors ${formatCount(visitors)}`]),
  ].join(' · ');
}

function describeAccount(a: LiveAccount, seed: string): string[] {
  const verdict = a.matches ? 'sent = read' : `MISMATCH: ${a.problem}`;
  return [
    `Written ${formatCount(a.written)} lines, acknowledged ${formatCount(a.acked)}, read ${formatCount(a.read)}: ${verdict}`,
    `Seed "${seed}"; ${formatCount(a.failed)} failed sends`,
  ];
}
