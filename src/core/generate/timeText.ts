// Timestamp text for the generators without Date/Intl work per line: the date part is
// formatted once per day and cached, the time of day is assembled from lookup tables.
// All timestamps are UTC.
import { copyBytes } from './byteCopy';

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const UTC_ZONE = Buffer.from(' +0000', 'latin1');
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** "HH:MM:SS" for a number of whole seconds since midnight. */
function clockText(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const rest = secondOfDay - h * 3600;
  const m = Math.floor(rest / 60);
  return PAD2[h] + ':' + PAD2[m] + ':' + PAD2[rest - m * 60];
}

/** The two digits of 00..99 side by side: two digits cost one lookup instead of two divisions. */
const DIGIT_PAIRS = Buffer.from(PAD2.join(''), 'latin1');

/** Writes `value` (0..99) as two digits. */
function writePair(target: Uint8Array, offset: number, value: number): number {
  const at = value * 2;
  target[offset] = DIGIT_PAIRS[at];
  target[offset + 1] = DIGIT_PAIRS[at + 1];
  return offset + 2;
}

/** Writes `HH:MM:SS` for a number of whole seconds since midnight. */
function writeClock(target: Uint8Array, offset: number, secondOfDay: number): number {
  const h = Math.floor(secondOfDay / 3600);
  const rest = secondOfDay - h * 3600;
  const m = Math.floor(rest / 60);
  offset = writePair(target, offset, h);
  target[offset++] = 58; // ':'
  offset = writePair(target, offset, m);
  target[offset++] = 58;
  return writePair(target, offset, rest - m * 60);
}

/** Writes `value` (0..999999) as six digits. */
function writeSixDigits(target: Uint8Array, offset: number, value: number): number {
  const high = Math.floor(value / 10_000);
  const rest = value - high * 10_000;
  const middle = Math.floor(rest / 100);
  offset = writePair(target, offset, high);
  offset = writePair(target, offset, middle);
  return writePair(target, offset, rest - middle * 100);
}

/** Writes `value` (0 <= value < 10^digits) as exactly `digits` decimal digits. */
function writeFixedDigits(target: Uint8Array, offset: number, value: number, digits: number): number {
  for (let at = offset + digits - 1; at >= offset; at--) {
    const rest = Math.floor(value / 10);
    target[at] = 48 + value - rest * 10;
    value = rest;
  }
  return offset + digits;
}

/**
 * Formats instants whose date part changes rarely, recomputing that part only on a new day.
 * `label`: fixed text the `write` paths put before every timestamp, kept with the date so
 * that the two are one copy.
 */
abstract class DailyCachedFormatter {
  /** Days since the epoch of the last formatted instant. */
  protected day = Number.NaN;
  private dayText = '';
  /** The label and `dayText`, encoded, for the `write` methods. */
  protected labelledDay = new Uint8Array(0);

  constructor(protected readonly label: Uint8Array = new Uint8Array(0)) {}

  /** The cached date text for `ms`, updating `this.day`. */
  protected datePart(ms: number): string {
    const day = Math.floor(ms / MS_PER_DAY);
    if (day !== this.day) {
      this.day = day;
      this.dayText = this.formatDay(new Date(day * MS_PER_DAY));
      this.labelledDay = Buffer.concat([this.label, Buffer.from(this.dayText, 'latin1')]);
    }
    return this.dayText;
  }

  protected abstract formatDay(midnight: Date): string;
}

/**
 * A daily cached formatter that also keeps the text up to the seconds of the last second
 * written: when many lines share a second, only what follows it is written anew.
 */
abstract class SecondCachedFormatter extends DailyCachedFormatter {
  private cachedSecond = Number.NaN;
  private readonly secondBytes = new Uint8Array(64);
  /** The label and the text of the cached second: the start of `secondBytes`. */
  private cachedText = new Uint8Array(0);

