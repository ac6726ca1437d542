// Batches messages, keeps a bounded number of sends in flight (backpressure), and keeps
// an exact account of which lines were acknowledged and which failed, and why.
//
// A batch is a run of consecutive lines; it goes out as one send per partition, and each
// partition's sends go one at a time, in file order (its lane). The idempotent producer numbers
// a partition's messages; when an attempt fails it hands the same numbers out again, so a second
// send of that partition in flight could take them and be acknowledged as a duplicate of the
// first without being written. One send in flight per partition rules that out.
import { describeError } from '../errors';
import type { PartitionedMessage } from './lineMessages';
import { LineRangeSet } from './lineRanges';
import type { DeliveryReport, ProducerPort } from './ports';

export interface PendingLine {
  line: number;
  message: PartitionedMessage;
  bytes: number;
}

/** Told about every acknowledged send, with where the broker wrote it (the delivery journal listens). */
export type AckListener = (sent: PendingLine[], reports: DeliveryReport[]) => void;

export interface LineFailure {
  line: number;
  reason: string;
}

/** What a batch's parts delivered so far: the lines and where the broker wrote them. */
interface Delivered {
  items: PendingLine[];
  reports: DeliveryReport[];
}

const TOO_LARGE = /MESSAGE_TOO_LARGE|larger than the max message size|RECORD_LIST_TOO_LARGE/i;
const MAX_REPORTED_FAILURES = 1000;

export class DeliveryPipeline {
  readonly acked = new LineRangeSet();
  ackedCount = 0;
  sentCount = 0;
  failedCount = 0;
  readonly failures: LineFailure[] = [];
  /** Set when the broker stopped accepting sends: nothing more should be sent. */
  fatal: string | undefined;
  private batch: PendingLine[] = [];
  private batchBytes = 0;
  private readonly inflight = new Set<Promise<void>>();
  /** Per partition, its last send (see the top): the next one waits for it. */
  private readonly lanes = new Map<number, Promise<void>>();

  constructor(
    private readonly producer: ProducerPort,
    private readonly topic: string,
    private readonly limits: { batchBytes: number; batchMessages: number; maxInFlight: number; soloBytes: number },
    private readonly onAcked?: AckListener,
  ) {}

  /** Queues one line; resolves when there is room (this is where backpressure happens). */
  async add(item: PendingLine): Promise<void> {
    if (item.bytes >= this.limits.soloBytes) {
      // A huge line goes alone, so a broker refusal names exactly that line.
      await this.flush();
      return this.dispatch([item]);
    }
    this.batch.push(item);
    this.batchBytes += item.bytes;
    if (this.batchBytes >= this.limits.batchBytes || this.batch.length >= this.limits.batchMessages) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    await this.dispatch(batch);
  }

  /** Waits for every send in flight to settle. */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.race(this.inflight);
  }

  private async dispatch(batch: PendingLine[]): Promise<void> {
    if (this.fatal) return this.recordFailure(batch, this.fatal, false);
    while (this.inflight.size >= this.limits.maxInFlight) await Promise.race(this.inflight);
    const send: Promise<void> = this.sendByPartition(batch).finally(() => this.inflight.delete(send));
    this.inflight.add(send);
  }

  /** The batch's lines, one send per partition, each in its partition's lane; accounted once all are answered. */
  private async sendByPartition(batch: PendingLine[]): Promise<void> {
    const delivered: Delivered = { items: [], reports: [] };
    const parts = splitByPartition(batch);
    await Promise.all(
      [...parts].map(([partition, part]) => this.inLane(partition, () => this.sendPart(part, delivered))),
    );
    if (delivered.items.length === batch.length) {
      this.acked.add(batch[0].line, batch[batch.length - 1].line);
      // One report per part says where it went; a part sent in halves is found by reading instead.
      if (delivered.reports.length === parts.size) this.onAcked?.(batch, delivered.reports);
      return;
    }
    // Some parts failed: what was acknowledged is exact per line. It is not journalled (an entry
    // stands for consecutive lines); a resume finds those messages by reading them back.
    for (const item of delivered.items) this.acked.add(item.line, item.line);
  }

  /** Runs `task` after every earlier task of the partition has been answered. */
  private inLane(partition: number, task: () => Promise<void>): Promise<void> {
    const run = (this.lanes.get(partition) ?? Promise.resolve()).then(task);
    this.lanes.set(partition, run);
    return run;
  }

  /** Sends one partition's part of a batch; never rejects (failures are accounted). */
  private async sendPart(part: PendingLine[], delivered: Delivered): Promise<void> {
    if (this.fatal) return this.recordFailure(part, this.fatal, false);
    this.sentCount += part.length;
    try {
      const reports = await this.producer.send(
        this.topic,
        part.map((b) => b.message),
      );
      this.ackedCount += part.length;
      delivered.items.push(...part);
      delivered.reports.push(...reports);
    } catch (e) {
      const reason = describeError(e);
      if (TOO_LARGE.test(`${(e as Error)?.message ?? ''} ${(e as { type?: string })?.type ?? ''}`)) {
        if (part.length === 1) return this.recordFailure(part, reason, true);
        // Bisect so only the offending line(s) fail and their neighbours are delivered.
        const half = part.length >> 1;
        this.sentCount -= part.length;
        await this.sendPart(part.slice(0, half), delivered);
        await this.sendPart(part.slice(half), delivered);
        return;
      }
      this.fatal ??= reason;
      this.recordFailure(part, reason, true);
    }
  }

  private recordFailure(batch: PendingLine[], reason: string, wasSent: boolean): void {
    if (!wasSent) return; // never sent: it stays unsent and is resumed later
    this.failedCount += batch.length;
    for (const item of batch)
      if (this.failures.length < MAX_REPORTED_FAILURES) this.failures.push({ line: item.line, reason });
  }
}

/** The batch's lines per partition, in file order. */
function splitByPartition(batch: PendingLine[]): Map<number, PendingLine[]> {
  const parts = new Map<number, PendingLine[]>();
  for (const item of batch) {
    const part = parts.get(item.message.partition);
    if (part) part.push(item);
    else parts.set(item.message.partition, [item]);
  }
  return parts;
}
