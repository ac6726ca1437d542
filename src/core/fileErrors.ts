// One wording for problems with files the user names, whichever command meets them:
// "PATH: no such file", "PATH: is a directory", "PATH: permission denied".
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './errors';

const PROBLEM_BY_CODE: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/**
 * Node turns bytes that are not UTF-8 in a command-line argument into U+FFFD, so such a name
 * can never be opened again from the argument: say so instead of only "no such file".
 */
const LOST_NAME_HINT = ' (the name is not valid UTF-8 and cannot be opened as given; rename the file)';

/** `PATH: problem` for a file-system error, or undefined when `err` is not one. */
export function fileProblem(file: string, err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const problem = code === undefined ? undefined : PROBLEM_BY_CODE[code];
  if (problem === undefined) return undefined;
  const hint = code === 'ENOENT' && file.includes('\uFFFD') ? LOST_NAME_HINT : '';
  return `${file}: ${problem}${hint}`;
}

function fail(file: string, err: unknown): never {
  throw new UserError(fileProblem(file, err) ?? `${file}: ${(err as Error).message}`);
}

/** `fs.statSync`, with every failure but a missing entry worded as above. */
function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch (e) {
    fail(file, e);
  }
}

/** Throws a UserError worded as above unless `file` is a regular file this process can read. */
export function requireReadableFile(file: string): void {
  const info = statOrUndefined(file);
  if (!info) fail(file, { code: 'ENOENT' });
  if (info.isDirectory()) throw new UserError(`${file}: is a directory`);
  // Statistics and produce read a file more than once (format detection, then the lines): a pipe cannot be.
  if (!info.isFile()) throw new UserError(`${file}: not a regular file`);
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (e) {
    fail(file, e);
  }
}

/** Throws a UserError unless `file` can be created or replaced: its folder exists and is writable. */
export function requireWritableFile(file: string): void {
  const existing = statOrUndefined(file);
  if (existing?.isDirectory()) throw new UserError(`${file}: is a directory`);
  const dir = path.dirname(file);
  const folder = statOrUndefined(dir);
  if (!folder) throw new UserError(`${dir}: no such directory`);
  if (!folder.isDirectory()) throw new UserError(`${dir}: not a directory`);
  try {
    fs.accessSync(existing ? file : dir, fs.constants.W_OK);
  } catch (e) {
    fail(existing ? file : dir, e);
  }
}
