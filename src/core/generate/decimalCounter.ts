// Decimal text of a number that mostly grows by one (line numbers): the digits are kept and
// incremented in place, so a line costs a carry instead of a division per digit.
import type { ByteWriter } from './generator';

const MAX_DIGITS = 16;

export class DecimalCounter implements ByteWriter {
  /** The digits of `value`, right-aligned: they occupy [MAX_DIGITS - length, MAX_DIGITS). */
  private readonly digits = new Uint8Array(MAX_DIGITS);
  private value = -1;
  private length = 0;

  /** Writes `value` (a whole number >= 0) in decimal at `offset`; returns the offset after it. */
  write(target: Uint8Array, offset: number, value: number): number {
    if (value === this.value + 1 && value > 0) this.increment();
    else this.reset(value);
    this.value = value;
    const digits = this.digits;
    for (let i = MAX_DIGITS - this.length; i < MAX_DIGITS; i++) target[offset++] = digits[i];
    return offset;
  }

  private increment(): void {
    const digits = this.digits;
    const first = MAX_DIGITS - this.length;
    let i = MAX_DIGITS - 1;
    while (i >= first && digits[i] === 57) digits[i--] = 48; // '9' carries
    if (i < first) {
      digits[i] = 49; // a new leading '1'
      this.length++;
    } else {
      digits[i]++;
    }
  }

  private reset(value: number): void {
    if (!(Number.isSafeInteger(value) && value >= 0)) throw new RangeError(`not a line number: ${value}`);
    const text = String(value);
    this.length = text.length;
    for (let i = 0; i < text.length; i++) this.digits[MAX_DIGITS - text.length + i] = text.charCodeAt(i);
  }
}
