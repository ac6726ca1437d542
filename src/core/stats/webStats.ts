// Statistics of the web lab format (seed 000). A visitor's visit starts at their earliest
// event and ends at their `close` event (the latest one if there are several); visitors with
// a close are "closed", the others "vanished"; the average visit duration is over closed
// visits. Durations are kept in integer microseconds, so the average is exact; their
// distribution (`visitDurations`) is kept by the same rules for live views.
import { ownCopy } from '../parse/lineText';
import { parseWebLine, type WebRecord } from '../parse/webLine';
import { BoundedCounter } from './boundedCounter';
import { LineStats, round2, type BaseSnapshot } from './lineStats';
import { VisitDurations, type DurationHistogram } from './visitDurations';

export interface WebSnapshot extends BaseSnapshot {
  format: 'web';
  sessions: { closed: number; vanished: number; averageDurationSeconds: number };
  actions: Record<string, number>;
  pages: Record<string, number>;
}

interface Visit {
  firstUs: number;
  /** NaN until the visitor closes. */
  closeUs: number;
}

export class WebStats extends LineStats<WebRecord, WebSnapshot> {
  readonly format = 'web' as const;
  private readonly visits = new Map<string, Visit>();
  private readonly actions = new BoundedCounter();
  private readonly pages = new BoundedCounter();
  private closed = 0;
  private closedDurationUs = 0;
  private readonly durations = new VisitDurations();

  protected parse(line: string): WebRecord | undefined {
    return parseWebLine(line);
  }

  protected count(record: WebRecord): void {
    this.actions.add(record.action);
    this.pages.add(record.page);
    const us = Math.round(record.ts * 1000);
    let visit = this.visits.get(record.user_id);
    if (visit === undefined) {
      visit = { firstUs: us, closeUs: Number.NaN };
      this.visits.set(ownCopy(record.user_id), visit);
    } else if (us < visit.firstUs) {
      if (!Number.isNaN(visit.closeUs)) this.stretchClosed(visit.closeUs - visit.firstUs, visit.closeUs - us);
      visit.firstUs = us;
    }
    if (record.action !== 'close') return;
    if (Number.isNaN(visit.closeUs)) {
      visit.closeUs = us;
      this.closed++;
      this.closedDurationUs += us - visit.firstUs;
      this.durations.add(us - visit.firstUs);
    } else if (us > visit.closeUs) {
      this.stretchClosed(visit.closeUs - visit.firstUs, us - visit.firstUs);
      visit.closeUs = us;
    }
  }

  /** Closed-visit durations by bucket; adds up to `sessions.closed`. */
  visitDurations(): DurationHistogram {
    return this.durations.histogram();
  }

  private stretchClosed(beforeUs: number, afterUs: number): void {
    this.closedDurationUs += afterUs - beforeUs;
    this.durations.stretch(beforeUs, afterUs);
  }

  snapshot(): WebSnapshot {
    const visitors = this.visits.size;
    return this.compose(
      visitors,
      {
        sessions: {
          closed: this.closed,
          vanished: visitors - this.closed,
          averageDurationSeconds: this.closed === 0 ? 0 : round2(this.closedDurationUs / this.closed / 1_000_000),
        },
        actions: this.actions.toObject(),
        pages: this.pages.toObject(),
      },
      this.actions.approximate || this.pages.approximate,
    ) as WebSnapshot;
  }
}
