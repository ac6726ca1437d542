// Timestamp text for the generators without Date/Intl work per line: the date part is
// formatted once per day and cached, the time of day is assembled from lookup tables.
// All timestamps are UTC.

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** "HH:MM:SS" for a number of whole seconds since midnight. */
function clockText(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const rest = secondOfDay - h * 3600;
  const m = Math.floor(rest / 60);
  return PAD2[h] + ':' + PAD2[m] + ':' + PAD2[rest - m * 60];
}

/** Formats instants whose date part changes rarely, recomputing that part only on a new day. */
abstract class DailyCachedFormatter {
  /** Days since the epoch of the last formatted instant. */
  protected day = Number.NaN;
  private dayText = '';

  /** The cached date text for `ms`, updating `this.day`. */
  protected datePart(ms: number): string {
    const day = Math.floor(ms / MS_PER_DAY);
    if (day !== this.day) {
      this.day = day;
      this.dayText = this.formatDay(new Date(day * MS_PER_DAY));
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

  protected formatDay(midnight: Date): string {
    return midnight.toISOString().slice(0, 11);
  }
}
