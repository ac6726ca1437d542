// Client addresses for generated traffic: public-looking IPv4 and IPv6 addresses, unique per
// visitor by construction (a counter mapped through a 32-bit bijection), so "visitor =
// client address" holds exactly for generated files.
import { permute32, type SeededRandom } from './random';

const IPV6_PREFIXES = ['2a01:e0a', '2a02:8108', '2600:1700', '2001:4860', '2003:e1', '2409:8a28', '2605:6400'];

export class ClientAddresses {
  private counter = 0;
  private readonly salt: number;

  constructor(private readonly random: SeededRandom) {
    this.salt = random.uint32();
  }

  next(ipv6: boolean): string {
    for (;;) {
      const word = permute32((this.counter++ ^ this.salt) >>> 0);
      if (ipv6) return this.ipv6(word);
      if (isPublicIpv4(word)) return `${word >>> 24}.${(word >>> 16) & 255}.${(word >>> 8) & 255}.${word & 255}`;
    }
  }

  /** The unique word sits in the 3rd and 4th groups; the rest only adds variety. */
  private ipv6(word: number): string {
    const random = this.random;
    const prefix = random.pick(IPV6_PREFIXES);
    return `${prefix}:${(word >>> 16).toString(16)}:${(word & 0xffff).toString(16)}::${random.int(0xffff).toString(16)}`;
  }
}

function isPublicIpv4(word: number): boolean {
  const a = word >>> 24;
  const b = (word >>> 16) & 255;
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b < 128) return false; // carrier-grade NAT
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b < 32) return false;
  if (a === 192 && b === 168) return false;
  return (word & 255) !== 0 && (word & 255) !== 255;
}
