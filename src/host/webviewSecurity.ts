// What every webview document of the extension shares: a fresh script nonce and attribute
// escaping. Each panel keeps its own policy and body next to its panel code.
import crypto from 'node:crypto';

/** 128 random bits for the script nonce, fresh for every document. */
export function createNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
