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
import { LiveTraffic, LIVE_RATE_LIMITS, DEFAULT_LIVE_RATE } from '../../core/generate/liveTraffic';
import { ensureTopic } from '../../core/kafka/topicsAdmin';
import { withAdmin } from '../../core/kafka/client';
import { produceFile, type ProduceProgress } from '../../core/kafka/produceFile';
import { consumeTopic, type ConsumeProgress } from '../../core/kafka/consumeTopic';
import { liveAccount, type LiveAccount } from '../../core/live/liveAccount';
import { countFileLines } from '../../core/io/newlines';

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

/** How long the stop waits for the producer to reach the end of the file and the consumer to read it all. */
const DRAIN_MS = 15_000;

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
  const fromLine = (await countFileLines(r.file)) + 1;
  const produceStop = new AbortController();
  const consumeStop = new AbortController();
  let produced: ProduceProgress | undefined;
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
  const traffic = await LiveTraffic.start({ format: r.format, file: r.file, linesPerSecond: r.rate, seed: r.seed });
  const producing = produceFile({
    client: r.client,
    brokers: r.brokers,
    file: r.file,
    topic: r.topic,
    format: r.format,
    fromLine,
    follow: true,
    signal: produceStop.signal,
    progressIntervalMs: 250,
    onProgress: (p) => (produced = p),
  });
  const ticker = r.json ? undefined : setInterval(() => showStatus(io, statusLine(traffic, produced, read)), 1000);
  try {
    await untilAborted(io.signal, producing);
    const written = await traffic.stop();
    await waitFor(() => (produced?.linesRead ?? 0) >= written.lines);
    produceStop.abort();
    const summary = await producing;
    await waitFor(() => (read?.messages ?? 0) >= summary.acked);
    consumeStop.abort();
    const result = await consuming;
    return liveAccount({ written: written.lines, summary, read: result.messages, stats: result.stats });
  } finally {
    if (ticker) clearInterval(ticker);
    if (ticker && process.stderr.isTTY) process.stderr.write('\n');
    produceStop.abort();
    consumeStop.abort();
  }
}

/** Resolves on Ctrl-C; a producer that ends by itself (a fatal error) ends the run too. */
async function untilAborted(signal: AbortSignal, producing: Promise<unknown>): Promise<void> {
  if (signal.aborted) return;
  const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await Promise.race([aborted, producing]);
}

async function waitFor(done: () => boolean): Promise<void> {
  const deadline = Date.now() + DRAIN_MS;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** One line that refreshes in place on a terminal; one line per second into a pipe or file. */
function showStatus(io: CliIO, line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`);
  else io.err(line);
}

function statusLine(traffic: LiveTraffic, produced?: ProduceProgress, read?: ConsumeProgress): string {
  const s = traffic.status();
  const visitors = read?.snapshot()?.uniqueVisitors;
  return [
    `written ${formatCount(s.lines)}`,
    `acked ${formatCount(produced?.acked ?? 0)}`,
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
