// Pacing for produce: `--rate N` (lines per second) and `--replay SPEEDUP` (lines sent at
// the pace of their own timestamps, sped up). Both sleep, never spin.

import { sleep } from '../util/sleep';

export interface Pacer {
  /** Waits until the next line may go; `timestampMs` is the line's own time (replay). */
  next(timestampMs?: number): Promise<void>;
}

export function ratePacer(linesPerSecond: number, signal?: AbortSignal, now = () => performance.now()): Pacer {
  const interval = 1000 / linesPerSecond;
  let due = now();
  return {
    async next() {
      const t = now();
      if (due < t - 1000) due = t; // do not burst to catch up after a stall
      due += interval;
      if (due - t > 1) await sleep(due - t, signal);
    },
  };
}

export function replayPacer(speedup: number, signal?: AbortSignal, now = () => performance.now()): Pacer {
  let firstEvent: number | undefined;
  let firstWall = 0;
  return {
    async next(timestampMs) {
      if (timestampMs === undefined || !Number.isFinite(timestampMs)) return;
      if (firstEvent === undefined) {
        firstEvent = timestampMs;
        firstWall = now();
        return;
      }
      const due = firstWall + (timestampMs - firstEvent) / speedup;
      const wait = due - now();
      if (wait > 1) await sleep(wait, signal);
    },
  };
}
