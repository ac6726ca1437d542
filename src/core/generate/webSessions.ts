// Web session logs in the lab's own line format (seed 000):
//   1 -- Timestamp : 2025-10-16 21:16:47.779100 - User_id : a0aa0dd0 -- Action : go_to -- Page : home
// The seed's behaviour model, made more realistic: visitors arrive on a one-second step
// clock (probability 0.3 per step until 70% have arrived, then 0.1), each visitor makes one
// visit of 3 to 8 events that starts with go_to/home, 85% of visits end with `close` and the
// rest vanish, visits overlap, and the pages follow the transition model in webNavigation.ts
// with think times of seconds to minutes. Time runs in integer microseconds.
import { EventQueue, type Scheduled } from './eventQueue';
import {
  ChunkedGenerator,
  checkArrivalRate,
  DEFAULT_THINK_SECONDS,
  round2,
  visitorLimit,
  type GeneratedCounts,
  type GeneratorOptions,
} from './generator';
import { EncodedTexts } from './encodedText';
import { DecimalCounter } from './decimalCounter';
import { writeHexWord } from './ids';
import { SeededRandom, permute32 } from './random';
import { WebTimestampFormatter } from './timeText';
import { navigate, startNavigation, type NavigationState } from './webNavigation';

export const MIN_EVENTS_PER_VISIT = 3;
export const MAX_EVENTS_PER_VISIT = 8;
export const CLOSE_SHARE = 0.85;
const MEAN_EVENTS_PER_VISIT = (MIN_EVENTS_PER_VISIT + MAX_EVENTS_PER_VISIT) / 2;
const STEP_US = 1_000_000;
const MIN_THINK_US = 1_000_000;
const MAX_THINK_US = 15 * 60 * 1_000_000;
const TIMESTAMP_LABEL = Buffer.from(' -- Timestamp : ');
const USER_LABEL = ' - User_id : ';
/** The label and the timestamp, at most. */
const TIMESTAMP_BYTES = TIMESTAMP_LABEL.length + 26;

interface WebVisitor extends Scheduled, NavigationState {
  /** ` - User_id : <eight hex digits>`, encoded once per visitor. */
  userBytes: Uint8Array;
  arrivalUs: number;
  eventsLeft: number;
  willClose: boolean;
}

export class WebSessionGenerator extends ChunkedGenerator {
  readonly format = 'web' as const;
  private readonly random: SeededRandom;
  private readonly formatter = new WebTimestampFormatter(TIMESTAMP_LABEL);
  private readonly lineNumbers = new DecimalCounter();
  // Actions and pages are a small fixed set: each pair with its labels is encoded once.
  private readonly steps = new Map<string, EncodedTexts>();
  private readonly queue = new EventQueue<WebVisitor>();
  private readonly maxVisitors: number;
  /** The visitor count the 70% arrival rule refers to. */
  private readonly expectedVisitors: number;
  private readonly meanThinkUs: number;
  private readonly idSalt: number;
  private readonly startUs: number;
  private arrivalStep = 0;
  private nextArrivalUs: number;
  private visitors = 0;
  /** Lines written plus the lines already promised to visits in progress. */
  private committedLines = 0;
  private closed = 0;
  private closedDurationUs = 0;
  private lastUs: number;
  /** Live traffic: mean time between arrivals (a Poisson process instead of the step clock). */
  private liveArrivalUs: number | undefined;

  constructor(options: GeneratorOptions) {
    super(options);
    this.random = new SeededRandom(`web:${options.seed}`);
    this.maxVisitors = visitorLimit(options);
    if (options.arrivalsPerSecond !== undefined) this.liveArrivalUs = 1_000_000 / options.arrivalsPerSecond;
    this.expectedVisitors = Number.isFinite(this.maxVisitors)
      ? this.maxVisitors
      : Math.ceil((options.lines ?? 0) / MEAN_EVENTS_PER_VISIT);
    this.meanThinkUs = (options.meanThinkSeconds ?? DEFAULT_THINK_SECONDS) * 1_000_000;
    this.idSalt = this.random.uint32();
    this.startUs = Math.round(options.startMs) * 1000;
    this.nextArrivalUs = this.startUs; // the first visitor arrives at the start time
    this.lastUs = this.startUs;
  }

  protected emitNext(): boolean {
    const arrivalDue = this.arrivalsOpen() && this.nextArrivalUs <= this.queue.peekTime();
    if (arrivalDue) {
      this.arrive();
      return true;
    }
    const visitor = this.queue.pop();
    if (!visitor) return false;
    this.act(visitor);
    return true;
  }

  private arrivalsOpen(): boolean {
    return this.visitors < this.maxVisitors && this.committedLines < this.lineCap;
  }

