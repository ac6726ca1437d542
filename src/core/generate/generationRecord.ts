// What generated a log file (format, seed, start, visitors, lines), kept on this machine so a
// lab report can say how its file was made and give the command that makes it again. A record
// holds only while the file is as it was written (same size and modification time).
import fs from 'node:fs';
import path from 'node:path';
import { cacheRoot } from '../broker/kafkaJars';
import { readRecord, recordPath, writeRecordAtomically } from '../io/keyedRecordStore';
import { generateToFile, type GenerateRequest, type GenerateSummary } from './index';

export interface GenerationRecord {
  /** Absolute path of the file when it was written. */
  file: string;
  format: GenerateRequest['format'];
  seed: string;
  /** ISO time of the first line. */
  start: string;
  users?: number;
  lines?: number;
  meanThinkSeconds?: number;
  written: { lines: number; visitors: number; bytes: number };
  recordedAt: string;
  /** The file as written: a record of a file changed since is not its record any more. */
  size: number;
  mtimeMs: number;
}

export const generationRecordsDir = (): string => path.join(cacheRoot(), 'generated');

const recordOf = (file: string, dir: string): string => recordPath(dir, path.resolve(file), 16);

/** Records how `file` was just generated (called by every command that generates one). */
export function recordGeneration(
  file: string,
  request: GenerateRequest,
  summary: GenerateSummary,
  dir = generationRecordsDir(),
): void {
  const stat = fs.statSync(file);
  const record: GenerationRecord = {
    file: path.resolve(file),
    format: request.format,
    seed: request.seed,
    start: new Date(request.startMs).toISOString(),
    users: request.users,
    lines: request.lines,
    meanThinkSeconds: request.meanThinkSeconds,
    written: { lines: summary.lines, visitors: summary.visitors, bytes: summary.bytes },
    recordedAt: new Date().toISOString(),
    size: stat.size,
    mtimeMs: stat.mtimeMs,
  };
  writeRecordAtomically(recordOf(file, dir), record);
}

/** Generates `file` and records how: what every command that writes a log file calls. */
export async function generateRecordedFile(
  file: string,
  request: GenerateRequest,
  signal?: AbortSignal,
): Promise<GenerateSummary> {
  const summary = await generateToFile(file, request, signal);
  recordGeneration(file, request, summary);
  return summary;
}

/** How `file` was generated, or undefined: no record, or the file changed since it was written. */
export function loadGenerationRecord(file: string, dir = generationRecordsDir()): GenerationRecord | undefined {
  const record = readRecord<GenerationRecord>(recordOf(file, dir));
  if (record?.file !== path.resolve(file)) return undefined;
  try {
    const stat = fs.statSync(file);
    return record.size === stat.size && record.mtimeMs === stat.mtimeMs ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The `generate` arguments that write the same file again (same seed and start: the same bytes). */
export function generateArguments(record: GenerationRecord, out: string): string[] {
  const words = ['generate', '--format', record.format, '--out', out, '--seed', record.seed, '--start', record.start];
  if (record.users !== undefined) words.push('--users', String(record.users));
  if (record.lines !== undefined) words.push('--lines', String(record.lines));
  if (record.meanThinkSeconds !== undefined) words.push('--think-time', String(record.meanThinkSeconds));
  return words;
}
