// Statistics over a stream of lines (a topic being read), with the engine's own statistics
// objects, so the numbers are exactly what `kafka-log-lab stats` prints for the same lines.
// With format `auto` the first lines are held back until the format is known, then replayed:
// when the sample is full, when the stream went quiet (a live view asks), or at the final
// snapshot (a bounded read). The CLI's `consume` and the dashboard both read through this.
import type { LogFormat } from '../logFormat';
import { detectFormat } from '../parse/detectFormat';
import { createStats, type LogStats, type StatsSnapshot } from './index';
import type { DurationHistogram } from './visitDurations';
import { WebStats } from './webStats';

export const DETECTION_SAMPLE = 20;
/** A live view decides the format once lines stopped arriving for this long. */
export const DETECTION_QUIET_MS = 1000;

export class StatsFeed {
  format: LogFormat | undefined;
  private stats: LogStats | undefined;
  private sample: string[] = [];
  private lastLineAt = 0;
  private lineNumber = 0;
  private changes = 0;

  constructor(
    format: LogFormat | 'auto' = 'auto',
    private readonly sampleSize = DETECTION_SAMPLE,
  ) {
    if (format !== 'auto') this.start(format);
  }

  /** `now` dates a held-back line for `detectIfQuiet` (a live view passes its clock). */
  add(line: string, now?: number): void {
    this.changes++;
    if (this.stats) {
      // Line numbers (in unparsed samples) are message numbers in reading order.
      this.stats.addLine(line, ++this.lineNumber);
      return;
    }
    this.sample.push(line);
    this.lastLineAt = now ?? Date.now();
    if (this.sample.length >= this.sampleSize) this.detect();
  }

  /** Decides the format when lines stopped arriving before the sample filled. True if it did. */
  detectIfQuiet(now = Date.now()): boolean {
    if (this.stats || this.sample.length === 0 || now - this.lastLineAt < DETECTION_QUIET_MS) return false;
    this.detect();
    return true;
  }

  /** Final statistics: detects the format from what arrived if fewer lines than the sample did. */
  snapshot(): StatsSnapshot {
    if (!this.stats) this.detect();
    return this.stats!.snapshot();
  }

  /** Statistics so far, without deciding the format early. */
  liveSnapshot(): StatsSnapshot | undefined {
    return this.stats?.snapshot();
  }

  /** Web sessions only: the closed-visit durations by bucket. */
  visitDurations(): DurationHistogram | undefined {
    return this.stats instanceof WebStats ? this.stats.visitDurations() : undefined;
  }

  /** Moves with every line and with the format decision: a live view redraws when it moved. */
  get revision(): number {
    return this.changes;
  }

  private detect(): void {
    const sample = this.sample;
    this.sample = [];
    this.changes++;
    this.start(detectFormat(sample.filter((l) => l.length > 0)));
    for (const line of sample) this.stats!.addLine(line, ++this.lineNumber);
  }

  private start(format: LogFormat): void {
    this.format = format;
    this.stats = createStats(format);
  }
}
