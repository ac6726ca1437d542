// The distribution of closed-visit durations of web sessions, for the dashboard's histogram.
// WebStats keeps it by its own visit rules (a visit runs from the visitor's earliest event to
// their latest `close`), moving a visit between buckets when it stretches, so the histogram
// always adds up to the "closed" count.

/** Bucket upper bounds in seconds; the last bucket holds everything longer. */
export const VISIT_DURATION_EDGES = [30, 60, 120, 300, 600, 1800, 3600, 7200, 14400];

export interface DurationHistogram {
  /** Upper bounds of the buckets in seconds; the last bucket is open-ended. */
  edgesSeconds: number[];
  counts: number[];
}

export class VisitDurations {
  private readonly counts = new Array<number>(VISIT_DURATION_EDGES.length + 1).fill(0);

  add(durationUs: number): void {
    this.counts[bucketOf(durationUs)]++;
  }

  /** A closed visit got longer (an earlier event, a later close). */
  stretch(beforeUs: number, afterUs: number): void {
    this.counts[bucketOf(beforeUs)]--;
    this.counts[bucketOf(afterUs)]++;
  }

  histogram(): DurationHistogram {
    return { edgesSeconds: [...VISIT_DURATION_EDGES], counts: [...this.counts] };
  }
}

function bucketOf(durationUs: number): number {
  const seconds = durationUs / 1_000_000;
  let i = 0;
  while (i < VISIT_DURATION_EDGES.length && seconds > VISIT_DURATION_EDGES[i]) i++;
  return i;
}
