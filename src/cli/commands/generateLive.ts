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
import { t } from '../l10n';

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
    if (flags[flag] !== undefined)
      throw new UsageError(t('--{0} does not apply to --live (it runs until Ctrl-C)', flag));
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
  const rotated = !s.rotations
    ? ''
    : s.rotations === 1
      ? t(', rotated 1 time')
      : t(', rotated {0} times', formatCount(s.rotations));
  return (
    t('Appended {0} {1} lines ({2} bytes) to {3}', formatCount(s.lines), s.format, formatCount(s.bytes), s.file) +
    rotated
  );
}

export async function runLiveGenerator(flags: LiveGeneratorFlags, io: CliIO): Promise<number> {
  const options = liveTrafficOptions(flags);
  requireWritableFile(options.file);
  const live = await LiveTraffic.start(options);
  if (!flags.json)
    io.err(t('Writing {0} {1} lines/s to {2}; Ctrl-C stops', options.linesPerSecond, options.format, options.file));
  await Promise.race([
    live.ended,
    new Promise((resolve) => io.signal.addEventListener('abort', resolve, { once: true })),
  ]);
  const status = await live.stop();
  if (flags.json) printJson(io, { ...status, seed: flags.seed });
  else io.out(t('{0}; seed "{1}"', describeLive(status), flags.seed));
  return 0;
}
