// Shared helpers for the unit tests: temporary files that clean up after the suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary directory, removed after the current mocha suite. */
export function useTempDir(): () => string {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-unit-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
