// Live statistics for the dashboard: the engine's own statistics objects (so the numbers are
// exactly what `kafka-log-lab stats` prints for the same lines) plus the web visit-duration
// histogram, parsing each web line once for both. With format `auto` the first lines are held
// back until the format is known (enough lines, or a quiet second), then replayed.
import type { LogFormat } from '../../core/logFormat';
import { detectFormat, parseWebLine } from '../../core/parse';
import { createStats, type LogStats, type StatsSnapshot, type WebStats } from '../../core/stats';
import type { Histogram } from '../../shared/protocol';
import { VisitDurations } from './visitDurations';

export const DETECTION_LINES = 20;
export const DETECTION_QUIET_MS = 1000;

export class LiveStatsFeed {
  format: LogFormat | undefined;
  private stats: LogStats | undefined;
  private web: WebStats | undefined;
  private visits: VisitDurations | undefined;
  private sample: string[] = [];
  private lastLineAt = 0;
  private lineNumber = 0;
  /** Lines counted since the last snapshot (a snapshot is only rebuilt when something changed). */
  private dirty = true;

  constructor(format: LogFormat | 'auto') {
    if (format !== 'auto') this.start(format);
  }

  add(line: string, now = Date.now()): void {
    this.dirty = true;
    if (this.stats) this.count(line);
    else {
      this.sample.push(line);
      this.lastLineAt = now;
      if (this.sample.length >= DETECTION_LINES) this.detect();
    }
  }

  /** Decides the format when lines stopped arriving before the sample filled. True if it did. */
  detectIfQuiet(now = Date.now()): boolean {
    if (this.stats || this.sample.length === 0 || now - this.lastLineAt < DETECTION_QUIET_MS) return false;
    this.detect();
    return true;
  }

  get changed(): boolean {
    return this.dirty;
  }

  snapshot(): StatsSnapshot | undefined {
    this.dirty = false;
    return this.stats?.snapshot();
  }

  visitDurations(): Histogram | undefined {
    return this.visits?.histogram();
  }

  private count(line: string): void {
    const web = this.web;
    if (web === undefined) {
      this.stats!.addLine(line, ++this.lineNumber);
      return;
    }
    const record = parseWebLine(line);
    if (record === undefined) {
      web.addLine(line, ++this.lineNumber); // blank or unparsed: the engine decides which
      return;
    }
    ++this.lineNumber;
    web.addRecord(record);
    this.visits!.add(record);
  }

  private detect(): void {
    const sample = this.sample;
    this.sample = [];
    this.start(detectFormat(sample.filter((l) => l.length > 0)));
    for (const line of sample) this.count(line);
  }

  private start(format: LogFormat): void {
    this.format = format;
    this.stats = createStats(format);
    if (format === 'web') {
      this.web = this.stats as WebStats;
      this.visits = new VisitDurations();
    }
  }
}
