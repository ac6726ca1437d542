// Consumer-group queries and changes shared by the CLI (`groups ...`) and the explorer tree:
// state, members and their partitions, committed offsets and lag, resets and deletion.
import { UserError } from '../errors';
import type { AdminPort, GroupMember } from './ports';
import { parseTimestamp } from './startPosition';
import { isInternalTopic } from './topicsAdmin';

export interface GroupSummary {
  groupId: string;
  /** Stable, PreparingRebalance, CompletingRebalance, Empty or Dead. */
  state: string;
  protocolType: string;
  members: number;
}

export interface GroupPartitionLag {
  topic: string;
  partition: number;
  /** Null when the group never committed for this partition. */
  committed: number | null;
  /** The partition's latest offset (high watermark). */
  end: number;
  /** end - committed; null without a commit. */
  lag: number | null;
  /** The member that owns the partition right now, if any. */
  memberId: string | null;
  clientId: string | null;
  host: string | null;
}

export interface GroupDetail {
  groupId: string;
  state: string;
  protocol: string;
  protocolType: string;
  members: GroupMember[];
  partitions: GroupPartitionLag[];
  /** Sum of the known lags. */
  totalLag: number;
}

export type ResetTarget = { kind: 'earliest' } | { kind: 'latest' } | { kind: 'time'; timestampMs: number };

/** `earliest`, `latest`, or an ISO date-time / epoch milliseconds. */
export function parseResetTarget(text: string): ResetTarget {
  if (text === 'earliest' || text === 'latest') return { kind: text };
  return { kind: 'time', timestampMs: parseTimestamp(text) };
}

/** Every group with its state and member count, sorted by id. */
export async function listGroupSummaries(admin: AdminPort): Promise<GroupSummary[]> {
  const listed = await admin.listGroups();
  if (listed.length === 0) return [];
  const described = await admin.describeGroups(listed.map((g) => g.groupId));
  const byId = new Map(described.map((d) => [d.groupId, d]));
  return listed
    .map((g) => {
      const d = byId.get(g.groupId);
      return {
        groupId: g.groupId,
        state: d?.state ?? 'Unknown',
        protocolType: g.protocolType,
        members: d?.members.length ?? 0,
      };
    })
    .sort((a, b) => a.groupId.localeCompare(b.groupId));
}

async function describeOne(admin: AdminPort, groupId: string) {
  const [description] = await admin.describeGroups([groupId]);
  if (!description || description.state === 'Dead') {
    const known = (await admin.listGroups()).some((g) => g.groupId === groupId);
    if (!known) throw new UserError(`consumer group "${groupId}" does not exist`);
  }
  return description;
}

export async function describeGroupDetail(admin: AdminPort, groupId: string): Promise<GroupDetail> {
  const description = await describeOne(admin, groupId);
  const owners = new Map<string, GroupMember>();
  for (const member of description.members) {
    for (const a of member.assignment) for (const p of a.partitions) owners.set(`${a.topic}\0${p}`, member);
  }
  const assignedTopics = new Set(description.members.flatMap((m) => m.assignment.map((a) => a.topic)));
  // Kafka answers committed offsets only for the topics asked about: ask about all of them.
  const existing = new Set(await admin.listTopics());
  const candidates = [...existing].filter((t) => !isInternalTopic(t) || assignedTopics.has(t));
  const committedRows = candidates.length ? await admin.groupOffsets(groupId, candidates) : [];
  const committed = new Map(
    committedRows.filter((r) => r.offset >= 0).map((r) => [`${r.topic}\0${r.partition}`, r.offset]),
  );
  const topics = [...new Set([...assignedTopics, ...committedRows.filter((r) => r.offset >= 0).map((r) => r.topic)])]
    .filter((t) => existing.has(t))
    .sort();
  const partitions: GroupPartitionLag[] = [];
  for (const topic of topics) {
    for (const o of await admin.topicOffsets(topic)) {
      const key = `${topic}\0${o.partition}`;
      const c = committed.get(key);
      const owner = owners.get(key);
      partitions.push({
        topic,
        partition: o.partition,
        committed: c ?? null,
        end: o.latest,
        lag: c === undefined ? null : Math.max(0, o.latest - c),
        memberId: owner?.memberId ?? null,
        clientId: owner?.clientId ?? null,
        host: owner?.host ?? null,
      });
    }
  }
  return {
    groupId,
    state: description.state,
    protocol: description.protocol,
    protocolType: description.protocolType,
    members: description.members,
    partitions,
    totalLag: partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0),
  };
}

function requireInactive(groupId: string, state: string, members: number, action: string): void {
  if (state === 'Empty' || state === 'Dead') return;
  throw new UserError(
    `cannot ${action} consumer group "${groupId}": it is ${state} with ${members} active member${members === 1 ? '' : 's'}; stop its consumers first`,
  );
}

/** Moves the group's committed offsets on every partition of `topic`; refused while the group has members. */
export async function resetGroupOffsets(
  admin: AdminPort,
  groupId: string,
  topic: string,
  target: ResetTarget,
): Promise<Array<{ partition: number; offset: number }>> {
  const [description] = await admin.describeGroups([groupId]);
  requireInactive(groupId, description?.state ?? 'Dead', description?.members.length ?? 0, 'reset the offsets of');
  if (!(await admin.listTopics()).includes(topic)) throw new UserError(`topic "${topic}" does not exist`);
  const ends = await admin.topicOffsets(topic);
  let offsets: Array<{ partition: number; offset: number }>;
  if (target.kind === 'time') offsets = await admin.topicOffsetsAt(topic, target.timestampMs);
  else
    offsets = ends.map((e) => ({ partition: e.partition, offset: target.kind === 'earliest' ? e.earliest : e.latest }));
  await admin.setGroupOffsets(groupId, topic, offsets);
  return offsets;
}

/** Deletes the group and its committed offsets; refused while the group has members. */
export async function deleteGroup(admin: AdminPort, groupId: string): Promise<void> {
  const description = await describeOne(admin, groupId);
  requireInactive(groupId, description.state, description.members.length, 'delete');
  await admin.deleteGroups([groupId]);
}
