// A live view's bounded message buffer: the newest `capacity` messages, addressed by their
// arrival number (seq). Numbers live in typed arrays and texts in plain arrays, so a million
// messages cost their strings plus ~20 bytes each, with no object per message.

export interface BufferedMessage {
  seq: number;
  partition: number;
  offset: number;
  timestamp: number;
  key: string | null;
  value: string;
}

export class MessageRing {
  private partitions: Int32Array;
  private offsets: Float64Array;
  private timestamps: Float64Array;
  private keys: Array<string | null>;
  private values: string[];
  /** Seq of the oldest buffered message; `nextSeq` is the one the next push gets. */
  private first = 0;
  private next = 0;

  constructor(private cap: number) {
    if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`ring capacity must be a positive integer, got ${cap}`);
    this.partitions = new Int32Array(cap);
    this.offsets = new Float64Array(cap);
    this.timestamps = new Float64Array(cap);
    this.keys = new Array(cap).fill(null);
    this.values = new Array(cap).fill('');
  }

  get capacity(): number {
    return this.cap;
  }
  get size(): number {
    return this.next - this.first;
  }
  get firstSeq(): number {
    return this.first;
  }
  get nextSeq(): number {
    return this.next;
  }

  push(partition: number, offset: number, timestamp: number, key: string | null, value: string): number {
    const seq = this.next++;
    if (this.next - this.first > this.cap) this.first++;
    const slot = seq % this.cap;
    this.partitions[slot] = partition;
    this.offsets[slot] = offset;
    this.timestamps[slot] = timestamp;
    this.keys[slot] = key;
    this.values[slot] = value;
    return seq;
  }

  has(seq: number): boolean {
    return seq >= this.first && seq < this.next;
  }

  get(seq: number): BufferedMessage | undefined {
    if (!this.has(seq)) return undefined;
    const slot = seq % this.cap;
    return {
      seq,
      partition: this.partitions[slot],
      offset: this.offsets[slot],
      timestamp: this.timestamps[slot],
      key: this.keys[slot],
      value: this.values[slot],
    };
  }

  /** Copies a buffered message's fields into `target` (filters scan this way, allocation-free). */
  readInto(seq: number, target: Omit<BufferedMessage, 'seq'>): boolean {
    if (!this.has(seq)) return false;
    const slot = seq % this.cap;
    target.partition = this.partitions[slot];
    target.offset = this.offsets[slot];
    target.timestamp = this.timestamps[slot];
    target.key = this.keys[slot];
    target.value = this.values[slot];
    return true;
  }

  /** Drops every message; numbering continues, so earlier seqs never come back. */
  clear(): void {
    const cap = this.cap;
    this.first = this.next;
    this.keys = new Array(cap).fill(null);
    this.values = new Array(cap).fill('');
  }

  /** A new capacity, keeping the newest messages that fit (and their seqs). */
  resize(capacity: number): void {
    if (capacity === this.cap) return;
    const keep = Math.min(this.size, capacity);
    const from = this.next - keep;
    const kept = Array.from({ length: keep }, (_, i) => this.get(from + i)!);
    const next = this.next;
    this.cap = capacity;
    this.partitions = new Int32Array(capacity);
    this.offsets = new Float64Array(capacity);
    this.timestamps = new Float64Array(capacity);
    this.keys = new Array(capacity).fill(null);
    this.values = new Array(capacity).fill('');
    this.first = this.next = from;
    for (const m of kept) this.push(m.partition, m.offset, m.timestamp, m.key, m.value);
    this.next = next;
  }
}
