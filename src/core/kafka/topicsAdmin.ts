// Topic queries and changes shared by the CLI (`topics ...`) and the explorer tree.
// Each call takes a connected AdminPort so a caller can reuse one connection.
import { UserError } from '../errors';
import type { AdminPort, PartitionInfo } from './ports';
import { requireValidTopicName, topicCollisionProblem } from './topicName';

export interface TopicSummary {
  name: string;
  partitions: number;
  /** Sum over partitions of latest - earliest (an upper bound on compacted topics). */
  messages: number;
  /** Kafka's own topics, such as __consumer_offsets. */
  internal: boolean;
}

export interface TopicPartitionDetail extends PartitionInfo {
  earliest: number;
  latest: number;
  messages: number;
}

export interface TopicDetail {
  name: string;
  partitions: TopicPartitionDetail[];
  messages: number;
}

export interface CreateTopicSpec {
  topic: string;
  partitions: number;
  replicationFactor?: number;
  configs?: Record<string, string>;
}

export const isInternalTopic = (name: string): boolean => name.startsWith('__');

async function requireTopic(admin: AdminPort, topic: string): Promise<void> {
  if (!(await admin.listTopics()).includes(topic)) throw new UserError(`topic "${topic}" does not exist`);
}

/** Every topic, sorted by name, with its partition and message counts. */
export async function listTopicSummaries(admin: AdminPort): Promise<TopicSummary[]> {
  const names = (await admin.listTopics()).sort();
  if (names.length === 0) return [];
  const infos = await admin.describeTopics(names);
  const partitionsOf = new Map(infos.map((t) => [t.name, t.partitions.length]));
  const messages = await Promise.all(
    names.map(async (name) => (await admin.topicOffsets(name)).reduce((sum, o) => sum + (o.latest - o.earliest), 0)),
  );
  return names.map((name, i) => ({
    name,
    partitions: partitionsOf.get(name) ?? 0,
    messages: messages[i],
    internal: isInternalTopic(name),
  }));
}

export async function describeTopicDetail(admin: AdminPort, topic: string): Promise<TopicDetail> {
  await requireTopic(admin, topic);
  const [[info], offsets] = await Promise.all([admin.describeTopics([topic]), admin.topicOffsets(topic)]);
  const offsetsOf = new Map(offsets.map((o) => [o.partition, o]));
  const partitions = info.partitions.map((p) => {
    const o = offsetsOf.get(p.partition) ?? { earliest: 0, latest: 0 };
    return { ...p, earliest: o.earliest, latest: o.latest, messages: o.latest - o.earliest };
  });
  return { name: topic, partitions, messages: partitions.reduce((sum, p) => sum + p.messages, 0) };
}

/** Creates the topic; a UserError when it already exists or its name collides with another's. */
export async function createTopic(admin: AdminPort, spec: CreateTopicSpec): Promise<void> {
  requireValidTopicName(spec.topic);
  if (!Number.isInteger(spec.partitions) || spec.partitions < 1)
    throw new UserError('a topic needs at least 1 partition');
  const collision = topicCollisionProblem(spec.topic, await admin.listTopics());
  if (collision) throw new UserError(collision);
  const created = await admin.createTopic(spec);
  if (!created) throw new UserError(`topic "${spec.topic}" already exists`);
}

/** Deletes the topic; a UserError when it does not exist. */
export async function deleteTopic(admin: AdminPort, topic: string): Promise<void> {
  await requireTopic(admin, topic);
  await admin.deleteTopics([topic]);
}

/** Creates the topic unless it exists already; true when it was created now. */
export async function ensureTopic(admin: AdminPort, spec: CreateTopicSpec): Promise<boolean> {
  requireValidTopicName(spec.topic);
  if ((await admin.listTopics()).includes(spec.topic)) return false;
  return admin.createTopic(spec);
}
