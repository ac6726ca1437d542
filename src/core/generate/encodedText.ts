// Encoded forms of the few texts a generator writes over and over (actions, pages, methods),
// each encoded once: copying its bytes beats encoding the string on every line. Only for a
// small fixed set of texts: the cache never shrinks.

export class EncodedTexts {
  private readonly cache = new Map<string, Buffer>();

  /** `prefix + text + suffix` encoded as UTF-8 (cached per `text`: keep the affixes fixed per instance). */
  constructor(
    private readonly prefix = '',
    private readonly suffix = '',
  ) {}

  get(text: string): Buffer {
    let bytes = this.cache.get(text);
    if (bytes === undefined) this.cache.set(text, (bytes = Buffer.from(this.prefix + text + this.suffix)));
    return bytes;
  }
}

/**
 * `text` as UTF-8 bytes in a small typed array of its own. For per-visitor text: Buffer.from
 * goes through the buffer pool and the encoder, several times slower for a short string.
 */
export function textBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return Buffer.from(text);
    bytes[i] = code;
  }
  return bytes;
}
