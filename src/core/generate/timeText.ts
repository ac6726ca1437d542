// Timestamp text for the generators without Date/Intl work per line: the date part is
// formatted once per day and cached, the time of day is assembled from lookup tables.
// All timestamps are UTC.

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

/** Copies `bytes` to `target` at `offset`; returns the offset after them. */
function copyBytes(target: Uint8Array, offset: number, bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) target[offset++] = bytes[i];
  return offset;
}

/** Writes `HH:MM:SS` for a number of whole seconds since midnight. */
function writeClock(target: Uint8Array, offset: number, secondOfDay: number): number {
  const h = Math.floor(secondOfDay / 3600);
  const rest = secondOfDay - h * 3600;
  const m = Math.floor(rest / 60);
  offset = writeFixedDigits(target, offset, h, 2);
  target[offset++] = 58; // ':'
  offset = writeFixedDigits(target, offset, m, 2);
  target[offset++] = 58;
  return writeFixedDigits(target, offset, rest - m * 60, 2);
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
 * The `write` paths also keep the text up to the seconds of the last second written: lines
 * come in time order, so most of them share it and only the fraction is written anew.
 */
abstract class DailyCachedFormatter {
  private cachedSecond = Number.NaN;
  private readonly secondBytes = new Uint8Array(32);
  private secondLength = 0;

  /** Copies the cached text of epoch second `second` (built by `writeSecond`); returns the offset after it. */
  protected copySecond(target: Uint8Array, offset: number, second: number): number {
    const bytes = this.secondBytes;
    if (second !== this.cachedSecond) {
      this.cachedSecond = second;
      this.secondLength = this.writeSecond(bytes, second);
    }
    const length = this.secondLength;
    for (let i = 0; i < length; i++) target[offset++] = bytes[i];
    return offset;
  }

  /** Writes the text shared by every instant of epoch second `second` at 0; returns its length. */
  protected abstract writeSecond(target: Uint8Array, second: number): number;

  /** Days since the epoch of the last formatted instant. */
  protected day = Number.NaN;
  private dayText = '';
  /** `dayText` encoded, for the `write` methods. */
  protected dayBytes = new Uint8Array(0);

  /** The cached date text for `ms`, updating `this.day`. */
  protected datePart(ms: number): string {
    const day = Math.floor(ms / MS_PER_DAY);
    if (day !== this.day) {
      this.day = day;
      this.dayText = this.formatDay(new Date(day * MS_PER_DAY));
      this.dayBytes = Buffer.from(this.dayText, 'latin1');
    }
    return this.dayText;
  }

  protected abstract formatDay(midnight: Date): string;
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

  /** `format(micros)` as ASCII bytes at `offset` (26); returns the offset after them. */
  write(target: Uint8Array, offset: number, micros: number): number {
    const second = Math.floor(micros / 1_000_000);
    offset = this.copySecond(target, offset, second);
    return writeFixedDigits(target, offset, micros - second * 1_000_000, 6);
  }

  /** `2025-10-16 21:16:47.` */
  protected writeSecond(target: Uint8Array, second: number): number {
    this.datePart(second * 1000);
    const offset = writeClock(target, copyBytes(target, 0, this.dayBytes), second - this.day * 86_400);
    target[offset] = 46; // '.'
    return offset + 1;
  }

  protected formatDay(midnight: Date): string {
    return midnight.toISOString().slice(0, 10) + ' ';
  }
}

/** Nginx `$time_local` in UTC: `16/Oct/2025:21:16:47 +0000` from epoch seconds. */
export class NginxTimestampFormatter extends DailyCachedFormatter {
  format(seconds: number): string {
    const text = this.datePart(seconds * 1000);
    return text + clockText(seconds - this.day * 86_400) + ' +0000';
  }

  /** `format(seconds)` as ASCII bytes at `offset` (26); returns the offset after them. */
  write(target: Uint8Array, offset: number, seconds: number): number {
    return this.copySecond(target, offset, seconds);
  }

  /** The whole timestamp: it has no finer unit than the second. */
  protected writeSecond(target: Uint8Array, second: number): number {
    this.datePart(second * 1000);
    const offset = writeClock(target, copyBytes(target, 0, this.dayBytes), second - this.day * 86_400);
    return copyBytes(target, offset, UTC_ZONE);
  }

  protected formatDay(midnight: Date): string {
    return PAD2[midnight.getUTCDate()] + '/' + MONTHS[midnight.getUTCMonth()] + '/' + midnight.getUTCFullYear() + ':';
  }
}

/** ISO 8601 with milliseconds: `2025-10-16T21:16:47.779Z` from epoch milliseconds. */
export class IsoTimestampFormatter extends DailyCachedFormatter {
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

  /** `format(ms)` as ASCII bytes at `offset` (24); returns the offset after them. */
  write(target: Uint8Array, offset: number, ms: number): number {
    const second = Math.floor(ms / 1000);
    offset = writeFixedDigits(target, this.copySecond(target, offset, second), ms - second * 1000, 3);
    target[offset] = 90; // 'Z'
    return offset + 1;
  }

  /** `2025-10-16T21:16:47.` */
  protected writeSecond(target: Uint8Array, second: number): number {
    this.datePart(second * 1000);
    const offset = writeClock(target, copyBytes(target, 0, this.dayBytes), second - this.day * 86_400);
    target[offset] = 46; // '.'
    return offset + 1;
  }

  protected formatDay(midnight: Date): string {
    return midnight.toISOString().slice(0, 11);
  }
}
