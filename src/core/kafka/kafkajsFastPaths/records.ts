// Kafka records (record batch v2) written straight into a buffer: sized first, written once,
// with 64-bit zigzag numbers done on plain numbers. Values follow kafkajs's rules: a Buffer
// goes as is, null or undefined as "no bytes", anything else as the UTF-8 of its text.

export type Bytes = Buffer | string | null | undefined;

export interface RecordArgs {
  offsetDelta?: number;
  timestampDelta?: number;
  key?: Bytes;
  value?: Bytes;
  headers?: Record<string, Bytes | Bytes[]>;
}

/** Bytes of `value` on the wire; -1 stands for null. */
function byteLengthOf(value: unknown): number {
  if (value === null || value === undefined) return -1;
  if (Buffer.isBuffer(value)) return value.length;
  return Buffer.byteLength(typeof value === 'string' ? value : String(value), 'utf8');
}

const zigzag32 = (value: number): number => ((value << 1) ^ (value >> 31)) >>> 0;

/** Zigzag of a 64-bit integer (exact as a number below 2^51, as a BigInt beyond). */
function zigzag64(value: number): number | bigint {
  const v = Math.trunc(value);
  if (Math.abs(v) < 2 ** 51) return v >= 0 ? v * 2 : -v * 2 - 1;
  const big = BigInt.asIntN(64, BigInt(v));
  return BigInt.asUintN(64, (big << 1n) ^ (big >> 63n));
}

function uvarintSize(value: number | bigint): number {
  let size = 1;
  if (typeof value === 'bigint') {
    for (let v = value >> 7n; v > 0n; v >>= 7n) size++;
    return size;
  }
  for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) size++;
  return size;
}

const varintSize = (value: number): number => uvarintSize(zigzag32(value));
const sizedSize = (length: number): number => varintSize(length) + Math.max(length, 0);

function writeUVarInt(buf: Buffer, at: number, value: number | bigint): number {
  if (typeof value === 'bigint') {
    for (; value >= 0x80n; value >>= 7n) buf[at++] = Number(value & 0x7fn) | 0x80;
    buf[at++] = Number(value);
    return at;
  }
  for (; value >= 0x80; value = Math.floor(value / 128)) buf[at++] = (value % 128) | 0x80;
  buf[at++] = value;
  return at;
}

function writeSized(buf: Buffer, at: number, value: unknown, length: number): number {
  at = writeUVarInt(buf, at, zigzag32(length));
  if (length <= 0) return at;
  if (Buffer.isBuffer(value)) return at + value.copy(buf, at);
  return at + buf.write(typeof value === 'string' ? value : String(value), at, length, 'utf8');
}

/** Calls `each` for every header name and value, a list value giving one header per item. */
function forEachHeader(headers: RecordArgs['headers'], each: (name: string, value: Bytes) => void): number {
  let count = 0;
  if (!headers) return count;
  for (const name of Object.keys(headers)) {
    const values = headers[name];
    for (const value of Array.isArray(values) ? values : [values]) {
      each(name, value);
      count++;
    }
  }
  return count;
}

function bodySize(r: RecordArgs, timestamp: number | bigint): number {
  let size = 1 + uvarintSize(timestamp) + varintSize(r.offsetDelta ?? 0);
  size += sizedSize(byteLengthOf(r.key)) + sizedSize(byteLengthOf(r.value));
  const headers = forEachHeader(r.headers, (name, value) => {
    size += sizedSize(Buffer.byteLength(name, 'utf8')) + sizedSize(byteLengthOf(value));
  });
  return size + varintSize(headers);
}

/** Bytes of the record after its length prefix (computed once, then given to `writeRecord`). */
export function recordBodySize(r: RecordArgs): number {
  return bodySize(r, zigzag64(r.timestampDelta ?? 0));
}

/** Bytes a record of that body size takes, its length prefix included. */
export const recordSize = (body: number): number => varintSize(body) + body;

/** Writes the record, whose body size is `body`, at `at`; returns where it ends. */
export function writeRecord(buf: Buffer, at: number, r: RecordArgs, body: number): number {
  at = writeUVarInt(buf, at, zigzag32(body));
  buf[at++] = 0; // attributes: none are used per record
  at = writeUVarInt(buf, at, zigzag64(r.timestampDelta ?? 0));
  at = writeUVarInt(buf, at, zigzag32(r.offsetDelta ?? 0));
  at = writeSized(buf, at, r.key, byteLengthOf(r.key));
  at = writeSized(buf, at, r.value, byteLengthOf(r.value));
  at = writeUVarInt(buf, at, zigzag32(forEachHeader(r.headers, () => undefined)));
  forEachHeader(r.headers, (name, value) => {
    at = writeSized(buf, at, name, Buffer.byteLength(name, 'utf8'));
    at = writeSized(buf, at, value, byteLengthOf(value));
  });
  return at;
}
