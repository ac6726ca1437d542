// produceFile: streams a log file to a topic, one message per line, and reports exactly
// what happened. The CLI and the editor both call this, with their own progress display.
import { UserError } from '../errors';
import type { LogFormat } from '../logFormat';
import { detectFormat, parseLine, readSampleLines } from '../parse';
import { looksBinary, readRawLineBatches } from '../io/lineBatches';
import { DeliveryPipeline, type LineFailure } from './deliveryPipeline';
import { entryOf } from './deliveryJournal';
import {
  lineToMessage,
  messageBytes,
  needsParsing,
  type KeyMode,
  type MessagePlan,
  type ValueMode,
} from './lineMessages';
import type { LineRange } from './lineRanges';
import { ratePacer, replayPacer, type Pacer } from './pacing';
import type { Compression, KafkaClient, PartitionOffsets, ProducerPort } from './ports';
import { saveCheckpoint, sourceIdOf } from './produceCheckpoint';
import { openRunRecord, type RunRecord } from './produceResume';
import { timestampOf } from './recordTime';
import { retryTransient } from './transientRetry';
import { requireValidTopicName } from './topicName';
import { requireReadableFile } from '../fileErrors';
import { ensureTopic } from './topicsAdmin';

export interface ProduceFileOptions {
  client: KafkaClient;
  /** Broker list, only used to key the resume checkpoint. */
  brokers: string[];
  file: string;
  topic: string;
  format?: LogFormat | 'auto';
  as?: ValueMode;
  key?: KeyMode;
  /** Partitions of the topic when it has to be created. */
  partitions?: number;
  replicationFactor?: number;
  fromLine?: number;
  /** Continue an earlier run of this file to this topic without loss or duplicates. */
  resume?: boolean;
  /** Send a file even when it looks binary. */
  binary?: boolean;
  /** Tag every message with `kll.line` and `kll.src` headers (resume and verify do not need them). */
  lineHeaders?: boolean;
  compression?: Compression;
  idempotent?: boolean;
  follow?: boolean;
  rate?: number;
  replay?: number;
  batchBytes?: number;
  batchMessages?: number;
  maxInFlight?: number;
  onProgress?: (progress: ProduceProgress) => void;
  progressIntervalMs?: number;
  signal?: AbortSignal;
}

export interface ProduceProgress {
  linesRead: number;
  sent: number;
  acked: number;
  failed: number;
  skipped: number;
  elapsedMs: number;
  messagesPerSecond: number;
}

export interface ProduceSummary {
  file: string;
  topic: string;
  format: LogFormat;
  as: ValueMode;
  lines: number;
  sent: number;
  acked: number;
  failed: number;
  skipped: number;
  empty: number;
  unparsed: number;
  alreadyDelivered: number;
  durationMs: number;
  messagesPerSecond: number;
  failures: LineFailure[];
  unparsedLines: number[];
  ackedRanges: LineRange[];
  createdTopic: boolean;
  cancelled: boolean;
  /** Why the run stopped early (the broker went away...), if it did. */
  stoppedReason?: string;
  /** Run again with `--resume` to deliver what is missing. */
  complete: boolean;
}

const MAX_REPORTED_UNPARSED = 1000;

/** What the reading loop counted, besides what the pipeline sent and the broker acknowledged. */
interface LineTotals {
  linesRead: number;
  empty: number;
  unparsed: number;
  alreadyDelivered: number;
  unparsedLines: number[];
  /** The first line left unread because the run was cancelled or the pipeline failed. */
  stopReadingAt?: number;
}

/** One run's moving parts, as the reading loop uses them. */
interface SendRun {
  plan: MessagePlan;
  /** Lines must be parsed (JSON values, record keys, replay timestamps). */
  parse: boolean;
  pipeline: DeliveryPipeline;
  pacer: Pacer | undefined;
  /** The checkpoint and journal; when resuming, what earlier runs delivered. */
  record: RunRecord;
  totals: LineTotals;
}