  /** Copies the label and the cached text of epoch second `second`; returns the offset after them. */
  protected copySecond(target: Uint8Array, offset: number, second: number): number {
    if (second !== this.cachedSecond) {
      this.cachedSecond = second;
      this.datePart(second * 1000);
      const at = writeClock(
        this.secondBytes,
        copyBytes(this.secondBytes, 0, this.labelledDay),
        second - this.day * 86_400,
      );
      const length = this.endSecond(this.secondBytes, at);
      // The same length second after second: the view is made again only when it changes.
      if (length !== this.cachedText.length) this.cachedText = this.secondBytes.subarray(0, length);
    }
    return copyBytes(target, offset, this.cachedText);
  }

  /** Writes what follows `HH:MM:SS` in every instant of a second; returns the offset after it. */
  protected abstract endSecond(target: Uint8Array, offset: number): number;
}

/** Web lab format: `2025-10-16 21:16:47.779100` from epoch microseconds. */
export class WebTimestampFormatter extends DailyCachedFormatter {
  format(micros: number): string {
    const ms = Math.floor(micros / 1000);
    const text = this.datePart(ms);
    const microOfDay = micros - this.day * MS_PER_DAY * 1000;
    const second = Math.floor(microOfDay / 1_000_000);
    const fraction = microOfDay - second * 1_000_000;
    const milli = Math.floor(fraction / 1000);
    return text + clockText(second) + '.' + PAD3[milli] + PAD3[fraction - milli * 1000];
  }

  /**
   * The label and `format(micros)` as ASCII bytes at `offset` (26 after the label); returns the
   * offset after them. Visits spread over days, so nearly every line has a second of its own:
   * the clock is written each time, with no per-second cache to fill and copy.
   */
  write(target: Uint8Array, offset: number, micros: number): number {
    const second = Math.floor(micros / 1_000_000);
    this.datePart(second * 1000);
    offset = writeClock(target, copyBytes(target, offset, this.labelledDay), second - this.day * 86_400);
    target[offset++] = 46; // '.'
    return writeSixDigits(target, offset, micros - second * 1_000_000);
  }

  protected formatDay(midnight: Date): string {
    return midnight.toISOString().slice(0, 10) + ' ';
  }
}

/** Nginx `$time_local` in UTC: `16/Oct/2025:21:16:47 +0000` from epoch seconds. */
export class NginxTimestampFormatter extends SecondCachedFormatter {
  format(seconds: number): string {
    const text = this.datePart(seconds * 1000);
    return text + clockText(seconds - this.day * 86_400) + ' +0000';
  }

  /** The label and `format(seconds)` as ASCII bytes at `offset` (26 after the label); returns the offset after them. */
  write(target: Uint8Array, offset: number, seconds: number): number {
    return this.copySecond(target, offset, seconds);
  }

  /** The zone: the timestamp has no finer unit than the second. */
  protected endSecond(target: Uint8Array, offset: number): number {
    return copyBytes(target, offset, UTC_ZONE);
  }

  protected formatDay(midnight: Date): string {
    return PAD2[midnight.getUTCDate()] + '/' + MONTHS[midnight.getUTCMonth()] + '/' + midnight.getUTCFullYear() + ':';
  }
}

/** ISO 8601 with milliseconds: `2025-10-16T21:16:47.779Z` from epoch milliseconds. */
export class IsoTimestampFormatter extends SecondCachedFormatter {
  private second = Number.NaN;
  private secondText = '';

  format(ms: number): string {
    const second = Math.floor(ms / 1000);
    if (second !== this.second) {
      this.second = second;
      this.secondText = this.datePart(ms) + clockText(second - this.day * 86_400) + '.';
    }
    return this.secondText + PAD3[ms - second * 1000] + 'Z';
  }

  /** The label and `format(ms)` as ASCII bytes at `offset` (24 after the label); returns the offset after them. */
  write(target: Uint8Array, offset: number, ms: number): number {
    const second = Math.floor(ms / 1000);
    offset = writeFixedDigits(target, this.copySecond(target, offset, second), ms - second * 1000, 3);
    target[offset] = 90; // 'Z'
    return offset + 1;
  }

  /** The `.` before the milliseconds. */
  protected endSecond(target: Uint8Array, offset: number): number {
    target[offset] = 46;
    return offset + 1;
  }

  protected formatDay(midnight: Date): string {
    return midnight.toISOString().slice(0, 11);
  }
}
