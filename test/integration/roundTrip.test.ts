import assert from 'node:assert/strict';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { testBrokers, uniqueName } from './support/testBroker';
import { assertRoundTrip, consumeInGroup, produceNumbered } from './support/roundTrip';

describe('real broker round trip', function () {
  this.timeout(120000);

  it('produces 10,000 messages to 3 partitions and reads exactly those back in a consumer group', async () => {
    await assertRoundTrip(testBrokers(), uniqueName('roundtrip'), uniqueName('group'), 10000);
  });

  it('spreads 3 partitions over 2 members of one group without overlap', async () => {
    const brokers = testBrokers();
    const client = createKafkaClient({ brokers });
    const topic = uniqueName('two-members');
    const groupId = uniqueName('group');
    await withAdmin(client, (admin) => admin.createTopic({ topic, partitions: 3 }));
    await produceNumbered(client, topic, 300);
    const other = client.consumer({ groupId });
    await other.connect();
    let otherCount = 0;
    const joined = new Promise<void>((resolve) => other.onAssignment(() => resolve()));
    await other.run({
      topics: [topic],
      fromBeginning: true,
      eachBatch: async (b) => void (otherCount += b.messages.length),
    });
    await joined;
    try {
      const result = await consumeInGroup(client, topic, groupId, 0, 2000, 2);
      const group = result.groupWhileRunning;
      assert.equal(group.members.length, 2);
      const owned = group.members.flatMap((m) => m.assignment.flatMap((a) => a.partitions)).sort();
      assert.deepEqual(owned, [0, 1, 2], 'the members own disjoint partitions that cover the topic');
      assert.ok(
        group.members.every((m) => m.assignment[0]?.partitions.length >= 1),
        'each member owns at least one partition',
      );
      assert.ok(otherCount + result.received >= 300);
    } finally {
      await other.disconnect();
    }
  });

  it('reports the committed offsets of a group after it consumed', async () => {
    const client = createKafkaClient({ brokers: testBrokers() });
    const topic = uniqueName('offsets');
    const groupId = uniqueName('group');
    await withAdmin(client, (admin) => admin.createTopic({ topic, partitions: 3 }));
    await produceNumbered(client, topic, 600);
    await consumeInGroup(client, topic, groupId, 600);
    await withAdmin(client, async (admin) => {
      const committed = await admin.groupOffsets(groupId, [topic]);
      const ends = await admin.topicOffsets(topic);
      assert.equal(
        committed.reduce((s, c) => s + c.offset, 0),
        600,
      );
      assert.deepEqual(
        committed.map((c) => c.offset),
        ends.map((e) => e.latest),
        'lag is zero on every partition',
      );
    });
  });
});
