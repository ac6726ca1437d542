// Reads one topic from a start position until a stop condition: a message count, the end
// offsets captured at start, a quiet period, or cancellation. consumeTopic and
// verifyFileAgainstTopic are both built on it.
import crypto from 'node:crypto';
import { UserError } from '../errors';
import type { AdminPort, ConsumedBatch, ConsumerPort, IncomingMessage, KafkaClient, PartitionOffsets } from './ports';
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

interface StartPlan {
  ends: PartitionOffsets[];
  start: PartitionStart[];
}

async function planStart(admin: AdminPort, o: ReadTopicOptions): Promise<StartPlan> {
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

/** Plans the start with a connected admin; disconnects it when planning fails. */
async function planWith(admin: AdminPort, o: ReadTopicOptions): Promise<StartPlan> {
  try {
    return await planStart(admin, o);
  } catch (e) {
    await admin.disconnect().catch(() => undefined);
    throw e;
  }
}

export async function readTopic(o: ReadTopicOptions): Promise<ReadSummary> {
  if (o.signal?.aborted) throw new UserError('cancelled before reading started');
  const admin = o.client.admin();
  await admin.connect();
  const startedAt = Date.now();
  // Group-less reading still needs a group in kafkajs: a throw-away one, removed afterwards.
  const groupLess = !o.groupId;
  const groupId = o.groupId ?? `kafka-log-lab-reader-${crypto.randomBytes(6).toString('hex')}`;
  const read = new TopicRead(o, await planWith(admin, o), startedAt, groupLess);
  const consumer = o.client.consumer({ groupId, autoCommit: !groupLess });
  read.watch(consumer);
  const onAbort = () => read.stop('aborted');
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await consumer.connect();
    await consumer.run({
      topics: [o.topic],
      fromBeginning: true,
      seeks: read.seeks(),
      // A group reader commits exactly what it used, also when it stops in the middle of a batch.
      autoResolve: groupLess,
      eachBatch: (batch) => read.take(batch),
    });
    await read.untilStopped();
    return read.summary();
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await consumer.disconnect().catch(() => undefined);
    if (groupLess) await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** One read in progress: what was read, where each assigned partition stands, and why it stops. */
class TopicRead {
  private messages = 0;
  private readonly counts: Record<string, number> = {};
  private readonly endOf: Map<number, number>;
  private readonly next: Map<number, number>;
  private assigned: number[] | undefined;
  private assignedAt = 0;
  private firstAssignedAt = 0;
  private lastMessageAt = 0;
  private stopReason: StopReason | undefined;
  private crash: Error | undefined;
  private wake: () => void = () => undefined;

  constructor(
    private readonly o: ReadTopicOptions,
    private readonly plan: StartPlan,
    private readonly startedAt: number,
    private readonly groupLess: boolean,
  ) {
    this.endOf = new Map(plan.ends.map((e) => [e.partition, e.latest]));
    this.next = new Map(plan.start.map((s) => [s.partition, s.offset]));
    for (const e of plan.ends) this.counts[e.partition] = 0;
  }

  seeks(): Array<{ topic: string; partition: number; offset: string }> {
    return this.plan.start
      .filter((s) => s.seek)
      .map((s) => ({ topic: this.o.topic, partition: s.partition, offset: String(s.offset) }));
  }

  watch(consumer: ConsumerPort): void {
    consumer.onAssignment((event) => {
      this.assigned = event.assignment.filter((a) => a.topic === this.o.topic).flatMap((a) => a.partitions);
      this.assignedAt = Date.now();
      this.firstAssignedAt ||= this.assignedAt;
      if (this.o.untilEnd && this.caughtUp()) this.stop('end');
    });
    consumer.onCrash((error) => {
      this.crash = error;
      this.wake();
    });
  }

  stop(reason: StopReason): void {
    this.stopReason ??= reason;
    this.wake();
  }

  /** One fetched batch: handed over (cut to `max`), committed for a group, then the stop checks. */
  async take(batch: ConsumedBatch): Promise<void> {
    const o = this.o;
    if (this.stopReason || batch.messages.length === 0) return;
    let taken = batch.messages;
    if (o.max !== undefined && this.messages + taken.length >= o.max) taken = taken.slice(0, o.max - this.messages);
    if (taken.length === 0) return;
    const lastOffset = taken[taken.length - 1].offset;
    this.messages += taken.length;
    this.counts[batch.partition] = (this.counts[batch.partition] ?? 0) + taken.length;
    this.next.set(batch.partition, Number(lastOffset) + 1);
    this.lastMessageAt = Date.now();
    await o.onMessages(taken, batch);
    if (!this.groupLess) batch.resolveOffset?.(lastOffset);
    if (o.max !== undefined && this.messages >= o.max) this.stop('max');
    else if (o.untilEnd && this.caughtUp()) this.stop('end');
  }

  /** Ticks until a stop condition holds, reporting progress on the way; rethrows a consumer crash. */
  async untilStopped(): Promise<void> {
    const o = this.o;
    const idleMs = o.idleMs ?? 0;
    const stallMs = o.stallMs ?? Math.max(idleMs * 6, 30000);
    let lastProgressAt = Date.now();
    while (!this.stopReason && !this.crash) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, TICK_MS);
      });
      const now = Date.now();
      if (o.onProgress && now - lastProgressAt >= (o.progressIntervalMs ?? 1000)) {
        lastProgressAt = now;
        o.onProgress(this.progress());
      }
      if (this.stopReason || this.crash) break;
      this.checkQuiet(now, idleMs, stallMs);
    }
    if (this.crash) throw this.crash;
  }

  summary(): ReadSummary {
    const messages = this.messages;
    return {
      topic: this.o.topic,
      messages,
      partitions: this.counts,
      stoppedBy: this.stopReason ?? 'aborted',
      start: this.plan.start,
      endAtStart: this.plan.ends,
      durationMs: Date.now() - this.startedAt,
      readMs: messages > 0 ? this.lastMessageAt - (this.firstAssignedAt || this.startedAt) : 0,
    };
  }

  private checkQuiet(now: number, idleMs: number, stallMs: number): void {
    if (this.o.untilEnd && this.caughtUp()) this.stop('end');
    // Quiet time counts from the assignment: a slow group join is not idleness.
    const quiet = now - Math.max(this.lastMessageAt, this.assignedAt || this.startedAt);
    if (idleMs > 0 && quiet >= idleMs && (this.caughtUp() || quiet >= stallMs)) this.stop('idle');
  }

  private progress(): ReadProgress {
    const elapsedMs = Date.now() - (this.firstAssignedAt || this.startedAt);
    const perSecond = elapsedMs > 0 ? Math.round((this.messages * 1000) / elapsedMs) : 0;
    return { messages: this.messages, perSecond, partitions: { ...this.counts }, elapsedMs };
  }

  private caughtUp(): boolean {
    const assigned = this.assigned;
    return assigned !== undefined && assigned.every((p) => (this.next.get(p) ?? 0) >= (this.endOf.get(p) ?? 0));
  }
}
