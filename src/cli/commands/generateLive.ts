// `kafka-log-lab generate --live`: appends lines to a file as they happen until Ctrl-C.
import { type CliIO, UsageError, numberOption, printJson } from '../command';
import { requireWritableFile } from '../../core/fileErrors';
import { formatCount } from '../../core/format/count';
import type { GeneratedFormat } from '../../core/logFormat';
import {
  DEFAULT_LIVE_RATE,
  LIVE_RATE_LIMITS,
  LIVE_THINK_SECONDS,
  LiveTraffic,
  type LiveTrafficStatus,
} from '../../core/generate/liveTraffic';

export interface LiveGeneratorFlags {
  format: GeneratedFormat;
  out: string;
  seed: string;
  rate?: string;
  'rotate-bytes'?: string;
  'think-time'?: string;
  lines?: string;
  users?: string;
  start?: string;
  json?: boolean;
}

/** --rate as lines per second within the live limits. */
export function liveRateOption(value: string | undefined): number {
  return numberOption(value, 'rate', { ...LIVE_RATE_LIMITS, unit: 'lines per second' }, DEFAULT_LIVE_RATE)!;
}

export function liveTrafficOptions(flags: LiveGeneratorFlags) {
  for (const flag of ['lines', 'users', 'start'] as const)
    if (flags[flag] !== undefined) throw new UsageError(`--${flag} does not apply to --live (it runs until Ctrl-C)`);
  return {
    format: flags.format,
    file: flags.out,
    seed: flags.seed,
    linesPerSecond: liveRateOption(flags.rate),
    rotateBytes: numberOption(flags['rotate-bytes'], 'rotate-bytes', { integer: true, min: 1, unit: 'bytes' }),
    meanThinkSeconds: numberOption(flags['think-time'], 'think-time', { min: 1, unit: 'seconds' }, LIVE_THINK_SECONDS),
  };
}

export function describeLive(s: LiveTrafficStatus): string {
  const rotated = s.rotations ? `, rotated ${formatCount(s.rotations)} time${s.rotations === 1 ? '' : 's'}` : '';
  return `Appended ${formatCount(s.lines)} ${s.format} lines (${formatCount(s.bytes)} bytes) to ${s.file}${rotated}`;
}

export async function runLiveGenerator(flags: LiveGeneratorFlags, io: CliIO): Promise<number> {
  const options = liveTrafficOptions(flags);
  requireWritableFile(options.file);
  const live = await LiveTraffic.start(options);
  if (!flags.json)
    io.err(`Writing ${options.linesPerSecond} ${options.format} lines/s to ${options.file}; Ctrl-C stops`);
  await Promise.race([
    live.ended,
    new Promise((resolve) => io.signal.addEventListener('abort', resolve, { once: true })),
  ]);
  const status = await live.stop();
  if (flags.json) printJson(io, { ...status, seed: flags.seed });
  else io.out(`${describeLive(status)}; seed "${flags.seed}"`);
  return 0;
}
