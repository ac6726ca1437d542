// The fields of one message as the dashboard's format reads them, for the expanded message:
// the same parsers as the statistics and the filter (src/core/parse), so `action:close`
// filters on exactly the "action" shown here. Pure string code, safe in the browser.
import type { LogFormat } from '../../../src/core/logFormat';
import { parseJsonLine } from '../../../src/core/parse/jsonLine';
import { parseNginxLine } from '../../../src/core/parse/nginxLine';
import { parseWebLine } from '../../../src/core/parse/webLine';

/** Derived fields (epoch milliseconds) that repeat a field already shown as written. */
const DERIVED = new Set(['ts']);

const shown = (value: unknown): string =>
  value === null ? 'null' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** [name, value] per parsed field, or undefined when the value does not parse in `format`. */
export function parsedFields(format: LogFormat | undefined, value: string): Array<[string, string]> | undefined {
  let record: object | undefined;
  if (format === 'web') record = parseWebLine(value);
  else if (format === 'nginx') record = parseNginxLine(value);
  else if (format === 'events' || format === 'jsonl') record = parseJsonLine(value);
  if (!record) return undefined;
  return Object.entries(record)
    .filter(([name]) => !DERIVED.has(name))
    .map(([name, field]) => [name, shown(field)]);
}
