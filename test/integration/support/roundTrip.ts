// The client round trip every supported broker version must pass: admin, produce,
// consume in a group, describe the group. Shared by the main suite and the compat suite.
import assert from 'node:assert/strict';
import { createKafkaClient } from '../../../src/core/kafka/client';
import type { GroupDescription, KafkaClient } from '../../../src/core/kafka/ports';

export interface RoundTripResult {
  distinct: number;
  received: number;
  groupWhileRunning: GroupDescription;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function produceNumbered(client: KafkaClient, topic: string, count: number): Promise<void> {
  const producer = client.producer();
  await producer.connect();
  try {
    for (let start = 0; start < count; start += 1000) {
      const batch = [];
      for (let i = start; i < Math.min(count, start + 1000); i++)
        batch.push({ key: `k${i % 97}`, value: `message-${i}` });
      await producer.send(topic, batch);
    }
  } finally {
    await producer.disconnect();
  }
}

/** Polls until the group is Stable with `members` members (a rebalance can be in flight). */
export async function waitForStableGroup(
  client: KafkaClient,
  groupId: string,
  members: number,
  timeoutMs = 30000,
): Promise<GroupDescription> {
  const admin = client.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let last: GroupDescription | undefined;
    while (Date.now() < deadline) {
      [last] = await admin.describeGroups([groupId]);
      if (last.state === 'Stable' && last.members.length === members) return last;
      await sleep(200);
    }
    throw new Error(`group ${groupId} not Stable with ${members} members: ${JSON.stringify(last)}`);
  } finally {
    await admin.disconnect();
  }
}

/** Consumes `expected` messages in group `groupId` and describes the group while it is running. */
export async function consumeInGroup(
  client: KafkaClient,
  topic: string,
  groupId: string,
  expected: number,
  timeoutMs = 60000,
  members = 1,
): Promise<RoundTripResult> {
  const consumer = client.consumer({ groupId });
  const seen = new Set<string>();
  let received = 0;
  await consumer.connect();
  try {
    await consumer.run({
      topics: [topic],
      fromBeginning: true,
      eachBatch: async (batch) => {
        for (const m of batch.messages) {
          received++;
          seen.add(m.value!.toString());
        }
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (seen.size < expected && Date.now() < deadline) await sleep(100);
    // Give a stray duplicate the chance to show up before counting.
    await sleep(500);
    const groupWhileRunning = await waitForStableGroup(client, groupId, members);
    return { distinct: seen.size, received, groupWhileRunning };
  } finally {
    await consumer.disconnect();
  }
}

export async function assertRoundTrip(brokers: string[], topic: string, groupId: string, count: number): Promise<void> {
  const client = createKafkaClient({ brokers });
  const admin = client.admin();
  await admin.connect();
  try {
    assert.equal(await admin.createTopic({ topic, partitions: 3 }), true);
    const [described] = await admin.describeTopics([topic]);
    assert.deepEqual(
      described.partitions.map((p) => p.partition),
      [0, 1, 2],
    );
  } finally {
    await admin.disconnect();
  }
  await produceNumbered(client, topic, count);
  const result = await consumeInGroup(client, topic, groupId, count);
  assert.equal(result.distinct, count, 'every produced message arrived');
  assert.equal(result.received, count, 'no message arrived twice');
  const group = result.groupWhileRunning;
  assert.equal(group.state, 'Stable');
  assert.equal(group.members.length, 1);
  assert.equal(group.members[0].clientId, 'kafka-log-lab');
  assert.deepEqual(group.members[0].assignment, [{ topic, partitions: [0, 1, 2] }]);
}
