// Small JSON records kept one a file in a cache folder, each file named by a hash of the
// record's key (a path, a topic…): any key then makes a safe file name of fixed length.
// Used by the generation records, the lab results and the produce checkpoints.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file of `key`'s record in `dir`: the first `digits` hex digits of the key's sha1, then `.json`. */
export function recordPath(dir: string, key: string, digits = 40): string {
  return path.join(dir, `${crypto.createHash('sha1').update(key).digest('hex').slice(0, digits)}.json`);
}

/**
 * Writes `value` as JSON to `file`, creating its folder. It goes to a temp file beside it first,
 * renamed over `file` after, so a reader never sees half a record; the pid in the temp name keeps
 * two processes saving the same record from writing into one temp file.
 */
export function writeRecordAtomically(file: string, value: unknown, { indent = 1 } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(value, null, indent));
  fs.renameSync(temp, file);
}

/** The JSON in `file`, not checked (its caller knows what a valid record is); undefined when missing or unreadable. */
export function readRecord<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
