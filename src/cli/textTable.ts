// Aligned plain-text tables for the CLI's human-readable output (numbers right-aligned).

export type Cell = string | number | null | undefined;

export function formatTable(header: string[], rows: Cell[][]): string[] {
  const text = rows.map((row) => row.map((c) => (c === null || c === undefined ? '-' : String(c))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === undefined));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)];
}

const COUNTS_SHOWN = 8;

/** `name n, name n, ...` largest first: how a map of counters reads best on one line. */
function countsLine(record: Record<string, number>): string {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
  const shown = entries.slice(0, COUNTS_SHOWN).map(([name, n]) => `${name} ${n}`);
  return shown.join(', ') + (entries.length > COUNTS_SHOWN ? `, ... (${entries.length - COUNTS_SHOWN} more)` : '');
}

/** `key: value` lines for a nested object (counters on one line, arrays of objects one per line). */
export function formatFields(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [`${prefix}: ${value === null ? '-' : String(value)}`];
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return [`${prefix}: ${value.join(', ') || '-'}`];
    return value.flatMap((v, i) => formatFields(v, `${prefix}[${i}]`));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (prefix && entries.length > 3 && entries.every(([, v]) => typeof v === 'number')) {
    return [`${prefix}: ${countsLine(value as Record<string, number>)}`];
  }
  return entries.flatMap(([k, v]) => formatFields(v, prefix ? `${prefix}.${k}` : k));
}
