// Generated web logs and the engine's statistics over a file's lines: the reference every
// consumer of the same lines must match.
import { createStats, type StatsSnapshot } from '../../../src/core/stats';
import { generateToString } from '../../../src/core/generate';
import type { LogFormat } from '../../../src/core/logFormat';
import { scratchFile } from './files';
import { nonEmptyLines } from './fileLines';

export function fileStats(format: LogFormat, lines: string[]): StatsSnapshot {
  const stats = createStats(format);
  lines.forEach((line, i) => stats.addLine(line, i + 1));
  return stats.snapshot();
}

/** A seeded web-sessions log on disk and its non-empty lines. */
export function webLog(seed: string, users: number): { file: string; lines: string[] } {
  const { text } = generateToString({ format: 'web', seed, startMs: Date.UTC(2025, 9, 16, 21), users });
  const file = scratchFile(`${seed}.log`, text);
  return { file, lines: nonEmptyLines(file).map((l) => l.text) };
}
