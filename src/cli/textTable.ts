// Aligned plain-text tables for the CLI's human-readable output (numbers right-aligned).
import { formatCount } from '../core/format/count';

export type Cell = string | number | null | undefined;

export interface TableOptions {
  /**
   * Numeric columns that hold identifiers (partition numbers, broker ids): right-aligned
   * but printed as they are, since `1,001` reads as a count, not as broker 1001.
   */
  identifiers?: string[];
}

/** Rows under a header; numbers read as everywhere else in the CLI (`3,000`), a missing value as `-`. */
export function formatTable(header: string[], rows: Cell[][], options: TableOptions = {}): string[] {
  const plain = header.map((h) => options.identifiers?.includes(h) ?? false);
  const cellText = (c: Cell, i: number) =>
    c === null || c === undefined ? '-' : typeof c === 'number' && !plain[i] ? formatCount(c) : String(c);
  const text = rows.map((row) => row.map(cellText));
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === undefined),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)];
}
