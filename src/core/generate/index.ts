// Entry point of the generators: pick one by format, stream its chunks to a file with
// backpressure, and report what was written.
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { GeneratedFormat } from '../logFormat';
import type { GeneratedCounts, GeneratorOptions, LogGenerator } from './generator';
import { NginxAccessGenerator } from './nginxAccess';
import { ProductEventGenerator } from './productEvents';
import { WebSessionGenerator } from './webSessions';

export type {
  GeneratedCounts,
  GeneratorOptions,
  LogGenerator,
  NginxSessionCounts,
  WebSessionCounts,
} from './generator';
export { DEFAULT_THINK_SECONDS, DEFAULT_USERS } from './generator';
export { WebSessionGenerator } from './webSessions';
export { NginxAccessGenerator } from './nginxAccess';
export { ProductEventGenerator } from './productEvents';

export interface GenerateRequest extends GeneratorOptions {
  format: GeneratedFormat;
}

export interface GenerateSummary extends Omit<GeneratedCounts, 'endMs'> {
  format: GeneratedFormat;
  bytes: number;
  seed: string;
  /** ISO time of the first line (the requested start). */
  start: string;
  /** ISO time of the last line. */
  end: string;
  elapsedMs: number;
}

/** Bytes handed to the file stream per write: big enough to amortise, small enough to keep memory flat. */
const CHUNK_BYTES = 256 * 1024;
/** Chunks handed to the stream and not yet written, at most (memory stays about 1 MiB). */
const WRITES_AHEAD = 4;

export function createGenerator(request: GenerateRequest): LogGenerator {
  switch (request.format) {
    case 'web':
      return new WebSessionGenerator(request);
    case 'nginx':
      return new NginxAccessGenerator(request);
    case 'events':
      return new ProductEventGenerator(request);
  }
}

/** Writes the log to `path` (replacing it) without ever holding the whole file in memory. */
export async function generateToFile(
  path: string,
  request: GenerateRequest,
  signal?: AbortSignal,
): Promise<GenerateSummary> {
  const began = performance.now();
  const generator = createGenerator(request);
  const stream = fs.createWriteStream(path);
  let failure: unknown;
  stream.on('error', (e) => (failure = e));
  // A few chunks may wait to be written while the next one is generated; only the oldest
  // write is waited for ('drain' would wait until all of them are written, idling the loop).
  const writes: Promise<void>[] = [];
  // Written chunks are filled again: fresh buffers cost page faults and garbage collection.
  const spare: Buffer[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const chunk = generator.nextChunk(CHUNK_BYTES, spare.pop());
      if (chunk === undefined) break;
      if (failure) throw failure;
      if (signal?.aborted) throw new Error('generation interrupted');
      bytes += chunk.length;
      writes.push(new Promise<void>((resolve) => stream.write(chunk, () => resolve(void spare.push(whole(chunk))))));
      if (writes.length >= WRITES_AHEAD) await writes.shift();
    }
    stream.end();
    await finished(stream);
  } catch (e) {
    stream.destroy();
    throw e;
  }
  return summarize(request, generator, bytes, performance.now() - began);
}

/** The whole buffer `chunk` is the start of (a chunk is a view of the start of its own allocation). */
function whole(chunk: Buffer): Buffer {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.buffer.byteLength - chunk.byteOffset);
}

/** The whole log as one string: for tests and small previews only. */
export function generateToString(request: GenerateRequest): { text: string; summary: GenerateSummary } {
  const began = performance.now();
  const generator = createGenerator(request);
  const parts: Buffer[] = [];
  for (let chunk = generator.nextChunk(CHUNK_BYTES); chunk !== undefined; chunk = generator.nextChunk(CHUNK_BYTES))
    parts.push(chunk);
  const bytes = Buffer.concat(parts);
  return {
    text: bytes.toString('utf8'),
    summary: summarize(request, generator, bytes.length, performance.now() - began),
  };
}

function summarize(
  request: GenerateRequest,
  generator: LogGenerator,
  bytes: number,
  elapsedMs: number,
): GenerateSummary {
  const { endMs, ...counts } = generator.counts();
  return {
    format: request.format,
    ...counts,
    bytes,
    seed: request.seed,
    start: new Date(request.startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    elapsedMs: Math.round(elapsedMs),
  };
}
