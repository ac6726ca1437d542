// Turns successive group descriptions into rebalance events: whenever a group settles
// (Stable, or Empty once everybody left) with an assignment different from the last settled
// one, that is one rebalance, with who joined, who left and who owns what now. Working from
// the broker's description (not only our consumers' callbacks) also catches members of other
// processes joining or leaving.
import type { LabAssignment, RebalanceEvent } from './labTypes';

export interface ObservedMember extends LabAssignment {
  memberId: string;
}

const SETTLED = new Set(['Stable', 'Empty']);

/** m2 before m10. */
const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function signature(members: ObservedMember[]): string {
  return members
    .map((m) => `${m.memberId}=${m.partitions.join(',')}`)
    .sort()
    .join(' ');
}

export class RebalanceTimeline {
  private readonly last = new Map<string, { signature: string; members: ObservedMember[] }>();
  private readonly counts = new Map<string, number>();
  private readonly recent: RebalanceEvent[] = [];
  private seq = 0;

  constructor(private readonly capacity = 100) {}

  /** Feeds one description of `groupId`; returns the event when its settled assignment changed. */
  observe(groupId: string, state: string, members: ObservedMember[], atMs: number): RebalanceEvent | undefined {
    if (!SETTLED.has(state)) return undefined;
    const previous = this.last.get(groupId);
    const sig = signature(members);
    if (previous?.signature === sig) return undefined;
    this.last.set(groupId, { signature: sig, members });
    if (!previous && members.length === 0) return undefined;
    const before = new Set(previous?.members.map((m) => m.memberId));
    const now = new Set(members.map((m) => m.memberId));
    const event: RebalanceEvent = {
      seq: ++this.seq,
      atMs,
      groupId,
      joined: members
        .filter((m) => !before.has(m.memberId))
        .map((m) => m.member)
        .sort(byName),
      left: (previous?.members ?? [])
        .filter((m) => !now.has(m.memberId))
        .map((m) => m.member)
        .sort(byName),
      assignment: members
        .map(({ member, ours, partitions }) => ({ member, ours, partitions }))
        .sort((a, b) => byName(a.member, b.member)),
    };
    this.counts.set(groupId, (this.counts.get(groupId) ?? 0) + 1);
    this.recent.push(event);
    if (this.recent.length > this.capacity) this.recent.shift();
    return event;
  }

  rebalancesOf(groupId: string): number {
    return this.counts.get(groupId) ?? 0;
  }

  events(): RebalanceEvent[] {
    return [...this.recent];
  }
}
