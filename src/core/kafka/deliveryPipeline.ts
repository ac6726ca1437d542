// Batches messages, keeps a bounded number of sends in flight (backpressure), and keeps
// an exact account of which lines were acknowledged and which failed, and why.
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
    this.sentCount += batch.length;
    const send: Promise<void> = this.send(batch).finally(() => this.inflight.delete(send));
    this.inflight.add(send);
  }

  private async send(batch: PendingLine[]): Promise<void> {
    try {
      const reports = await this.producer.send(
        this.topic,
        batch.map((b) => b.message),
      );
      this.ackedCount += batch.length;
      this.acked.add(batch[0].line, batch[batch.length - 1].line);
      this.onAcked?.(batch, reports);
    } catch (e) {
      const reason = describeError(e);
      if (TOO_LARGE.test(`${(e as Error)?.message ?? ''} ${(e as { type?: string })?.type ?? ''}`)) {
        if (batch.length === 1) return this.recordFailure(batch, reason, true);
        // Bisect so only the offending line(s) fail and their neighbours are delivered.
        const half = batch.length >> 1;
        await this.send(batch.slice(0, half));
        await this.send(batch.slice(half));
        return;
      }
      this.fatal ??= reason;
      this.recordFailure(batch, reason, true);
    }
  }

  private recordFailure(batch: PendingLine[], reason: string, wasSent: boolean): void {
    if (!wasSent) return; // never sent: it stays unsent and is resumed later
    this.failedCount += batch.length;
    for (const item of batch)
      if (this.failures.length < MAX_REPORTED_FAILURES) this.failures.push({ line: item.line, reason });
  }
}
