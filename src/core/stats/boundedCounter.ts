// Counts per name (status codes, pages, paths, ...) in bounded memory. Exact while there are
// at most `capacity` distinct names, which is always the case for generated logs. Past that
// (a scanner requesting a million random paths), it keeps the most frequent half and counts
// newcomers from the largest evicted count, as lossy counting does: the heavy hitters stay
// right and the totals are flagged approximate. Pruning is amortised O(1) per add.
import { ownCopy } from '../parse/lineText';

export class BoundedCounter {
  /** Boxed counts: incrementing a box takes one map lookup instead of a get and a set. */
  private readonly counts = new Map<string, { n: number }>();
  /** Largest count dropped by pruning: names that came (back) after it may be overstated by up to this much. */
  private floor = 0;

  constructor(private readonly capacity = 1000) {}

  add(name: string, by = 1): void {
    const box = this.counts.get(name);
    if (box !== undefined) {
      box.n += by;
      return;
    }
    if (this.counts.size >= this.capacity) this.prune();
    this.counts.set(ownCopy(name), { n: this.floor + by });
  }

  get approximate(): boolean {
    return this.floor > 0;
  }

  get size(): number {
    return this.counts.size;
  }

  /** `{name: count}`, most frequent first (JSON objects list integer-like keys in ascending order). */
  toObject(): Record<string, number> {
    return Object.fromEntries(this.entries().sort((a, b) => b[1] - a[1] || compare(a[0], b[0])));
  }

  /** The `n` most frequent names (ties by name), in one pass over the counts (no full sort). */
  top(n: number): Array<[string, number]> {
    const best: Array<[string, number]> = [];
    if (n <= 0) return best;
    for (const [name, box] of this.counts) {
      const entry: [string, number] = [name, box.n];
      if (best.length === n) {
        if (!ranksAbove(entry, best[n - 1])) continue;
        best.pop();
      }
      let i = best.length;
      best.push(entry);
      while (i > 0 && ranksAbove(entry, best[i - 1])) {
        best[i] = best[i - 1];
        i--;
      }
      best[i] = entry;
    }
    return best;
  }

  private prune(): void {
    const sorted = this.entries().sort((a, b) => b[1] - a[1]);
    const keep = Math.floor(this.capacity / 2);
    this.floor = Math.max(this.floor, sorted[keep][1]);
    this.counts.clear();
    for (let i = 0; i < keep; i++) this.counts.set(sorted[i][0], { n: sorted[i][1] });
  }

  private entries(): Array<[string, number]> {
    return Array.from(this.counts, ([name, box]): [string, number] => [name, box.n]);
  }
}

function ranksAbove(a: [string, number], b: [string, number]): boolean {
  return a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
