// JSON lines: one object per line. Product events (seed 001) are JSON lines with known
// fields; these helpers read them defensively because a topic can carry anything.

export type JsonRecord = Record<string, unknown>;

/** The object on this line, or undefined for anything else (invalid JSON, arrays, scalars). */
export function parseJsonLine(line: string): JsonRecord | undefined {
  // Checking the first character first avoids the cost of a thrown SyntaxError on text lines.
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9 || line.charCodeAt(i) === 0xfeff))
    i++;
  if (line.charCodeAt(i) !== 123) return undefined; // '{'
  try {
    const value: unknown = JSON.parse(i === 0 ? line : line.slice(i));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Field names that identify a visitor in generic JSON lines, in order of preference. */
const VISITOR_FIELDS = ['user_id', 'userId', 'visitor_id', 'client_ip', 'remote_addr', 'ip'];

export function jsonVisitor(record: JsonRecord, fields: readonly string[] = VISITOR_FIELDS): string | undefined {
  for (const field of fields) {
    const value = record[field];
    if (typeof value === 'string' && value.length > 0) return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** The event's price: top-level `price`, else `product.price`; numbers or numeric strings. */
export function eventPrice(record: JsonRecord): number | undefined {
  let value = record.price;
  if (value === undefined) {
    const product = record.product;
    if (typeof product === 'object' && product !== null) value = (product as JsonRecord).price;
  }
  if (typeof value === 'string' && value.trim() !== '') value = Number(value);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function eventType(record: JsonRecord): string | undefined {
  const value = record.event_type ?? record.eventType ?? record.type;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Looks like a product event: an object with an event type and a user or a price. */
export function isProductEvent(record: JsonRecord): boolean {
  return (
    eventType(record) !== undefined &&
    (jsonVisitor(record, ['user_id', 'userId']) !== undefined || eventPrice(record) !== undefined)
  );
}
