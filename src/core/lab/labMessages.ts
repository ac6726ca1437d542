// The messages the lab produces: realistic nginx access-log lines (the seeds' format), each
// keyed `<run>-<sequence>`. The unique key spreads them over the partitions and lets anyone
// check by content that a group read each message exactly once.
import { createGenerator } from '../generate';
import type { OutgoingMessage } from '../kafka/ports';
import type { GeneratedFormat } from '../logFormat';

const CHUNK_BYTES = 64 * 1024;

export function labMessageKey(runId: string, seq: number): string {
  return `${runId}-${seq}`;
}

/** `count` messages numbered from `firstSeq`; the log starts at `startMs`. */
export function labMessages(
  runId: string,
  firstSeq: number,
  count: number,
  startMs: number,
  format: GeneratedFormat = 'nginx',
): OutgoingMessage[] {
  if (count <= 0) return [];
  const generator = createGenerator({ format, seed: `${runId}-${firstSeq}`, startMs, lines: count });
  const lines: string[] = [];
  for (let chunk = generator.nextChunk(CHUNK_BYTES); chunk !== undefined; chunk = generator.nextChunk(CHUNK_BYTES)) {
    for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(line);
  }
  return lines.slice(0, count).map((value, i) => ({ key: labMessageKey(runId, firstSeq + i), value }));
}
