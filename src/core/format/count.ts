// How a number reads in human output, the same in every command and panel: thousands
// separators and no more than two decimals (3,000 and 1,234.5, never 3000 or 1234.5678).
// Machine output (--json) keeps raw numbers.

const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `3,000`; `-` for a value that is not a finite number, so a gap never reads as `NaN`. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? COUNT_FORMAT.format(n) : '-';
}

/** A number with exactly `digits` decimals and thousands separators: money (`12,345.60`), seconds. */
export function formatFixed(n: number, digits: number): string {
  if (!Number.isFinite(n)) return '-';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
