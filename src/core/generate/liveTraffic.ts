// Live traffic: a generator's session model run against the wall clock, appending each line to
// a file when it is due, so a tailer (`produce --follow`, Flume's `tail -F`) sees a log that
// grows like a real one. Visitors arrive without end at a rate chosen for the wanted lines per
// second; the rate can change while it runs, and it can pause (visits resume where they stood).
import fs from 'node:fs/promises';
import type { GeneratedFormat } from '../logFormat';
import type { LogGenerator } from './generator';
import { createGenerator } from './index';
import { countNewlines } from '../io/newlines';

/** Mean think time of live visitors: short, so the wanted rate is reached within seconds of the start. */
export const LIVE_THINK_SECONDS = 3;
export const LIVE_RATE_LIMITS = { min: 1, max: 10_000 } as const;
export const DEFAULT_LIVE_RATE = 5;
/** The longest the loop sleeps, so a rate change, pause or stop takes effect promptly. */
const MAX_WAIT_MS = 200;
/**
 * Traffic simulated before the first written line: visits are then already in progress, so the
 * log runs at the wanted rate from its first second instead of ramping up.
 */
const WARM_UP_MS = 30_000;
/** How often the arrival rate is corrected towards the wanted lines per second, and by how much at most. */
const CONTROL_PERIOD_MS = 2000;
const CONTROL_STEP = 0.1;
const CONTROL_WINDOW = 5;
/** The correction never takes arrivals beyond this factor of the calibrated rate, either way. */
const CONTROL_LIMIT = 3;

export interface LiveTrafficOptions {
  format: GeneratedFormat;
  file: string;
  linesPerSecond: number;
  seed: string;
  /** Rotate like logrotate (rename to FILE.1, start a new FILE) once the file reaches this size. */
  rotateBytes?: number;
  meanThinkSeconds?: number;
}

export interface LiveTrafficStatus {
  file: string;
  format: GeneratedFormat;
  linesPerSecond: number;
  paused: boolean;
  /** Lines appended since the start, over every rotated file. */
  lines: number;
  bytes: number;
  rotations: number;
}

export function checkLiveRate(rate: number): void {
  const { min, max } = LIVE_RATE_LIMITS;
  if (!(Number.isFinite(rate) && rate >= min && rate <= max))
    throw new RangeError(`the rate must be between ${min} and ${max} lines per second, got ${rate}`);
}

/**
 * Lines per second that one arrival per second yields once visits overlap as they do in live
 * traffic (after the warm-up): turns the wanted lines per second into an arrival rate.
 */
export function linesPerArrival(format: GeneratedFormat, seed: string, meanThinkSeconds: number): number {
  const arrivals = 20;
  const measureMs = 20_000;
  const generator = createGenerator({
    format,
    seed: `calibrate:${seed}`,
    startMs: 0,
    meanThinkSeconds,
    arrivalsPerSecond: arrivals,
  });
  generator.skipUntil(WARM_UP_MS);
  const lines = countNewlines(generator.linesUntil(WARM_UP_MS + measureMs));
  return lines / (measureMs / 1000) / arrivals;
}

export class LiveTraffic {
  private readonly generator: LogGenerator;
  private readonly perVisitor: number;
  private done: Promise<void> = Promise.resolve();
  private handle: fs.FileHandle | undefined;
  private rate: number;
  private pausedAt: number | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  /** The write in progress, if any. */
  private turn: Promise<void> = Promise.resolve();
  private failure: unknown;
  private lines = 0;
  private bytes = 0;
  private fileBytes = 0;
  private rotations = 0;
  private arrivals: number;
  /** Lines written at the end of each recent control period, newest last. */
  private readonly recentLines: number[] = [];
  private nextControlMs: number;

  private constructor(private readonly options: LiveTrafficOptions) {
    checkLiveRate(options.linesPerSecond);
    const think = options.meanThinkSeconds ?? LIVE_THINK_SECONDS;
    this.rate = options.linesPerSecond;
    this.perVisitor = linesPerArrival(options.format, options.seed, think);
    this.arrivals = this.rate / this.perVisitor;
    const now = Date.now();
    this.generator = createGenerator({
      format: options.format,
      seed: options.seed,
      startMs: now - WARM_UP_MS,
      meanThinkSeconds: think,
      arrivalsPerSecond: this.arrivals,
    });
    this.generator.skipUntil(now);
    this.nextControlMs = now + CONTROL_PERIOD_MS;
  }

