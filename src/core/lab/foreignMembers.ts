// Members of a lab group that this lab did not start (a Python consumer, another terminal):
// they are known only from the group description, so their partitions come from the
// broker's assignment and their counts from the group's committed offsets: what the group
// committed on a partition beyond what our own members read there was read by them.
import type { GroupMember } from '../kafka/ports';
import type { LabMemberView } from './labTypes';

interface ForeignMember {
  memberId: string;
  clientId: string;
  host: string;
  partitions: number[];
  present: boolean;
}

export class ForeignMembers {
  private readonly members = new Map<string, ForeignMember>();
  /** The foreign member that owned each partition last: it gets the credit for its reads there. */
  private readonly lastOwner = new Map<number, string>();

  get seen(): boolean {
    return this.members.size > 0;
  }

  /** Updates from the group's current description; `ours` are the member ids of our consumers. */
  observe(described: GroupMember[], topic: string, ours: Set<string>): void {
    for (const m of this.members.values()) m.present = false;
    for (const d of described) {
      if (ours.has(d.memberId)) continue;
      const partitions = d.assignment
        .filter((a) => a.topic === topic)
        .flatMap((a) => a.partitions)
        .sort((a, b) => a - b);
      this.members.set(d.memberId, {
        memberId: d.memberId,
        clientId: d.clientId,
        host: d.host,
        partitions,
        present: true,
      });
      for (const p of partitions) this.lastOwner.set(p, d.memberId);
    }
    for (const m of this.members.values()) if (!m.present) m.partitions = [];
  }

  /** The member label the lab shows: the client id, numbered when two share one. */
  labels(): Map<string, string> {
    const labels = new Map<string, string>();
    const used = new Map<string, number>();
    for (const m of this.members.values()) {
      const n = (used.get(m.clientId) ?? 0) + 1;
      used.set(m.clientId, n);
      labels.set(m.memberId, n === 1 ? m.clientId : `${m.clientId} #${n}`);
    }
    return labels;
  }

  /**
   * Views of the foreign members. `committedRead` is, per partition, the committed offset minus
   * the partition's earliest offset; `oursRead` what our members read there.
   */
  views(committedRead: Map<number, number>, oursRead: Map<number, number>): LabMemberView[] {
    const labels = this.labels();
    return [...this.members.values()].map((m) => {
      const perPartition = [...this.lastOwner]
        .filter(([, owner]) => owner === m.memberId)
        .map(([partition]) => ({
          partition,
          messages: Math.max(0, (committedRead.get(partition) ?? 0) - (oursRead.get(partition) ?? 0)),
        }))
        .filter((r) => r.messages > 0)
        .sort((a, b) => a.partition - b.partition);
      return {
        name: labels.get(m.memberId) ?? m.clientId,
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.host,
        ours: false,
        state: m.present ? 'foreign' : 'stopped',
        partitions: [...m.partitions],
        messages: perPartition.reduce((sum, r) => sum + r.messages, 0),
        perPartition,
      };
    });
  }
}
