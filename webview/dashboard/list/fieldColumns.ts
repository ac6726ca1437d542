// The parsed-fields view of the message list: per format, the few fields one reads and
// filters on, shown as columns instead of the raw value. Column names are the filter's
// field names (`product.name` is the filter's path into the event's product), so a column
// header is exactly what to type before the colon. Pure string code, safe in the browser.
import type { LogFormat } from '../../../src/core/logFormat';
import { parseRecord, shown } from './parsedFields';

/** The one table of columns per format; formats not listed keep the raw value column. */
const FIELD_COLUMNS: Partial<Record<LogFormat, readonly string[]>> = {
  web: ['user_id', 'action', 'page', 'timestamp'],
  nginx: ['status', 'method', 'path', 'body_bytes_sent', 'remote_addr'],
  events: ['event_type', 'user_id', 'product.name', 'price'],
};

/** The field columns for `format`, or undefined when the list shows the raw value. */
export function fieldColumns(format: LogFormat | undefined): readonly string[] | undefined {
  return format === undefined ? undefined : FIELD_COLUMNS[format];
}

/** Follows a dotted filter path into the record; undefined when a step is missing. */
function fieldAt(record: object, path: string): unknown {
  let value: unknown = record;
  for (const step of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/** One text per column for a value of `format`, or undefined when it does not parse (shown raw). */
export function fieldCells(
  format: LogFormat | undefined,
  columns: readonly string[],
  value: string,
): string[] | undefined {
  const record = parseRecord(format, value);
  if (!record) return undefined;
  return columns.map((column) => {
    const field = fieldAt(record, column);
    return field === undefined ? '' : shown(field);
  });
}