export async function produceFile(o: ProduceFileOptions): Promise<ProduceSummary> {
  const t0 = performance.now();
  const file = await checkFile(o);
  const { createdTopic, ends } = await prepareTopic(o);
  const plan: MessagePlan = { ...file, partitions: ends.length, lineHeaders: o.lineHeaders ?? false };
  const record = await openRunRecord(o, plan, ends);
  const producer = o.client.producer({ compression: o.compression, idempotent: o.idempotent ?? true });
  const run: SendRun = {
    plan,
    parse: needsParsing(plan) || o.replay !== undefined,
    pipeline: openPipeline(o, producer, record),
    pacer: pacerFor(o),
    record,
    totals: { linesRead: 0, empty: 0, unparsed: 0, alreadyDelivered: 0, unparsedLines: [] },
  };
  await producer.connect().catch((e: unknown) => {
    record.journal.close();
    throw e;
  });
  const progress = () => progressOf(run, t0);
  const ticker = o.onProgress ? setInterval(() => o.onProgress!(progress()), o.progressIntervalMs ?? 250) : undefined;
  try {
    await sendLines(o, run);
    await run.pipeline.flush();
    await run.pipeline.drain();
  } finally {
    if (ticker) clearInterval(ticker);
    await producer.disconnect().catch(() => undefined);
    record.journal.close();
  }
  const final = progress();
  o.onProgress?.(final);
  const checkpoint = record.checkpoint;
  checkpoint.lastSummary = {
    acked: run.pipeline.ackedCount,
    failed: run.pipeline.failedCount,
    endedAt: new Date().toISOString(),
  };
  saveCheckpoint(checkpoint, o.brokers);
  return summarize(o, run, final, createdTopic);
}

/** Checks the file and decides how its lines become messages (all but the topic's partition count). */
async function checkFile(o: ProduceFileOptions): Promise<Omit<MessagePlan, 'partitions' | 'lineHeaders'>> {
  requireValidTopicName(o.topic);
  requireReadableFile(o.file);
  if (!o.binary && (await looksBinary(o.file))) {
    throw new UserError(
      `${o.file}: looks like a binary file (NUL bytes in the first block); nothing was sent. Use --binary to send it anyway`,
    );
  }
  const format: LogFormat =
    !o.format || o.format === 'auto' ? detectFormat(await readSampleLines(o.file, 50, 65536)) : o.format;
  return { format, as: o.as ?? 'raw', key: o.key ?? { kind: 'visitor' }, sourceId: sourceIdOf(o.file) };
}

