// Keeps passwords, tokens and private keys out of logs and messages.

const SECRET_KEY = /pass(word|phrase)?|secret|token|^key$|^pfx$|credential/i;
export const MASK = '***';

/** A copy of `value` (for JSON.stringify) with every secret-looking field replaced by ***. */
export function maskSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && v !== undefined && typeof v !== 'boolean' ? MASK : maskSecrets(v, depth + 1);
  }
  return out;
}

/** `text` with each of the known secret strings replaced by *** (for log lines that may quote them). */
export function scrubSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 3) out = out.split(secret).join(MASK);
  }
  return out;
}
