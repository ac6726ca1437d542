// Messages per second over a sliding window, and one point per second of history for the
// "messages/s over time" chart. Fed the running total on every tick; O(1) amortised.

export const RATE_WINDOW_MS = 1000;
export const HISTORY_POINTS = 300;

export class RateMeter {
  /** Recent [time, total] samples, oldest first, covering a little over one window. */
  private samples: Array<[number, number]> = [];
  private readonly points: Array<[number, number]> = [];
  private lastPointAt = -Infinity;

  record(now: number, total: number): void {
    const samples = this.samples;
    samples.push([now, total]);
    // Keep one sample at or before the window start, so the window is always fully covered.
    while (samples.length > 2 && samples[1][0] <= now - RATE_WINDOW_MS) samples.shift();
    if (now - this.lastPointAt >= 1000) {
      this.lastPointAt = now;
      this.points.push([now, this.perSecond()]);
      if (this.points.length > HISTORY_POINTS) this.points.shift();
    }
  }

  perSecond(): number {
    const samples = this.samples;
    if (samples.length < 2) return 0;
    const [t0, n0] = samples[0];
    const [t1, n1] = samples[samples.length - 1];
    return t1 > t0 ? Math.round(((n1 - n0) * 1000) / (t1 - t0)) : 0;
  }

  history(): Array<[number, number]> {
    return this.points.slice();
  }

  reset(): void {
    this.samples = [];
    this.points.length = 0;
    this.lastPointAt = -Infinity;
  }
}
