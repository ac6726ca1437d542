// The account a live run ends with: every line the generator wrote was acknowledged by Kafka and
// read back by the consumer, counted at each step, so a loss names the step where it happened.
import type { StatsSnapshot } from '../stats';

export interface LiveAccountInput {
  written: number;
  summary: { acked: number; failed: number };
  read: number;
  stats?: StatsSnapshot;
}

export interface LiveAccount {
  written: number;
  acked: number;
  failed: number;
  read: number;
  matches: boolean;
  /** What does not add up, in words; absent when everything does. */
  problem?: string;
  stats?: StatsSnapshot;
}

export function liveAccount({ written, summary, read, stats }: LiveAccountInput): LiveAccount {
  const { acked, failed } = summary;
  const problems = [
    written > acked + failed ? `${written - acked - failed} written lines were never sent` : '',
    failed > 0 ? `${failed} sends failed` : '',
    read < acked ? `${acked - read} acknowledged messages were not read back` : '',
    read > acked ? `${read - acked} more messages read than acknowledged (another producer on the topic?)` : '',
  ].filter(Boolean);
  return {
    written,
    acked,
    failed,
    read,
    matches: problems.length === 0,
    problem: problems.join('; ') || undefined,
    stats,
  };
}
