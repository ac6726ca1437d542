// The first non-empty lines of a file, for format detection.
import fs from 'node:fs';

export async function sampleLines(file: string, max = 50, blockBytes = 65536): Promise<string[]> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(blockBytes);
    const { bytesRead } = await fh.read(buf, 0, blockBytes, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\n');
    if (bytesRead === blockBytes) lines.pop(); // the last one may be cut in the middle
    return lines.map((l) => l.replace(/\r$/, '')).filter((l) => l.length > 0).slice(0, max);
  } finally {
    await fh.close();
  }
}
