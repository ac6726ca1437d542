// Reads one topic from a start position until a stop condition: a message count, the end
// offsets captured at start, a quiet period, or cancellation. consumeTopic and
// verifyFileAgainstTopic are both built on it.
import crypto from 'node:crypto';
import { UserError } from '../errors';
import type { AdminPort, ConsumedBatch, IncomingMessage, KafkaClient, PartitionOffsets } from './ports';
import { startOffsets, type PartitionStart, type StartPosition } from './startPosition';

export type StopReason = 'max' | 'end' | 'idle' | 'aborted';

export interface ReadProgress {
  messages: number;
  /** Messages per second since the first assignment. */
  perSecond: number;
  partitions: Record<string, number>;
  elapsedMs: number;
}

export interface ReadTopicOptions {
  client: KafkaClient;
  topic: string;
  from: StartPosition;
  /** Read in this consumer group (committing what was read); otherwise group-less. */
  groupId?: string;
  /** Stop after this many messages. */
  max?: number;
  /**
   * Stop after this long without a new message (0 or absent: never). While an assigned
   * partition is still behind the end offsets captured at start, known data is on its way,
   * so the stop waits for it (up to `stallMs` of silence).
   */
  idleMs?: number;
  /** Silence after which idle stops even when behind the captured end (default max(6 x idleMs, 30 s)). */
  stallMs?: number;
  /** Stop as soon as every assigned partition reached the end offsets captured at start. */
  untilEnd?: boolean;
  signal?: AbortSignal;
  /** Receives the messages in order; with `max` the last batch is cut to size. */
  onMessages(messages: IncomingMessage[], batch: ConsumedBatch): void | Promise<void>;
  onProgress?(progress: ReadProgress): void;
  progressIntervalMs?: number;
}

export interface ReadSummary {
  topic: string;
  messages: number;
  partitions: Record<string, number>;
  stoppedBy: StopReason;
  /** Where each partition started and where it ended (the offset after the last message read). */
  start: PartitionStart[];
  endAtStart: PartitionOffsets[];
  durationMs: number;
  /** From the partition assignment to the last message read (the reading itself). */
  readMs: number;
}

const TICK_MS = 50;

async function planStart(admin: AdminPort, o: ReadTopicOptions): Promise<{ ends: PartitionOffsets[]; start: PartitionStart[] }> {
  const topics = await admin.listTopics();
  if (!topics.includes(o.topic)) throw new UserError(`topic "${o.topic}" does not exist`);
  const ends = await admin.topicOffsets(o.topic);
  let committed: Map<number, number> | undefined;
  if (o.from.kind === 'committed' && o.groupId) {
    const rows = await admin.groupOffsets(o.groupId, [o.topic]);
    committed = new Map(rows.map((r) => [r.partition, r.offset]));
  }
  let atTime: Map<number, number> | undefined;
  if (o.from.kind === 'time') {
    const rows = await admin.topicOffsetsAt(o.topic, o.from.timestampMs);
    atTime = new Map(rows.map((r) => [r.partition, r.offset]));
  }
  return { ends, start: startOffsets(o.from, ends, committed, atTime) };
}

