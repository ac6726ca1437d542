// The fields of one message as the dashboard's format reads them, for the expanded message:
// the same parsers as the statistics and the filter (src/core/parse), so `action:close`
// filters on exactly the "action" shown here. Pure string code, safe in the browser.
import type { LogFormat } from '../../../src/core/logFormat';
import { parseJsonLine } from '../../../src/core/parse/jsonLine';
import { parseNginxLine } from '../../../src/core/parse/nginxLine';
import { parseWebLine } from '../../../src/core/parse/webLine';

/** Derived fields (epoch milliseconds) that repeat a field already shown as written. */
const DERIVED = new Set(['ts']);

/** The value's record as `format`'s parser reads it, or undefined when it does not parse. */
export function parseRecord(format: LogFormat | undefined, value: string): object | undefined {
  if (format === 'web') return parseWebLine(value);
  if (format === 'nginx') return parseNginxLine(value);
  if (format === 'events' || format === 'jsonl') return parseJsonLine(value);
  return undefined;
}

/** Text of one parsed field value: nested JSON as JSON text, null as null. */
export const shown = (value: unknown): string =>
  value === null ? 'null' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** [name, value] per parsed field, or undefined when the value does not parse in `format`. */
export function parsedFields(format: LogFormat | undefined, value: string): Array<[string, string]> | undefined {
  const record = parseRecord(format, value);
  if (!record) return undefined;
  return Object.entries(record)
    .filter(([name]) => !DERIVED.has(name))
    .map(([name, field]) => [name, shown(field)]);
}
