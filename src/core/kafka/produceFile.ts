// produceFile: streams a log file to a topic, one message per line, and reports exactly
// what happened. The CLI and the editor both call this, with their own progress display.
import { UserError } from '../errors';
import type { LogFormat } from '../logFormat';
import { detectFormat, parseLine, readSampleLines } from '../parse';
import { looksBinary, readRawLineBatches } from '../io/lineBatches';
import { DeliveryPipeline, type LineFailure } from './deliveryPipeline';
import { deliveredLines } from './deliveredLines';
import { lineToMessage, messageBytes, needsParsing, type KeyMode, type MessagePlan, type ValueMode } from './lineMessages';
import type { LineRange } from './lineRanges';
import { ratePacer, replayPacer, type Pacer } from './pacing';
import type { Compression, KafkaClient } from './ports';
import { loadCheckpoint, saveCheckpoint, sourceIdOf, type ProduceCheckpoint } from './produceCheckpoint';
import { timestampOf } from './recordTime';
import { retryTransient } from './transientRetry';
import { requireValidTopicName } from './topicName';
import { requireReadableFile } from '../fileErrors';

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

export async function produceFile(o: ProduceFileOptions): Promise<ProduceSummary> {
  const t0 = performance.now();
  requireValidTopicName(o.topic);
  requireReadableFile(o.file);
  if (!o.binary && (await looksBinary(o.file))) {
    throw new UserError(`${o.file}: looks like a binary file (NUL bytes in the first block); nothing was sent. Use --binary to send it anyway`);
  }
  const format: LogFormat = !o.format || o.format === 'auto' ? detectFormat(await readSampleLines(o.file, 50, 65536)) : o.format;
  const as = o.as ?? 'raw';
  const plan: MessagePlan = { format, as, key: o.key ?? { kind: 'visitor' }, sourceId: sourceIdOf(o.file) };
  const parse = needsParsing(plan) || o.replay !== undefined;

  const admin = o.client.admin();
  await admin.connect();
  let createdTopic = false;
  let startOffsets: ProduceCheckpoint['startOffsets'];
  try {
    if (!(await admin.listTopics()).includes(o.topic)) {
      createdTopic = await admin.createTopic({ topic: o.topic, partitions: o.partitions ?? 3, replicationFactor: o.replicationFactor });
    }
    startOffsets = (await retryTransient(() => admin.topicOffsets(o.topic))).map((p) => ({ partition: p.partition, offset: p.latest }));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }

  let delivered: { has(line: number): boolean } | undefined;
  if (o.resume) {
    const earlier = loadCheckpoint(o.file, o.topic, o.brokers);
    if (!earlier) throw new UserError(`no earlier run of ${o.file} to ${o.topic} is recorded; run without --resume`);
    delivered = await deliveredLines(o.client, o.topic, plan.sourceId, earlier.startOffsets);
    startOffsets = earlier.startOffsets;
  }
  const checkpoint: ProduceCheckpoint = {
    file: o.file, topic: o.topic, brokers: o.brokers.join(','), sourceId: plan.sourceId,
    startOffsets, startedAt: new Date().toISOString(),
  };
  saveCheckpoint(checkpoint, o.brokers);

  const producer = o.client.producer({ compression: o.compression, idempotent: o.idempotent ?? true });
  await producer.connect();
  const paced = o.rate !== undefined || o.replay !== undefined;
  const pipeline = new DeliveryPipeline(producer, o.topic, {
    batchBytes: o.batchBytes ?? 900_000,
    // kafkajs groups a send's messages by partition in quadratic time, so many sends of a
    // couple of thousand messages beat few huge ones.
    batchMessages: paced ? Math.max(1, Math.min(1000, Math.ceil((o.rate ?? 1000) / 20))) : o.batchMessages ?? 2000,
    maxInFlight: o.maxInFlight ?? 6,
    soloBytes: 512 * 1024,
  });
  const pacer: Pacer | undefined =
    o.replay !== undefined ? replayPacer(o.replay, o.signal) : o.rate !== undefined ? ratePacer(o.rate, o.signal) : undefined;

  let linesRead = 0, empty = 0, unparsed = 0, alreadyDelivered = 0;
  const unparsedLines: number[] = [];
  const progress = (): ProduceProgress => {
    const elapsedMs = performance.now() - t0;
    return {
      linesRead, sent: pipeline.sentCount, acked: pipeline.ackedCount, failed: pipeline.failedCount,
      skipped: empty + unparsed + alreadyDelivered, elapsedMs, messagesPerSecond: pipeline.ackedCount / (elapsedMs / 1000 || 1),
    };
  };
  const ticker = o.onProgress ? setInterval(() => o.onProgress!(progress()), o.progressIntervalMs ?? 250) : undefined;
  let stopReadingAt: number | undefined;
  try {
    const follow = o.follow ? { signal: o.signal ?? new AbortController().signal } : undefined;
    reading: for await (const batch of readRawLineBatches(o.file, { fromLine: o.fromLine, follow })) {
      for (let i = 0; i < batch.lines.length; i++) {
        if (o.signal?.aborted || pipeline.fatal) {
          stopReadingAt = batch.firstLine + i;
          break reading;
        }
        const lineNumber = batch.firstLine + i;
        const bytes = batch.lines[i];
        linesRead++;
        if (bytes.length === 0) { empty++; continue; }
        if (delivered?.has(lineNumber)) { alreadyDelivered++; continue; }
        const message = lineToMessage(plan, bytes, lineNumber, parse);
        if (message === 'unparsed') {
          unparsed++;
          if (unparsedLines.length < MAX_REPORTED_UNPARSED) unparsedLines.push(lineNumber);
          continue;
        }
        if (pacer) {
          await pacer.next(o.replay !== undefined ? timestampOf(format, parseLine(format, bytes.toString('utf8'))) : undefined);
          if (o.signal?.aborted) { stopReadingAt = lineNumber; linesRead--; break reading; }
        }
        await pipeline.add({ line: lineNumber, message, bytes: messageBytes(message) });
      }
      // In follow mode and when paced, lines should not wait for a full batch.
      if (follow || pacer) await pipeline.flush();
    }
    await pipeline.flush();
    await pipeline.drain();
  } finally {
    if (ticker) clearInterval(ticker);
    await producer.disconnect().catch(() => undefined);
  }
  const final = progress();
  o.onProgress?.(final);
  const skipped = empty + unparsed + alreadyDelivered;
  const cancelled = Boolean(o.signal?.aborted) && !o.follow;
  const complete = !pipeline.fatal && stopReadingAt === undefined && pipeline.ackedCount === linesRead - skipped;
  checkpoint.lastSummary = { acked: pipeline.ackedCount, failed: pipeline.failedCount, endedAt: new Date().toISOString() };
  saveCheckpoint(checkpoint, o.brokers);
  return {
    file: o.file, topic: o.topic, format, as,
    lines: linesRead, sent: pipeline.sentCount, acked: pipeline.ackedCount, failed: pipeline.failedCount,
    skipped, empty, unparsed, alreadyDelivered,
    durationMs: Math.round(final.elapsedMs),
    messagesPerSecond: Math.round(final.messagesPerSecond),
    failures: pipeline.failures, unparsedLines, ackedRanges: pipeline.acked.toArray(),
    createdTopic, cancelled, stoppedReason: pipeline.fatal, complete,
  };
}
