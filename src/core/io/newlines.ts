import fs from 'node:fs';

/** How many `\n` bytes a chunk holds: the lines it completes. */
export function countNewlines(chunk: Uint8Array): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** Complete lines already in `file` (0 when it does not exist), read in chunks so a large log is not held whole. */
export async function countFileLines(file: string): Promise<number> {
  if (!fs.existsSync(file)) return 0;
  let n = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) n += countNewlines(chunk as Buffer);
  return n;
}
