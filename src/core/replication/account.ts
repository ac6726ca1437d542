// The replication lab's final account, from sequence numbers alone: what the producer was told
// (acknowledged or refused) against what an independent consumer read back.

export interface ReplicationAccount {
  /** Messages handed to the producer. */
  sent: number;
  /** Acknowledged by the cluster with the chosen acks. */
  acknowledged: number;
  /** Refused or timed out: the producer reported an error for them. */
  failed: number;
  /** Records read, duplicates included. */
  consumed: number;
  /** Different sequence numbers read. */
  distinctConsumed: number;
  /**
   * Acknowledged, never read by the consumer, and not in the topic when it was read again from
   * the beginning to its end: the number a lab about durability is about.
   */
  lostAcknowledged: number;
  /** Acknowledged, not read by the consumer in time, but found in the topic by the second read. */
  foundOnReread: number;
  /** The first lost sequence numbers (at most 20), to look them up. */
  lostSample: number[];
  /** Extra reads of a sequence number already read. */
  duplicates: number;
  /** Reported failed, yet read: written before the error reached the producer. */
  deliveredDespiteError: number;
  /** Runs of sequence numbers below the highest one read that were never read. */
  gaps: number;
}

const SAMPLE = 20;

/** Sequence numbers are 0, 1, 2… in the order they are handed to the producer. */
export class SequenceAccount {
  private next = 0;
  private readonly outcome: Array<'pending' | 'acked' | 'failed'> = [];
  private readonly reads = new Map<number, number>();
  private consumedTotal = 0;
  private highestRead = -1;
  private readonly reread = new Set<number>();

  /** The next `count` sequence numbers, marked sent. */
  take(count: number): number[] {
    const seqs = Array.from({ length: count }, (_, i) => this.next + i);
    for (const _ of seqs) this.outcome.push('pending');
    this.next += count;
    return seqs;
  }

  acknowledged(seqs: number[]): void {
    for (const s of seqs) this.outcome[s] = 'acked';
  }

  failed(seqs: number[]): void {
    for (const s of seqs) if (this.outcome[s] === 'pending') this.outcome[s] = 'failed';
  }

  /** A read of `seq` by the independent consumer (anything not from this run is ignored). */
  consumed(seq: number): void {
    if (!Number.isInteger(seq) || seq < 0 || seq >= this.next) return;
    this.consumedTotal++;
    this.reads.set(seq, (this.reads.get(seq) ?? 0) + 1);
    if (seq > this.highestRead) this.highestRead = seq;
  }

  /** `seq` is in the topic, as a second read from the beginning found (not a read of the consumer). */
  foundInTopic(seq: number): void {
    if (Number.isInteger(seq) && seq >= 0 && seq < this.next) this.reread.add(seq);
  }

  /** True when every acknowledged message has been read at least once. */
  allAcknowledgedRead(): boolean {
    return this.outcome.every((o, s) => o !== 'acked' || this.reads.has(s));
  }

  snapshot(): ReplicationAccount {
    const lost: number[] = [];
    let foundOnReread = 0;
    let acknowledged = 0;
    let failed = 0;
    let deliveredDespiteError = 0;
    this.outcome.forEach((o, s) => {
      if (o === 'acked') acknowledged++;
      if (o === 'acked' && !this.reads.has(s)) {
        if (this.reread.has(s)) foundOnReread++;
        else lost.push(s);
      }
      if (o === 'failed') failed++;
      if (o === 'failed' && this.reads.has(s)) deliveredDespiteError++;
    });
    let duplicates = 0;
    for (const n of this.reads.values()) duplicates += n - 1;
    return {
      sent: this.next,
      acknowledged,
      failed,
      consumed: this.consumedTotal,
      distinctConsumed: this.reads.size,
      lostAcknowledged: lost.length,
      lostSample: lost.slice(0, SAMPLE),
      foundOnReread,
      duplicates,
      deliveredDespiteError,
      gaps: this.gapCount(),
    };
  }

  private gapCount(): number {
    let gaps = 0;
    for (let s = 0; s < this.highestRead; s++) if (!this.reads.has(s) && this.reads.has(s + 1)) gaps++;
    return gaps;
  }
}