  private arrive(): void {
    const random = this.random;
    const index = this.visitors++;
    let events = random.between(MIN_EVENTS_PER_VISIT, MAX_EVENTS_PER_VISIT);
    events = this.fitToLineCap(events);
    this.committedLines += events;
    const visitor: WebVisitor = {
      time: this.nextArrivalUs,
      order: 0,
      userBytes: userBytesOf(permute32((index ^ this.idSalt) >>> 0)),
      arrivalUs: this.nextArrivalUs,
      eventsLeft: events,
      willClose: random.chance(CLOSE_SHARE),
      page: 'home',
      loggedIn: false,
      cartItems: 0,
      paid: false,
    };
    this.scheduleNextArrival();
    this.write(visitor, startNavigation(visitor, random));
    this.continueVisit(visitor);
  }

  /** With --lines, shortens the last visits so the file ends exactly at the cap, never below 3 events. */
  private fitToLineCap(events: number): number {
    const room = this.lineCap - this.committedLines;
    if (room <= MAX_EVENTS_PER_VISIT) return room; // the final visit takes the rest
    if (room - events < MIN_EVENTS_PER_VISIT) return room - MIN_EVENTS_PER_VISIT;
    return events;
  }

  private scheduleNextArrival(): void {
    if (this.liveArrivalUs !== undefined) {
      this.nextArrivalUs += Math.floor(this.random.exponential(this.liveArrivalUs));
      return;
    }
    const p = this.visitors < this.expectedVisitors * 0.7 ? 0.3 : 0.1;
    // Steps until the next successful arrival draw: one geometric draw replaces a draw per step.
    this.arrivalStep += 1 + this.random.geometric(p);
    this.nextArrivalUs = this.startUs + this.arrivalStep * STEP_US + this.random.int(STEP_US);
  }

  protected pendingEventMs(): number | undefined {
    const visit = this.queue.peek()?.time ?? Number.POSITIVE_INFINITY;
    const next = Math.min(visit, this.arrivalsOpen() ? this.nextArrivalUs : Number.POSITIVE_INFINITY);
    return Number.isFinite(next) ? next / 1000 : undefined;
  }

  setArrivalsPerSecond(rate: number): void {
    checkArrivalRate(rate);
    this.liveArrivalUs = 1_000_000 / rate;
  }

  postpone(ms: number): void {
    const delta = Math.round(ms * 1000);
    this.queue.shift(delta);
    this.nextArrivalUs += delta;
  }

  private act(visitor: WebVisitor): void {
    const closing = visitor.eventsLeft === 1 && visitor.willClose;
    if (closing) {
      this.closed++;
      this.closedDurationUs += visitor.time - visitor.arrivalUs;
      this.write(visitor, 'close');
    } else {
      this.write(visitor, navigate(visitor, this.random));
    }
    this.continueVisit(visitor);
  }

  private continueVisit(visitor: WebVisitor): void {
    visitor.eventsLeft--;
    if (visitor.eventsLeft <= 0) return;
    const think = MIN_THINK_US + Math.floor(this.random.exponential(this.meanThinkUs - MIN_THINK_US));
    visitor.time += Math.min(think, MAX_THINK_US);
    this.queue.push(visitor);
  }

  private write(visitor: WebVisitor, action: string): void {
    this.lastUs = visitor.time;
    this.writeFormatted(16, this.lineNumbers, this.linesWritten + 1);
    this.writeFormatted(TIMESTAMP_BYTES, this.formatter, visitor.time);
    this.writeEncoded(visitor.userBytes);
    this.writeEncoded(this.stepBytes(action, visitor.page));
    this.endLine();
  }

  /** ` -- Action : <action> -- Page : <page>`, encoded once per pair. */
  private stepBytes(action: string, page: string): Uint8Array {
    let pages = this.steps.get(action);
    if (pages === undefined) this.steps.set(action, (pages = new EncodedTexts(` -- Action : ${action} -- Page : `)));
    return pages.get(page);
  }

  counts(): GeneratedCounts {
    return {
      lines: this.linesWritten,
      visitors: this.visitors,
      endMs: this.lastUs / 1000,
      sessions: {
        closed: this.closed,
        vanished: this.visitors - this.closed,
        averageDurationSeconds: this.closed === 0 ? 0 : round2(this.closedDurationUs / this.closed / 1_000_000),
      },
    };
  }
}

const USER_TEMPLATE = Buffer.from(`${USER_LABEL}00000000`, 'latin1');

/** ` - User_id : ` and the id's eight hex digits. */
function userBytesOf(word: number): Uint8Array {
  const bytes = new Uint8Array(USER_TEMPLATE.length);
  bytes.set(USER_TEMPLATE);
  writeHexWord(bytes, USER_LABEL.length, word, 8);
  return bytes;
}
