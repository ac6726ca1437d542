// Sets of line numbers kept as sorted, merged [from, to] ranges: what a produce run
// acknowledged, reported exactly and cheaply even for millions of lines.

export type LineRange = [number, number];

export class LineRangeSet {
  private ranges: LineRange[] = [];

  add(from: number, to: number): void {
    const r = this.ranges;
    const last = r[r.length - 1];
    // Fast paths: acks mostly arrive in file order.
    if (!last || from > last[1] + 1) {
      if (!last || from > last[1]) return void r.push([from, to]);
    }
    if (from >= last[0]) {
      last[1] = Math.max(last[1], to);
      return;
    }
    r.push([from, to]);
    r.sort((a, b) => a[0] - b[0]);
    const merged: LineRange[] = [];
    for (const range of r) {
      const top = merged[merged.length - 1];
      if (top && range[0] <= top[1] + 1) top[1] = Math.max(top[1], range[1]);
      else merged.push([range[0], range[1]]);
    }
    this.ranges = merged;
  }

  has(line: number): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = this.ranges[mid];
      if (line < from) hi = mid - 1;
      else if (line > to) lo = mid + 1;
      else return true;
    }
    return false;
  }

  toArray(): LineRange[] {
    return this.ranges.map(([a, b]) => [a, b]);
  }

  /** The first line >= `from` that is not in the set. */
  firstGapFrom(from: number): number {
    for (const [a, b] of this.ranges) if (from >= a && from <= b) return b + 1;
    return from;
  }
}

/** A growable bitmap of line numbers, for sets filled in arbitrary order. */
export class LineBitmap {
  private bits = new Uint8Array(1 << 16);
  size = 0;

  add(line: number): boolean {
    const byte = line >>> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, byte + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (line & 7);
    if (this.bits[byte] & mask) return false;
    this.bits[byte] |= mask;
    this.size++;
    return true;
  }

  has(line: number): boolean {
    const byte = line >>> 3;
    return byte < this.bits.length && (this.bits[byte] & (1 << (line & 7))) !== 0;
  }
}
