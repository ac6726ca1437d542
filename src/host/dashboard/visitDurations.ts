// The distribution of closed-visit durations for web sessions, kept by the same rules as the
// engine's WebStats (a visit runs from the visitor's earliest event to their latest `close`),
// so the histogram always adds up to the "closed" count. O(1) per record: when a visit
// stretches, its duration moves from one bucket to another.
import type { WebRecord } from '../../core/parse';
import type { Histogram } from '../../shared/protocol';

/** Bucket upper bounds in seconds; the last bucket holds everything longer. */
export const VISIT_DURATION_EDGES = [30, 60, 120, 300, 600, 1800, 3600, 7200, 14400];

interface Visit {
  firstUs: number;
  /** NaN until the visitor closes. */
  closeUs: number;
}

export class VisitDurations {
  private readonly visits = new Map<string, Visit>();
  private readonly counts = new Array<number>(VISIT_DURATION_EDGES.length + 1).fill(0);

  add(record: WebRecord): void {
    const us = Math.round(record.ts * 1000);
    let visit = this.visits.get(record.user_id);
    if (visit === undefined) {
      visit = { firstUs: us, closeUs: Number.NaN };
      this.visits.set(record.user_id, visit);
    } else if (us < visit.firstUs) {
      this.move(visit, () => (visit!.firstUs = us));
    }
    if (record.action !== 'close') return;
    if (Number.isNaN(visit.closeUs)) {
      visit.closeUs = us;
      this.counts[bucketOf(visit)]++;
    } else if (us > visit.closeUs) {
      this.move(visit, () => (visit!.closeUs = us));
    }
  }

  histogram(): Histogram {
    return { edgesSeconds: [...VISIT_DURATION_EDGES], counts: [...this.counts] };
  }

  private move(visit: Visit, change: () => void): void {
    const closed = !Number.isNaN(visit.closeUs);
    if (closed) this.counts[bucketOf(visit)]--;
    change();
    if (closed) this.counts[bucketOf(visit)]++;
  }
}

function bucketOf(visit: Visit): number {
  const seconds = (visit.closeUs - visit.firstUs) / 1_000_000;
  let i = 0;
  while (i < VISIT_DURATION_EDGES.length && seconds > VISIT_DURATION_EDGES[i]) i++;
  return i;
}
