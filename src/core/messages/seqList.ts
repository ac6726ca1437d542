// The seqs of the messages a filter matched, oldest first, in a growable typed array that
// drops from the front as the ring buffer forgets messages. A dropped entry's position is
// never reused, so a view's scroll position stays on the same rows.
export class SeqList {
  private items = new Float64Array(1024);
  private head = 0;
  private tail = 0;
  /** Entries dropped from the front so far: the position of the first kept entry. */
  private dropped = 0;

  get base(): number {
    return this.dropped;
  }
  get count(): number {
    return this.tail - this.head;
  }

  push(seq: number): void {
    if (this.tail === this.items.length) this.makeRoom();
    this.items[this.tail++] = seq;
  }

  /** The seq at an absolute position, if that entry is still kept. */
  at(position: number): number | undefined {
    const index = position - this.dropped;
    return index >= 0 && index < this.count ? this.items[this.head + index] : undefined;
  }

  /** Drops entries for messages older than `firstSeq` (gone from the ring buffer). */
  dropBefore(firstSeq: number): void {
    // Seqs are increasing: binary search for the first kept one.
    let lo = this.head;
    let hi = this.tail;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid] < firstSeq) lo = mid + 1;
      else hi = mid;
    }
    this.dropped += lo - this.head;
    this.head = lo;
  }

  private makeRoom(): void {
    const count = this.count;
    // Compact when at least half is dropped space; otherwise grow.
    if (count * 2 <= this.items.length) {
      this.items.copyWithin(0, this.head, this.tail);
    } else {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items.subarray(this.head, this.tail));
      this.items = grown;
    }
    this.head = 0;
    this.tail = count;
  }
}
