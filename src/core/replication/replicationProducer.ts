// The lab's producer: sequence-numbered messages at a chosen rate, one paced loop per partition
// (one send in flight per partition, so a partition without a leader blocks only itself), and
// the producer's own words when the cluster refuses.
//
// A refused send is sent again, the same messages, before any new one: a refusal does not say
// the messages were not written (an earlier attempt may have been, e.g. before a timeout), and
// the idempotent producer gives the next send the refused one's sequence numbers. New messages
// under those numbers would be taken by the broker for a duplicate of what it already holds and
// acknowledged without being written. The Java producer retries the same batch for that reason.
import { errorKind } from '../errors';
import type { PartitionedMessage } from '../kafka/lineMessages';
import type { ProducerPort } from '../kafka/ports';
import type { SequenceAccount } from './account';
import type { TimelineEvent } from './timeline';

export interface PacedProducerOptions {
  producer: ProducerPort;
  topic: string;
  partitions: number;
  account: SequenceAccount;
  /** Milliseconds since the lab started. */
  clock: () => number;
  onEvent: (event: TimelineEvent) => void;
  /** Called after every acknowledgement or refusal. */
  onProgress: () => void;
}

const TICK_MS = 100;
const AFTER_ERROR_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class PacedProducer {
  private rate = 0;
  private running = false;
  private loops: Promise<void>[] = [];
  /** Per partition: since when its sends fail, and how many failed. */
  private readonly blocked = new Map<number, { since: number; failedSends: number }>();

  constructor(private readonly o: PacedProducerOptions) {}

  /** Messages per second over all partitions; takes effect at the next tick. */
  setRate(rate: number): void {
    this.rate = Math.max(0, rate);
  }

  start(rate: number): void {
    this.setRate(rate);
    this.running = true;
    this.loops = Array.from({ length: this.o.partitions }, (_, p) => this.loop(p));
  }

  /** Stops pacing and waits for the sends in flight to be answered. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(partition: number): Promise<void> {
    let credit = 0;
    let last = Date.now();
    /** The messages of a refused send, sent again until acknowledged (see the top). */
    let refused: number[] | undefined;
    while (this.running) {
      const now = Date.now();
      credit = Math.min(credit + ((now - last) * this.rate) / this.o.partitions / 1000, Math.max(1, this.rate));
      last = now;
      const count = Math.floor(credit);
      if (!refused && count === 0) {
        await sleep(TICK_MS);
        continue;
      }
      if (!refused) credit -= count;
      const seqs = refused ?? this.o.account.take(count);
      const ok = await this.send(partition, seqs);
      refused = ok ? undefined : seqs;
      await sleep(ok ? TICK_MS : AFTER_ERROR_MS);
    }
  }

  private async send(partition: number, seqs: number[]): Promise<boolean> {
    const messages: PartitionedMessage[] = seqs.map((s) => ({ key: String(s), value: String(s), partition }));
    const started = this.o.clock();
    try {
      await this.o.producer.send(this.o.topic, messages);
      this.o.account.acknowledged(seqs);
      this.recovered(partition);
      return true;
    } catch (e) {
      this.o.account.failed(seqs);
      const atMs = this.o.clock();
      const blocked = this.blocked.get(partition) ?? { since: started, failedSends: 0 };
      blocked.failedSends++;
      this.blocked.set(partition, blocked);
      const error = errorKind(e);
      this.o.onEvent({
        kind: 'producer-error',
        atMs,
        partition,
        error,
        messages: seqs.length,
        waitedMs: atMs - started,
      });
      return false;
    } finally {
      this.o.onProgress();
    }
  }

  private recovered(partition: number): void {
    const blocked = this.blocked.get(partition);
    if (!blocked) return;
    this.blocked.delete(partition);
    const atMs = this.o.clock();
    const { failedSends } = blocked;
    this.o.onEvent({ kind: 'producer-recovered', atMs, partition, blockedMs: atMs - blocked.since, failedSends });
  }
}
