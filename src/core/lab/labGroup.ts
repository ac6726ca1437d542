// One group of the lab: our members, the members of other processes, and the broker's latest
// description of the group, combined into what the lab shows for it.
import type { CommittedOffset, GroupDescription, PartitionOffsets } from '../kafka/ports';
import { ForeignMembers } from './foreignMembers';
import { checkGroup } from './labChecks';
import type { LabMember } from './labMember';
import type { LabGroupView, LabPartition } from './labTypes';
import type { ObservedMember } from './rebalanceTimeline';

/** A group that cannot settle (a member keeps failing) starts consuming anyway after this. */
const FORMING_LIMIT_MS = 30000;

export class LabGroup {
  readonly members: LabMember[] = [];
  readonly foreign = new ForeignMembers();
  /** The broker's state of the group, Unknown until the first description. */
  state = 'Unknown';
  /** Members consume once the group first settled with all of them (or after FORMING_LIMIT_MS). */
  private formed = false;
  private readonly createdMs = Date.now();
  private described: GroupDescription | undefined;
  private committedRead = new Map<number, number>();
  private memberNumber = 0;

  constructor(readonly groupId: string) {}

  mayConsume(): boolean {
    this.formed ||= this.isSettled() || Date.now() - this.createdMs > FORMING_LIMIT_MS;
    return this.formed;
  }

  nextMemberName(): string {
    return `m${++this.memberNumber}`;
  }

  member(name: string): LabMember | undefined {
    return this.members.find((m) => m.name === name);
  }

  liveMembers(): LabMember[] {
    return this.members.filter((m) => m.live);
  }

  /** Our members still joining (no member id yet): a described member with their client id is one of them. */
  private isOurs(memberId: string, clientId: string, clientIds: Map<LabMember, string>): boolean {
    return this.members.some(
      (m) => m.memberId === memberId || (m.memberId === null && m.live && clientIds.get(m) === clientId),
    );
  }

  observe(description: GroupDescription | undefined, topic: string, clientIds: Map<LabMember, string>): void {
    this.described = description;
    this.state = description?.state ?? 'Unknown';
    const described = description?.members ?? [];
    const ours = new Set(
      described.filter((d) => this.isOurs(d.memberId, d.clientId, clientIds)).map((d) => d.memberId),
    );
    this.foreign.observe(described, topic, ours);
  }

  /** Committed offsets of the group on the topic: only needed to credit foreign members. */
  observeCommitted(committed: CommittedOffset[], offsets: PartitionOffsets[]): void {
    const earliest = new Map(offsets.map((o) => [o.partition, o.earliest]));
    this.committedRead = new Map(
      committed
        .filter((c) => c.offset >= 0)
        .map((c) => [c.partition, Math.max(0, c.offset - (earliest.get(c.partition) ?? 0))]),
    );
  }

  /** Stable, and every live member of ours is in the group under its known member id. */
  isSettled(): boolean {
    if (this.state !== 'Stable' || !this.described) return false;
    const described = new Set(this.described.members.map((m) => m.memberId));
    return this.liveMembers().every((m) => m.state === 'active' && m.memberId !== null && described.has(m.memberId));
  }

  /** The described members with the labels the lab shows; undefined while ours are still joining. */
  observedMembers(topic: string): ObservedMember[] | undefined {
    if (!this.described || this.liveMembers().some((m) => m.memberId === null)) return undefined;
    const foreignLabels = this.foreign.labels();
    return this.described.members.map((d) => {
      const mine = this.members.find((m) => m.memberId === d.memberId);
      const partitions = d.assignment
        .filter((a) => a.topic === topic)
        .flatMap((a) => a.partitions)
        .sort((a, b) => a - b);
      return {
        memberId: d.memberId,
        member: mine?.name ?? foreignLabels.get(d.memberId) ?? d.clientId,
        ours: mine !== undefined,
        partitions,
      };
    });
  }

  view(partitions: LabPartition[], rebalances: number): LabGroupView {
    const ours = this.members.map((m) => m.view());
    const oursRead = new Map<number, number>();
    for (const m of ours)
      for (const r of m.perPartition) oursRead.set(r.partition, (oursRead.get(r.partition) ?? 0) + r.messages);
    const members = [...ours, ...this.foreign.views(this.committedRead, oursRead)];
    return { groupId: this.groupId, state: this.state, members, rebalances, check: checkGroup(partitions, members) };
  }
}