/** Creates the topic when it is missing; its end offsets are where this run's messages start. */
async function prepareTopic(o: ProduceFileOptions): Promise<{ createdTopic: boolean; ends: PartitionOffsets[] }> {
  const admin = o.client.admin();
  await admin.connect();
  try {
    const createdTopic = await ensureTopic(admin, {
      topic: o.topic,
      partitions: o.partitions ?? 3,
      replicationFactor: o.replicationFactor,
    });
    const ends = await retryTransient(() => admin.topicOffsets(o.topic));
    return { createdTopic, ends };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function openPipeline(o: ProduceFileOptions, producer: ProducerPort, record: RunRecord): DeliveryPipeline {
  const paced = o.rate !== undefined || o.replay !== undefined;
  return new DeliveryPipeline(
    producer,
    o.topic,
    {
      batchBytes: o.batchBytes ?? 900_000,
      // A batch goes out as one send per partition (about 1,000 messages each over 3 partitions):
      // fewer, larger requests beat many small ones (the idempotent producer sends one request
      // per broker at a time). Without the bundled grouping stand-in (kafkajsFastPaths), kafkajs
      // groups a send's messages in quadratic time, so moderate sends also keep that in check.
      batchMessages: paced ? Math.max(1, Math.min(1000, Math.ceil((o.rate ?? 1000) / 20))) : (o.batchMessages ?? 3000),
      maxInFlight: o.maxInFlight ?? 6,
      soloBytes: 512 * 1024,
    },
    (sent, reports) => {
      const entry = entryOf(sent, reports);
      if (entry) record.journal.append(entry);
    },
  );
}

function pacerFor(o: ProduceFileOptions): Pacer | undefined {
  if (o.replay !== undefined) return replayPacer(o.replay, o.signal);
  return o.rate !== undefined ? ratePacer(o.rate, o.signal) : undefined;
}

/** Reads the file (following it with `follow`) and sends its lines until the end, a cancel or a fatal failure. */
async function sendLines(o: ProduceFileOptions, run: SendRun): Promise<void> {
  const follow = o.follow ? { signal: o.signal ?? new AbortController().signal } : undefined;
  for await (const batch of readRawLineBatches(o.file, { fromLine: o.fromLine, follow })) {
    for (let i = 0; i < batch.lines.length; i++) {
      if (o.signal?.aborted || run.pipeline.fatal) {
        run.totals.stopReadingAt = batch.firstLine + i;
        return;
      }
      if (!(await sendLine(o, run, batch.firstLine + i, batch.lines[i]))) return;
    }
    // In follow mode and when paced, lines should not wait for a full batch.
    if (follow || run.pacer) await run.pipeline.flush();
  }
}

/**
 * One line: skipped (empty, delivered before, unparsed) or paced and queued.
 * False when a cancel cut the pacing short.
 */
async function sendLine(o: ProduceFileOptions, run: SendRun, lineNumber: number, bytes: Buffer): Promise<boolean> {
  const totals = run.totals;
  totals.linesRead++;
  if (bytes.length === 0) {
    totals.empty++;
    return true;
  }
  if (run.record.delivered?.has(lineNumber)) {
    totals.alreadyDelivered++;
    return true;
  }
  const message = lineToMessage(run.plan, bytes, lineNumber, run.parse);
  if (message === 'unparsed') {
    totals.unparsed++;
    if (totals.unparsedLines.length < MAX_REPORTED_UNPARSED) totals.unparsedLines.push(lineNumber);
    return true;
  }
  const offset = run.record.unconfirmed?.take(message.partition, message);
  if (offset !== undefined) {
    // A send of an earlier run whose answer never came did arrive: journal it, do not resend.
    run.record.journal.append({ from: lineNumber, to: lineNumber, at: [[message.partition, offset, 1]] });
    totals.alreadyDelivered++;
    return true;
  }
  if (run.pacer) {
    const format = run.plan.format;
    await run.pacer.next(
      o.replay !== undefined ? timestampOf(format, parseLine(format, bytes.toString('utf8'))) : undefined,
    );
    if (o.signal?.aborted) {
      totals.stopReadingAt = lineNumber;
      totals.linesRead--;
      return false;
    }
  }
  await run.pipeline.add({ line: lineNumber, message, bytes: messageBytes(message) });
  return true;
}

const skippedOf = (t: LineTotals) => t.empty + t.unparsed + t.alreadyDelivered;

function progressOf(run: SendRun, t0: number): ProduceProgress {
  const { totals, pipeline } = run;
  const elapsedMs = performance.now() - t0;
  return {
    linesRead: totals.linesRead,
    sent: pipeline.sentCount,
    acked: pipeline.ackedCount,
    failed: pipeline.failedCount,
    skipped: skippedOf(totals),
    elapsedMs,
    messagesPerSecond: pipeline.ackedCount / (elapsedMs / 1000 || 1),
  };
}

function summarize(o: ProduceFileOptions, run: SendRun, final: ProduceProgress, createdTopic: boolean): ProduceSummary {
  const { totals, pipeline, plan } = run;
  const skipped = skippedOf(totals);
  const cancelled = Boolean(o.signal?.aborted) && !o.follow;
  const complete =
    !pipeline.fatal && totals.stopReadingAt === undefined && pipeline.ackedCount === totals.linesRead - skipped;
  return {
    file: o.file,
    topic: o.topic,
    format: plan.format,
    as: plan.as,
    lines: totals.linesRead,
    sent: pipeline.sentCount,
    acked: pipeline.ackedCount,
    failed: pipeline.failedCount,
    skipped,
    empty: totals.empty,
    unparsed: totals.unparsed,
    alreadyDelivered: totals.alreadyDelivered,
    durationMs: Math.round(final.elapsedMs),
    messagesPerSecond: Math.round(final.messagesPerSecond),
    failures: pipeline.failures,
    unparsedLines: totals.unparsedLines,
    ackedRanges: pipeline.acked.toArray(),
    createdTopic,
    cancelled,
    stoppedReason: pipeline.fatal,
    complete,
  };
}
