// What a file holds, checked before anything is asked or sent: lines to produce, nothing at
// all, or bytes that are not text. The editor turns the answer into a refusal or a choice.
import fs from 'node:fs';
import { requireReadableFile } from '../fileErrors';
import { looksBinary } from '../io/lineBatches';

export type FileContentKind = 'lines' | 'empty' | 'binary';

export interface FileContent {
  kind: FileContentKind;
  /** Why the file is not plain lines, worded for a person; undefined for 'lines'. */
  problem?: string;
}

/** Files up to this size are read whole to tell "only blank lines" from text. */
const BLANK_SCAN_BYTES = 1 << 20;

/** True when the file holds nothing but white space (and a byte order mark). */
async function onlyBlank(file: string, size: number): Promise<boolean> {
  if (size === 0) return true;
  if (size > BLANK_SCAN_BYTES) return false;
  const text = await fs.promises.readFile(file, 'utf8');
  return text.replace(/^\uFEFF/, '').trim() === '';
}

/** Throws a UserError when the file cannot be read; else says whether it holds lines to produce. */
export async function checkProducibleFile(file: string): Promise<FileContent> {
  requireReadableFile(file);
  const { size } = await fs.promises.stat(file);
  if (await onlyBlank(file, size)) {
    const what = size === 0 ? 'is empty' : 'holds only blank lines';
    return { kind: 'empty', problem: `${file}: ${what}; there is nothing to produce, so no topic was created` };
  }
  if (await looksBinary(file)) {
    return {
      kind: 'binary',
      problem: `${file}: looks like a binary file (NUL bytes in its first block), not log lines`,
    };
  }
  return { kind: 'lines' };
}