  /** Starts appending to `options.file` (created when missing); rejects when the file cannot be opened. */
  static async start(options: LiveTrafficOptions): Promise<LiveTraffic> {
    const live = new LiveTraffic(options);
    await live.open();
    live.done = live.loop();
    return live;
  }

  setRate(linesPerSecond: number): void {
    checkLiveRate(linesPerSecond);
    this.rate = linesPerSecond;
    this.arrivals = linesPerSecond / this.perVisitor;
    this.generator.setArrivalsPerSecond(this.arrivals);
    this.recentLines.length = 0;
  }

  /** Resolves once a write in progress has finished: from then on, nothing is written until resume(). */
  async pause(): Promise<void> {
    this.pausedAt ??= Date.now();
    await this.turn;
  }

  resume(): void {
    if (this.pausedAt === undefined) return;
    this.generator.postpone(Date.now() - this.pausedAt);
    this.pausedAt = undefined;
    this.wake?.();
  }

  status(): LiveTrafficStatus {
    return {
      file: this.options.file,
      format: this.options.format,
      linesPerSecond: this.rate,
      paused: this.pausedAt !== undefined,
      lines: this.lines,
      bytes: this.bytes,
      rotations: this.rotations,
    };
  }

  /** Stops after the lines due so far are written; rejects with the write error if one ended it. */
  async stop(): Promise<LiveTrafficStatus> {
    this.stopped = true;
    this.wake?.();
    await this.done;
    if (this.failure) throw this.failure;
    return this.status();
  }

  /** Resolves once the loop has ended by itself (a write error) or by stop(). */
  get ended(): Promise<void> {
    return this.done;
  }

  private async open(): Promise<void> {
    this.handle = await fs.open(this.options.file, 'a');
    this.fileBytes = (await this.handle.stat()).size;
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && !this.failure) {
        if (this.pausedAt === undefined) await (this.turn = this.writeDue(Date.now()));
        this.control(Date.now());
        await this.sleep(this.waitMs());
      }
      if (this.pausedAt === undefined && !this.failure) await this.writeDue(Date.now());
    } catch (e) {
      this.failure = e;
    } finally {
      await this.handle?.close().catch(() => undefined);
    }
  }

  private async writeDue(now: number): Promise<void> {
    // Bounded per turn: a machine too busy to keep up still yields, so stop() and the editor stay responsive.
    const chunk = this.generator.linesUntil(now, Math.max(100, this.rate / 4));
    if (chunk.length === 0 || !this.handle) return;
    await this.handle.write(chunk);
    this.lines += countNewlines(chunk);
    this.bytes += chunk.length;
    this.fileBytes += chunk.length;
    const limit = this.options.rotateBytes;
    if (limit !== undefined && this.fileBytes >= limit) await this.rotate();
  }

  /**
   * Nudges the arrival rate so the lines per second measured over the last few periods meet the
   * wanted rate: returning visitors and the model's long tails otherwise make it drift.
   */
  private control(now: number): void {
    if (now < this.nextControlMs) return;
    this.nextControlMs = now + CONTROL_PERIOD_MS;
    if (this.pausedAt !== undefined) return;
    this.recentLines.push(this.lines);
    if (this.recentLines.length > CONTROL_WINDOW + 1) this.recentLines.shift();
    if (this.recentLines.length < 2) return;
    const periods = this.recentLines.length - 1;
    const measured = (this.lines - this.recentLines[0]) / ((periods * CONTROL_PERIOD_MS) / 1000);
    // A machine too busy to keep up would read as too few visitors: never add load then.
    const behind = (this.generator.nextEventMs() ?? now) < now - CONTROL_PERIOD_MS;
    const ratio = measured > 0 ? this.rate / measured : 1 + CONTROL_STEP;
    const step = Math.min(behind ? 1 : 1 + CONTROL_STEP, Math.max(1 - CONTROL_STEP, ratio));
    const calibrated = this.rate / this.perVisitor;
    this.arrivals = clamp(this.arrivals * step, calibrated / CONTROL_LIMIT, calibrated * CONTROL_LIMIT);
    this.generator.setArrivalsPerSecond(this.arrivals);
  }

  private async rotate(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    await fs.rename(this.options.file, `${this.options.file}.1`);
    this.handle = await fs.open(this.options.file, 'a');
    this.fileBytes = 0;
    this.rotations++;
  }

  private waitMs(): number {
    if (this.pausedAt !== undefined) return MAX_WAIT_MS;
    const next = this.generator.nextEventMs();
    if (next === undefined) return MAX_WAIT_MS;
    return Math.max(1, Math.min(MAX_WAIT_MS, next - Date.now()));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
