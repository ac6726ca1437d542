// Scratch files for integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-it-'));

export function scratchFile(name: string, content: string | Buffer): string {
  const file = path.join(root, `${Date.now().toString(36)}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

/** `n` distinct lines `line-1 ...` joined by LF, with a final newline. */
export function numberedLines(n: number, width = 0): string {
  const pad = width > 0 ? ' ' + 'x'.repeat(width) : '';
  let text = '';
  for (let i = 1; i <= n; i++) text += `line-${i}${pad}\n`;
  return text;
}
