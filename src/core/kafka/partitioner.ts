// Kafka's default partitioner, computed here rather than inside the client library: keyed
// messages go where Java, librdkafka's murmur2 mode and kafkajs put them (murmur2 of the key
// bytes, made positive, modulo the partition count); messages without a key stick to one
// partition for a block of lines, chosen from the line number, so a later `--resume` can tell
// which partition any line of the file went to without having recorded it.

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** Java's `Utils.murmur2`: the 32-bit murmur2 hash of the bytes, as a signed int. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const tail = length & 3;
  if (tail === 3) h ^= data[whole + 2] << 16;
  if (tail >= 2) h ^= data[whole + 1] << 8;
  if (tail >= 1) h = Math.imul(h ^ data[whole], M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Lines without a key go to one partition per block of this many lines. */
export const UNKEYED_BLOCK_LINES = 1000;

/** The partition a keyed message goes to: `toPositive(murmur2(key)) % partitions`, as in Java. */
export function partitionOfKey(key: Buffer | string, partitions: number): number {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  return (murmur2(bytes) & 0x7fffffff) % partitions;
}

/** The partition of one line's message: by its key, or (no key) by the block its line number falls in. */
export function partitionOfLine(
  key: Buffer | string | null | undefined,
  lineNumber: number,
  partitions: number,
): number {
  if (key !== null && key !== undefined) return partitionOfKey(key, partitions);
  return Math.floor((lineNumber - 1) / UNKEYED_BLOCK_LINES) % partitions;
}