export async function readTopic(o: ReadTopicOptions): Promise<ReadSummary> {
  if (o.signal?.aborted) throw new UserError('cancelled before reading started');
  const admin = o.client.admin();
  await admin.connect();
  const startedAt = Date.now();
  // Group-less reading still needs a group in kafkajs: a throw-away one, removed afterwards.
  const groupLess = !o.groupId;
  const groupId = o.groupId ?? `kafka-log-lab-reader-${crypto.randomBytes(6).toString('hex')}`;
  let plan: Awaited<ReturnType<typeof planStart>>;
  try {
    plan = await planStart(admin, o);
  } catch (e) {
    await admin.disconnect().catch(() => undefined);
    throw e;
  }
  const endOf = new Map(plan.ends.map((e) => [e.partition, e.latest]));
  const next = new Map(plan.start.map((s) => [s.partition, s.offset]));
  const counts: Record<string, number> = {};
  for (const e of plan.ends) counts[e.partition] = 0;

  let messages = 0;
  let assigned: number[] | undefined;
  let assignedAt = 0;
  let firstAssignedAt = 0;
  let lastMessageAt = 0;
  let stopReason: StopReason | undefined;
  let crash: Error | undefined;
  let wake: () => void = () => undefined;

  const caughtUp = () => assigned !== undefined && assigned.every((p) => (next.get(p) ?? 0) >= (endOf.get(p) ?? 0));
  const stop = (reason: StopReason) => {
    stopReason ??= reason;
    wake();
  };

  const consumer = o.client.consumer({ groupId, autoCommit: !groupLess });
  consumer.onAssignment((event) => {
    assigned = event.assignment.filter((a) => a.topic === o.topic).flatMap((a) => a.partitions);
    assignedAt = Date.now();
    firstAssignedAt ||= assignedAt;
    if (o.untilEnd && caughtUp()) stop('end');
  });
  consumer.onCrash((error) => {
    crash = error;
    wake();
  });
  const onAbort = () => stop('aborted');
  o.signal?.addEventListener('abort', onAbort, { once: true });

  const progress = (): ReadProgress => {
    const elapsedMs = Date.now() - (firstAssignedAt || startedAt);
    return { messages, perSecond: elapsedMs > 0 ? Math.round((messages * 1000) / elapsedMs) : 0, partitions: { ...counts }, elapsedMs };
  };

  try {
    await consumer.connect();
    await consumer.run({
      topics: [o.topic],
      fromBeginning: true,
      seeks: plan.start.filter((s) => s.seek).map((s) => ({ topic: o.topic, partition: s.partition, offset: String(s.offset) })),
      // A group reader commits exactly what it used, also when it stops in the middle of a batch.
      autoResolve: groupLess,
      eachBatch: async (batch) => {
        if (stopReason || batch.messages.length === 0) return;
        let taken = batch.messages;
        if (o.max !== undefined && messages + taken.length >= o.max) taken = taken.slice(0, o.max - messages);
        if (taken.length === 0) return;
        const lastOffset = taken[taken.length - 1].offset;
        messages += taken.length;
        counts[batch.partition] = (counts[batch.partition] ?? 0) + taken.length;
        next.set(batch.partition, Number(lastOffset) + 1);
        lastMessageAt = Date.now();
        await o.onMessages(taken, batch);
        if (!groupLess) batch.resolveOffset?.(lastOffset);
        if (o.max !== undefined && messages >= o.max) stop('max');
        else if (o.untilEnd && caughtUp()) stop('end');
      },
    });

    const idleMs = o.idleMs ?? 0;
    const stallMs = o.stallMs ?? Math.max(idleMs * 6, 30000);
    let lastProgressAt = Date.now();
    while (!stopReason && !crash) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, TICK_MS);
      });
      const now = Date.now();
      if (o.onProgress && now - lastProgressAt >= (o.progressIntervalMs ?? 1000)) {
        lastProgressAt = now;
        o.onProgress(progress());
      }
      if (stopReason || crash) break;
      if (o.untilEnd && caughtUp()) stop('end');
      // Quiet time counts from the assignment: a slow group join is not idleness.
      const quietSince = Math.max(lastMessageAt, assignedAt || startedAt);
      const quiet = now - quietSince;
      if (idleMs > 0 && quiet >= idleMs && (caughtUp() || quiet >= stallMs)) stop('idle');
    }
    if (crash) throw crash;
    return {
      topic: o.topic,
      messages,
      partitions: counts,
      stoppedBy: stopReason ?? 'aborted',
      start: plan.start,
      endAtStart: plan.ends,
      durationMs: Date.now() - startedAt,
      readMs: messages > 0 ? lastMessageAt - (firstAssignedAt || startedAt) : 0,
    };
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await consumer.disconnect().catch(() => undefined);
    if (groupLess) await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
