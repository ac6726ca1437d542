// What the replication lab saw happen, as plain events, and how they are derived from two
// successive metadata snapshots of the lab's topic (pure, so it is tested without a cluster).
import type { PartitionInfo } from '../kafka/ports';

export type TimelineEvent =
  | { kind: 'action'; atMs: number; action: 'stop' | 'kill' | 'start'; nodeId: number; text: string }
  | { kind: 'action-failed'; atMs: number; text: string; error: string }
  | { kind: 'broker-down'; atMs: number; nodeId: number }
  | { kind: 'broker-up'; atMs: number; nodeId: number }
  | { kind: 'controller'; atMs: number; from: number; to: number }
  | { kind: 'leader'; atMs: number; partition: number; from: number; to: number }
  | { kind: 'isr-shrink'; atMs: number; partition: number; isr: number[]; removed: number[] }
  | { kind: 'isr-expand'; atMs: number; partition: number; isr: number[]; added: number[] }
  | { kind: 'producer-error'; atMs: number; partition: number; error: string; messages: number; waitedMs: number }
  | { kind: 'producer-recovered'; atMs: number; partition: number; blockedMs: number; failedSends: number }
  | { kind: 'consumer-error'; atMs: number; error: string };

const ACTION_WORDS = { stop: 'stopping (SIGTERM)', kill: 'killing (SIGKILL)', start: 'starting' } as const;

/** Kafka reports "no leader" as -1. */
export const NO_LEADER = -1;

/** Leader and ISR changes between two snapshots of the same topic's partitions. */
export function partitionChanges(before: PartitionInfo[], after: PartitionInfo[], atMs: number): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const previous = new Map(before.map((p) => [p.partition, p]));
  for (const p of after) {
    const old = previous.get(p.partition);
    if (!old) continue;
    if (old.leader !== p.leader)
      events.push({ kind: 'leader', atMs, partition: p.partition, from: old.leader, to: p.leader });
    const removed = old.isr.filter((id) => !p.isr.includes(id));
    const added = p.isr.filter((id) => !old.isr.includes(id));
    const isr = [...p.isr].sort((a, b) => a - b);
    if (removed.length) events.push({ kind: 'isr-shrink', atMs, partition: p.partition, isr, removed });
    if (added.length) events.push({ kind: 'isr-expand', atMs, partition: p.partition, isr, added });
  }
  return events;
}

/** One line of plain words per event, for the CLI and the panel alike. */
export function describeEvent(e: TimelineEvent): string {
  switch (e.kind) {
    case 'action':
      return `${ACTION_WORDS[e.action]} node ${e.nodeId} (${e.text})`;
    case 'action-failed':
      return `script step "${e.text}" failed: ${e.error}`;
    case 'broker-down':
      return `node ${e.nodeId} is down`;
    case 'broker-up':
      return `node ${e.nodeId} is up`;
    case 'controller':
      return `active controller ${nodeName(e.from)} -> ${nodeName(e.to)}`;
    case 'leader':
      return `partition ${e.partition}: leader ${nodeName(e.from)} -> ${nodeName(e.to)} (election)`;
    case 'isr-shrink':
      return `partition ${e.partition}: ISR shrank to [${e.isr.join(',')}] (left: ${e.removed.join(',')})`;
    case 'isr-expand':
      return `partition ${e.partition}: ISR grew to [${e.isr.join(',')}] (caught up: ${e.added.join(',')})`;
    case 'producer-error':
      return `partition ${e.partition}: producer refused, ${e.error}, ${e.messages} messages not acknowledged after waiting ${seconds(e.waitedMs)}`;
    case 'producer-recovered':
      return `partition ${e.partition}: producer acknowledged again after ${seconds(e.blockedMs)} (${e.failedSends} failed sends)`;
    case 'consumer-error':
      return `consumer error: ${e.error}`;
  }
}

function nodeName(id: number): string {
  return id === NO_LEADER ? 'none' : `node ${id}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
