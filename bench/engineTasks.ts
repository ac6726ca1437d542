// The measured work of the engine benchmark. Each task runs in its own child process so
// its peak memory (maxRSS) is its own.
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { generateToFile } from '../src/core/generate';
import { isGeneratedFormat } from '../src/core/logFormat';
import { statsOfFile } from '../src/core/stats';

export interface TaskResult {
  lines: number;
  bytes: number;
  ms: number;
  maxRssMB: number;
  detail?: Record<string, unknown>;
}

export const BENCH_START_MS = Date.UTC(2025, 9, 16, 21, 16, 47, 779);

/** Runs one task named on the command line and prints its result as JSON. */
export async function runTask(args: string[]): Promise<void> {
  const [task, format, file, count] = args;
  const began = performance.now();
  let result: Omit<TaskResult, 'ms' | 'maxRssMB'>;
  if (task === 'generate' && isGeneratedFormat(format)) {
    const summary = await generateToFile(file, {
      format,
      seed: 'bench',
      startMs: BENCH_START_MS,
      lines: Number(count),
    });
    result = {
      lines: summary.lines,
      bytes: summary.bytes,
      detail: { visitors: summary.visitors, sessions: summary.sessions },
    };
  } else if (task === 'plain-write') {
    result = await plainWrite(file, Number(count));
  } else if (task === 'stats') {
    const snapshot = await statsOfFile(file, format === 'auto' ? 'auto' : (format as 'web'));
    const detail: Record<string, unknown> = { uniqueVisitors: snapshot.uniqueVisitors, parsed: snapshot.parsed };
    if (snapshot.format === 'web' || snapshot.format === 'nginx') detail.sessions = snapshot.sessions;
    result = { lines: snapshot.messages, bytes: fs.statSync(file).size, detail };
  } else {
    throw new Error(`unknown task: ${args.join(' ')}`);
  }
  const ms = performance.now() - began;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ ...result, ms: Math.round(ms), maxRssMB: Math.round(maxRssMB * 10) / 10 }) + '\n',
  );
}

/**
 * The baseline: the same number of bytes written with a plain loop, one prepared 256 KiB
 * buffer of log-like text written over and over, with the same backpressure handling.
 */
async function plainWrite(file: string, bytes: number): Promise<{ lines: number; bytes: number }> {
  const line = '203.0.113.7 - - [16/Oct/2025:21:16:47 +0000] "GET /products/42 HTTP/1.1" 200 5120 "-" "Mozilla/5.0"\n';
  const chunk = Buffer.from(line.repeat(Math.floor((256 * 1024) / line.length)));
  const stream = fs.createWriteStream(file);
  let written = 0;
  while (written < bytes) {
    const part = bytes - written >= chunk.length ? chunk : chunk.subarray(0, bytes - written);
    written += part.length;
    if (!stream.write(part)) await once(stream, 'drain');
  }
  stream.end();
  await finished(stream);
  return { lines: Math.round(written / line.length), bytes: written };
}
