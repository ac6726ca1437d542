// Small text helpers shared by the parsers, the line reader and the statistics.

const BOM = 0xfeff;
const CR = 13;

/** Removes a UTF-8 byte order mark at the start and a carriage return at the end (CRLF files). */
export function stripBomAndCr(line: string): string {
  const start = line.charCodeAt(0) === BOM ? 1 : 0;
  const end = line.charCodeAt(line.length - 1) === CR ? line.length - 1 : line.length;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

/** True for a line with nothing but spaces and tabs: such a line is not a message. */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== CR && c !== BOM) return false;
  }
  return true;
}

/**
 * A copy of `text` that does not share memory with the string it was cut from. V8 keeps
 * substrings of 13+ characters as views on their parent, so a visitor id kept as a map key
 * would otherwise pin the whole megabyte of file text it was read from.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/** Value of the two decimal digits at `i`, or NaN. */
export function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/** Value of the `count` decimal digits at `i`, or NaN. */
export function digitsAt(text: string, i: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = text.charCodeAt(i + k) - 48;
    if (!(d >= 0 && d <= 9)) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}
