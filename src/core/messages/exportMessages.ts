// Export of buffered (for example filtered) messages to JSON lines or CSV. Written in chunks
// with backpressure and a yield to the event loop between chunks, so exporting a million
// messages neither holds them all as text nor blocks the process (an editor's host).
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { BufferedMessage } from './messageRing';

export type ExportFormat = 'jsonl' | 'csv';

export const CSV_HEADER = 'topic,partition,offset,timestamp,key,value';
const CHUNK_CHARS = 256 * 1024;

const isoTime = (ms: number) => (Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : '');

/** One message as a JSON object on one line (the value stays the text that was read). */
export function toJsonLine(topic: string, m: BufferedMessage): string {
  return JSON.stringify({
    topic,
    partition: m.partition,
    offset: m.offset,
    timestamp: isoTime(m.timestamp),
    key: m.key,
    value: m.value,
  });
}

/** RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsvRow(topic: string, m: BufferedMessage): string {
  return [topic, String(m.partition), String(m.offset), isoTime(m.timestamp), m.key ?? '', m.value]
    .map(csvField)
    .join(',');
}

/** Writes the messages to `path` (replacing it); returns how many were written. */
export async function writeExport(
  path: string,
  format: ExportFormat,
  topic: string,
  messages: Iterable<BufferedMessage>,
): Promise<number> {
  const out = fs.createWriteStream(path, { encoding: 'utf8' });
  let failure: Error | undefined;
  out.on('error', (e) => (failure = e));
  const formatRow = format === 'csv' ? toCsvRow : toJsonLine;
  let chunk = format === 'csv' ? `${CSV_HEADER}\r\n` : '';
  const newline = format === 'csv' ? '\r\n' : '\n';
  let written = 0;
  for (const m of messages) {
    chunk += formatRow(topic, m) + newline;
    written++;
    if (chunk.length >= CHUNK_CHARS) {
      if (failure) break;
      const more = out.write(chunk);
      chunk = '';
      if (!more) await once(out, 'drain');
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (!failure) out.end(chunk);
  else out.destroy();
  await finished(out).catch((e: Error) => (failure ??= e));
  if (failure) throw failure;
  return written;
}
