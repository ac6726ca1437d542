// The one way the generators copy encoded text into a chunk.

/** Up to this length a copy loop beats `TypedArray.set` (a native call); above it, set wins. */
export const SHORT_COPY = 8;

/** Copies `bytes` into `target` at `offset`; returns the offset after them. */
export function copyBytes(target: Uint8Array, offset: number, bytes: Uint8Array): number {
  const length = bytes.length;
  if (length > SHORT_COPY) {
    target.set(bytes, offset);
    return offset + length;
  }
  for (let i = 0; i < length; i++) target[offset++] = bytes[i];
  return offset;
}
