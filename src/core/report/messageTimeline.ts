// Messages over time by their Kafka record timestamps, for the "messages/s over time" chart.
// Counts per time bucket with bounded memory: when too many buckets are in use the buckets
// double in width (counts merge), so any spread of timestamps, hostile ones included, stays small.

export const MAX_LIVE_BUCKETS = 4096;
export const MAX_BARS = 30;

const NICE_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400];

export interface MessageTimeline {
  /** Epoch ms of the first bar's start. */
  startMs: number;
  bucketSeconds: number;
  /** Messages per bar. */
  counts: number[];
  /** Messages without a usable timestamp (negative or not a number). */
  untimed: number;
}

export class TimelineCounter {
  private widthMs = 1000;
  private buckets = new Map<number, number>();
  private untimed = 0;

  add(timestampMs: number): void {
    if (!Number.isFinite(timestampMs) || timestampMs < 0) {
      this.untimed++;
      return;
    }
    const key = Math.floor(timestampMs / this.widthMs);
    this.buckets.set(key, (this.buckets.get(key) ?? 0) + 1);
    if (this.buckets.size > MAX_LIVE_BUCKETS) this.widen();
  }

  /** At most MAX_BARS bars of a "nice" width covering the first to the last message. */
  timeline(): MessageTimeline {
    if (this.buckets.size === 0) return { startMs: 0, bucketSeconds: 1, counts: [], untimed: this.untimed };
    const keys = [...this.buckets.keys()];
    const first = Math.min(...keys) * this.widthMs;
    const last = Math.max(...keys) * this.widthMs;
    const spanSeconds = (last - first) / 1000 + this.widthMs / 1000;
    const bucketSeconds = niceWidth(spanSeconds, this.widthMs / 1000);
    const barMs = bucketSeconds * 1000;
    const startMs = Math.floor(first / barMs) * barMs;
    const counts = new Array<number>(Math.floor((last - startMs) / barMs) + 1).fill(0);
    for (const [key, n] of this.buckets) counts[Math.floor((key * this.widthMs - startMs) / barMs)] += n;
    return { startMs, bucketSeconds, counts, untimed: this.untimed };
  }

  private widen(): void {
    const merged = new Map<number, number>();
    for (const [key, n] of this.buckets) {
      const wider = Math.floor(key / 2);
      merged.set(wider, (merged.get(wider) ?? 0) + n);
    }
    this.widthMs *= 2;
    this.buckets = merged;
  }
}

/** The smallest nice width (a multiple of the kept width) that shows the span in MAX_BARS bars. */
export function niceWidth(spanSeconds: number, minSeconds = 1): number {
  const needed = Math.max(spanSeconds / MAX_BARS, minSeconds);
  const nice = NICE_SECONDS.find((s) => s >= needed && s % minSeconds === 0);
  if (nice !== undefined) return nice;
  const days = Math.ceil(needed / 86400);
  const width = days * 86400;
  return width % minSeconds === 0 ? width : Math.ceil(needed / minSeconds) * minSeconds;
}
