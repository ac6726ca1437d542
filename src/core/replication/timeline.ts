// What the replication lab saw happen, as plain events, and how they are derived from two
// successive metadata snapshots of the lab's topic (pure, so it is tested without a cluster).
import type { PartitionInfo } from '../kafka/ports';
import { english, type Translate } from '../l10n/translate';

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

/** One line of plain words per event, for the CLI, the host and the panel alike, in `t`'s language. */
export function describeEvent(e: TimelineEvent, t: Translate = english): string {
  const node = (id: number): string => (id === NO_LEADER ? t('none') : t('node {0}', id));
  switch (e.kind) {
    case 'action':
      return describeAction(e, t);
    case 'action-failed':
      return t('script step "{0}" failed: {1}', e.text, e.error);
    case 'broker-down':
      return t('node {0} is down', e.nodeId);
    case 'broker-up':
      return t('node {0} is up', e.nodeId);
    case 'controller':
      return t('active controller {0} -> {1}', node(e.from), node(e.to));
    case 'leader':
      return t('partition {0}: leader {1} -> {2} (election)', e.partition, node(e.from), node(e.to));
    case 'isr-shrink':
      return t('partition {0}: ISR shrank to [{1}] (left: {2})', e.partition, e.isr.join(','), e.removed.join(','));
    case 'isr-expand':
      return t('partition {0}: ISR grew to [{1}] (caught up: {2})', e.partition, e.isr.join(','), e.added.join(','));
    case 'producer-error':
      return t(
        'partition {0}: producer refused, {1}, {2} messages not acknowledged after waiting {3}',
        e.partition,
        e.error,
        e.messages,
        seconds(e.waitedMs),
      );
    case 'producer-recovered':
      return t(
        'partition {0}: producer acknowledged again after {1} ({2} failed sends)',
        e.partition,
        seconds(e.blockedMs),
        e.failedSends,
      );
    case 'consumer-error':
      return t('consumer error: {0}', e.error);
  }
}

function describeAction(e: Extract<TimelineEvent, { kind: 'action' }>, t: Translate): string {
  switch (e.action) {
    case 'stop':
      return t('stopping (SIGTERM) node {0} ({1})', e.nodeId, e.text);
    case 'kill':
      return t('killing (SIGKILL) node {0} ({1})', e.nodeId, e.text);
    case 'start':
      return t('starting node {0} ({1})', e.nodeId, e.text);
  }
}

/** Seconds with one decimal and en-US digits, as the CLI prints them in every language. */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
