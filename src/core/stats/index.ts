// Streaming statistics: O(1) work per line, memory bounded by the number of distinct
// visitors, cheap snapshots. The same objects serve a file (`statsOfFile`, the CLI) and a
// live topic (feed `addLine` as messages arrive, call `snapshot()` whenever the view redraws).
import type { LogFormat } from '../logFormat';
import { detectFormat } from '../parse/detectFormat';
import { readLineBatches, readSampleLines } from '../parse/lineReader';
import { stripBomAndCr } from '../parse/lineText';
import { EventStats, JsonLinesStats, type EventsSnapshot, type JsonLinesSnapshot } from './eventStats';
import { LineStats, type BaseSnapshot } from './lineStats';
import { NginxStats, type NginxSnapshot } from './nginxStats';
import { WebStats, type WebSnapshot } from './webStats';

export type { BaseSnapshot, UnparsedSample } from './lineStats';
export type { WebSnapshot } from './webStats';
export type { NginxSnapshot } from './nginxStats';
export type { EventsSnapshot, JsonLinesSnapshot } from './eventStats';
export { SESSION_GAP_MS } from './nginxStats';
export { LOW_PRICE_BELOW, HIGH_PRICE_FROM } from './eventStats';
export { BoundedCounter } from './boundedCounter';
export { WebStats, NginxStats, EventStats, JsonLinesStats };

export interface RawSnapshot extends BaseSnapshot {
  format: 'raw';
}

/** Exactly the object `kafka-log-lab stats --json` prints. */
export type StatsSnapshot = WebSnapshot | NginxSnapshot | EventsSnapshot | JsonLinesSnapshot | RawSnapshot;

export interface LogStats {
  readonly format: LogFormat;
  /** Parses and counts one line (blank lines are not messages). */
  addLine(line: string, lineNumber?: number): void;
  snapshot(): StatsSnapshot;
}

/** Plain text: every non-blank line is a message, none names a visitor. */
class RawStats extends LineStats<string, RawSnapshot> {
  readonly format = 'raw' as const;

  protected parse(line: string): string {
    return stripBomAndCr(line);
  }

  protected count(): void {}

  snapshot(): RawSnapshot {
    return this.compose(0, {}) as RawSnapshot;
  }
}

export function createStats(format: 'web'): WebStats;
export function createStats(format: 'nginx'): NginxStats;
export function createStats(format: 'events'): EventStats;
export function createStats(format: LogFormat): LogStats;
export function createStats(format: LogFormat): LogStats {
  switch (format) {
    case 'web':
      return new WebStats();
    case 'nginx':
      return new NginxStats();
    case 'events':
      return new EventStats();
    case 'jsonl':
      return new JsonLinesStats();
    case 'raw':
      return new RawStats();
  }
}

export interface StatsOfFileOptions {
  signal?: AbortSignal;
  /** Called after each chunk of lines with the running statistics (for progress displays). */
  onBatch?: (stats: LogStats) => void;
}

/** Statistics of a whole file, read in streaming fashion; `auto` detects the format from its first lines. */
export async function statsOfFile(
  path: string,
  format: LogFormat | 'auto',
  options: StatsOfFileOptions = {},
): Promise<StatsSnapshot> {
  const resolved = format === 'auto' ? detectFormat(await readSampleLines(path)) : format;
  const stats = createStats(resolved);
  for await (const batch of readLineBatches(path, { signal: options.signal })) {
    const { lines, firstLineNumber } = batch;
    for (let i = 0; i < lines.length; i++) stats.addLine(lines[i], firstLineNumber + i);
    options.onBatch?.(stats);
  }
  if (options.signal?.aborted) throw new Error('statistics interrupted');
  return stats.snapshot();
}
