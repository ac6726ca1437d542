// Where a reader starts in each partition, and how that becomes per-partition seeks.
// Pure: the offsets come from the caller, so the rules are testable without a broker.
import { UserError } from '../errors';
import type { PartitionOffsets } from './ports';

export type StartPosition =
  | { kind: 'beginning' }
  /** Only messages produced after the reader starts. */
  | { kind: 'end' }
  /** The same offset in every partition (clamped to what the partition holds). */
  | { kind: 'offset'; offset: number }
  /** The first message at or after this time, per partition. */
  | { kind: 'time'; timestampMs: number }
  /** A group's committed offsets; partitions it never committed start at the beginning. */
  | { kind: 'committed' };

export interface PartitionStart {
  partition: number;
  /** Offset of the first message the reader will get. */
  offset: number;
  /** Whether the consumer must be told (false: its default position is already right). */
  seek: boolean;
}

/**
 * Parses an ISO-8601 date-time (or epoch milliseconds) into epoch milliseconds.
 * A date-time without a zone is read as UTC so results do not depend on the machine.
 */
export function parseTimestamp(text: string): number {
  const trimmed = text.trim();
  if (/^\d{10,}$/.test(trimmed)) return Number(trimmed);
  const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(trimmed);
  if (!iso)
    throw new UserError(`"${text}" is not an ISO date-time (example: 2025-10-16T21:16:47Z) nor epoch milliseconds`);
  const hasTime = trimmed.length > 10;
  const normalized = trimmed.replace(' ', 'T');
  const ms = Date.parse(hasTime && !iso[1] ? `${normalized}Z` : normalized);
  if (Number.isNaN(ms)) throw new UserError(`"${text}" is not a valid date-time`);
  return ms;
}

/**
 * The first offset the reader gets in each partition.
 * `committed` holds the group's committed offsets (-1 or absent when none);
 * `atTime` the per-partition answer of a timestamp lookup.
 */
export function startOffsets(
  position: StartPosition,
  offsets: PartitionOffsets[],
  committed: Map<number, number> = new Map(),
  atTime: Map<number, number> = new Map(),
): PartitionStart[] {
  return offsets.map(({ partition, earliest, latest }) => {
    const clamp = (o: number) => Math.min(Math.max(o, earliest), latest);
    switch (position.kind) {
      case 'beginning':
        return { partition, offset: earliest, seek: true };
      case 'end':
        return { partition, offset: latest, seek: true };
      case 'offset':
        return { partition, offset: clamp(position.offset), seek: true };
      case 'time':
        return { partition, offset: clamp(atTime.get(partition) ?? latest), seek: true };
      case 'committed': {
        const c = committed.get(partition) ?? -1;
        // Without a commit the consumer falls back to its default (the beginning): no seek.
        return c >= 0 ? { partition, offset: clamp(c), seek: false } : { partition, offset: earliest, seek: false };
      }
    }
  });
}

/** A short phrase for progress and summaries, e.g. "offset 42" or "2025-10-16T21:16:47.000Z". */
export function describeStart(position: StartPosition): string {
  switch (position.kind) {
    case 'beginning':
      return 'the beginning';
    case 'end':
      return 'the end';
    case 'offset':
      return `offset ${position.offset}`;
    case 'time':
      return new Date(position.timestampMs).toISOString();
    case 'committed':
      return 'the committed offsets';
  }
}
