// Identifier text built from 32-bit words with lookup tables (no toString(16) per call).
import type { SeededRandom } from './random';

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** The two hex digits of every byte value, side by side: a byte costs one lookup, not two. */
const HEX_PAIRS = Buffer.from(HEX2.join(''), 'latin1');

/** Eight lowercase hex characters for a 32-bit word, e.g. `a0aa0dd0`. */
export function hex8(word: number): string {
  return HEX2[word >>> 24] + HEX2[(word >>> 16) & 255] + HEX2[(word >>> 8) & 255] + HEX2[word & 255];
}

/**
 * Writes a random (version 4, RFC 9562 variant) UUID as 36 ASCII bytes at `offset` and
 * returns the offset after it. Written byte by byte: building the text as a string costs
 * several times more in the generator's hottest loop.
 */
export function writeUuid4(target: Uint8Array, offset: number, random: SeededRandom): number {
  const version = (random.uint32() & 0xffff0fff) | 0x00004000;
  const variant = ((random.uint32() & 0x3fffffff) | 0x80000000) >>> 0;
  offset = writeHexWord(target, offset, random.uint32(), 8);
  target[offset++] = 45; // '-'
  offset = writeHexWord(target, offset, version >>> 16, 4);
  target[offset++] = 45;
  offset = writeHexWord(target, offset, version & 0xffff, 4);
  target[offset++] = 45;
  offset = writeHexWord(target, offset, variant >>> 16, 4);
  target[offset++] = 45;
  offset = writeHexWord(target, offset, variant & 0xffff, 4);
  return writeHexWord(target, offset, random.uint32(), 8);
}

/** The low `digits` (4 or 8) hex digits of `word`, most significant first. */
export function writeHexWord(target: Uint8Array, offset: number, word: number, digits: number): number {
  for (let shift = (digits - 2) * 4; shift >= 0; shift -= 8) {
    const pair = ((word >>> shift) & 255) * 2;
    target[offset++] = HEX_PAIRS[pair];
    target[offset++] = HEX_PAIRS[pair + 1];
  }
  return offset;
}
