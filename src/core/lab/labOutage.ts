// What the lab can say about its groups while the broker cannot be reached: nothing current.
// The counts and assignments seen last stay (stale), but no group is "Stable" and no member
// "active" when nobody can ask the broker.
import type { LabGroupView, LabMemberView } from './labTypes';

function unknownMember(m: LabMemberView): LabMemberView {
  const live = m.state === 'active' || m.state === 'joining' || m.state === 'foreign';
  return live ? { ...m, state: 'unknown' } : m;
}

/** The groups as the lab shows them during an outage. */
export function groupsDuringOutage(groups: LabGroupView[]): LabGroupView[] {
  return groups.map((g) => ({ ...g, state: 'Unknown', members: g.members.map(unknownMember) }));
}
