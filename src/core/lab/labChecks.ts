// The two facts of the lab as checks over plain numbers:
//   load balancing: in a group, members own disjoint partitions covering the topic, and their
//                   counts add up to the topic's messages;
//   fanout:         every group, on its own, reads every message of every partition once.
import type { LabGroupCheck, LabGroupView, LabMemberView, LabPartition } from './labTypes';

export function checkGroup(partitions: LabPartition[], members: LabMemberView[]): LabGroupCheck {
  const owners = new Map<number, number>();
  const read = new Map<number, number>();
  for (const member of members) {
    for (const p of member.partitions) owners.set(p, (owners.get(p) ?? 0) + 1);
    for (const r of member.perPartition) read.set(r.partition, (read.get(r.partition) ?? 0) + r.messages);
  }
  const shared = [...owners]
    .filter(([, n]) => n > 1)
    .map(([p]) => p)
    .sort((a, b) => a - b);
  const unowned = partitions.map((p) => p.partition).filter((p) => !owners.has(p));
  const expected = partitions.reduce((sum, p) => sum + p.messages, 0);
  const received = members.reduce((sum, m) => sum + m.messages, 0);
  // A partition read by nobody in this group must hold no message; a read of a partition
  // the topic does not have (cannot happen) would show as a difference in `received`.
  const everyMessageOnce =
    received === expected && partitions.every((p) => (read.get(p.partition) ?? 0) === p.messages);
  return {
    disjoint: shared.length === 0,
    shared,
    covered: unowned.length === 0,
    unowned,
    received,
    expected,
    everyMessageOnce,
  };
}

/** Load balancing holds in every group. */
export function balanceHolds(groups: LabGroupView[]): boolean {
  return (
    groups.length > 0 &&
    groups.every((g) => g.check.disjoint && g.check.covered && g.check.received === g.check.expected)
  );
}

/** Fanout holds: every group read every message exactly once. */
export function fanoutHolds(groups: LabGroupView[]): boolean {
  return groups.length > 0 && groups.every((g) => g.check.everyMessageOnce);
}
