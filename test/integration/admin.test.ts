import assert from 'node:assert/strict';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import type { ConsumerPort, KafkaClient } from '../../src/core/kafka/ports';
import { createTopic, deleteTopic, describeTopicDetail, listTopicSummaries } from '../../src/core/kafka/topicsAdmin';
import {
  deleteGroup,
  describeGroupDetail,
  listGroupSummaries,
  resetGroupOffsets,
} from '../../src/core/kafka/groupsAdmin';
import { testBrokers, uniqueName } from './support/testBroker';
import { produceNumbered, waitForStableGroup } from './support/roundTrip';
import { lastJsonLine, runCli } from './support/runCli';
import { pollUntil } from '../support/polling';

/** A group member that consumed everything so far (committed), then paused so lag can build up. */
async function startPausedMember(
  client: KafkaClient,
  topic: string,
  groupId: string,
  expected: number,
): Promise<ConsumerPort> {
  const consumer = client.consumer({ groupId });
  await consumer.connect();
  await consumer.run({ topics: [topic], fromBeginning: true, eachBatch: async () => undefined });
  await withAdmin(client, (admin) =>
    pollUntil('the group to commit every message', async () => {
      const committed = await admin.groupOffsets(groupId, [topic]);
      return committed.reduce((s, c) => s + Math.max(0, c.offset), 0) === expected ? true : undefined;
    }),
  );
  consumer.pause();
  return consumer;
}

describe('topic and group administration against a real broker', function () {
  this.timeout(120000);
  const client = () => createKafkaClient({ brokers: testBrokers() });

  it('creates, lists, describes and deletes a topic, refusing duplicates and unknown names', async () => {
    const topic = uniqueName('admin-topic');
    await withAdmin(client(), async (admin) => {
      await createTopic(admin, { topic, partitions: 3 });
      await assert.rejects(createTopic(admin, { topic, partitions: 3 }), /already exists/);
    });
    await produceNumbered(client(), topic, 90);
    await withAdmin(client(), async (admin) => {
      const cluster = await admin.describeCluster();
      const detail = await describeTopicDetail(admin, topic);
      assert.deepEqual(
        detail.partitions.map((p) => p.partition),
        [0, 1, 2],
      );
      assert.equal(detail.messages, 90);
      assert.equal(
        detail.partitions.reduce((s, p) => s + p.latest - p.earliest, 0),
        90,
      );
      for (const p of detail.partitions) {
        assert.equal(p.leader, cluster.brokers[0].nodeId);
        assert.deepEqual(p.replicas, [cluster.brokers[0].nodeId]);
        assert.deepEqual(p.isr, [cluster.brokers[0].nodeId]);
        assert.equal(p.messages, p.latest - p.earliest);
      }
      const listed = (await listTopicSummaries(admin)).find((t) => t.name === topic);
      assert.deepEqual(listed, { name: topic, partitions: 3, messages: 90, internal: false });
      await deleteTopic(admin, topic);
      assert.ok(!(await admin.listTopics()).includes(topic));
      await assert.rejects(deleteTopic(admin, topic), /does not exist/);
      await assert.rejects(describeTopicDetail(admin, topic), /does not exist/);
    });
  });

  it('describes a running group: members, assignment, committed offsets, end offsets and lag', async () => {
    const topic = uniqueName('admin-lag');
    const groupId = uniqueName('admin-group');
    await withAdmin(client(), (admin) => createTopic(admin, { topic, partitions: 3 }));
    await produceNumbered(client(), topic, 300);
    const member = await startPausedMember(client(), topic, groupId, 300);
    try {
      await produceNumbered(client(), topic, 60);
      await waitForStableGroup(client(), groupId, 1);
      const detail = await withAdmin(client(), (admin) => describeGroupDetail(admin, groupId));
      assert.equal(detail.state, 'Stable');
      assert.equal(detail.members.length, 1);
      const [m] = detail.members;
      assert.equal(m.clientId, 'kafka-log-lab');
      assert.ok(m.host.length > 0, 'the member host is known');
      assert.deepEqual(m.assignment, [{ topic, partitions: [0, 1, 2] }]);
      assert.deepEqual(
        detail.partitions.map((p) => p.partition),
        [0, 1, 2],
      );
      assert.equal(
        detail.partitions.reduce((s, p) => s + (p.committed ?? 0), 0),
        300,
      );
      assert.equal(
        detail.partitions.reduce((s, p) => s + p.end, 0),
        360,
      );
      for (const p of detail.partitions) {
        assert.equal(p.lag, p.end - p.committed!);
        assert.equal(p.memberId, m.memberId);
      }
      assert.equal(detail.totalLag, 60);
      const listed = await withAdmin(client(), listGroupSummaries);
      assert.deepEqual(
        listed.find((g) => g.groupId === groupId),
        { groupId, state: 'Stable', protocolType: 'consumer', members: 1 },
      );

      // Resets and deletion are refused while the member is there.
      await withAdmin(client(), async (admin) => {
        await assert.rejects(
          resetGroupOffsets(admin, groupId, topic, { kind: 'earliest' }),
          /Stable with 1 active member; stop its consumers first/,
        );
        await assert.rejects(deleteGroup(admin, groupId), /stop its consumers first/);
      });
    } finally {
      await member.disconnect();
    }

    await withAdmin(client(), async (admin) => {
      await pollUntil('the group to be Empty', async () =>
        (await admin.describeGroups([groupId]))[0].state === 'Empty' ? true : undefined,
      );
      await resetGroupOffsets(admin, groupId, topic, { kind: 'earliest' });
      let detail = await describeGroupDetail(admin, groupId);
      assert.equal(detail.state, 'Empty');
      assert.deepEqual(
        detail.partitions.map((p) => p.committed),
        [0, 0, 0],
      );
      assert.equal(detail.totalLag, 360);
      await resetGroupOffsets(admin, groupId, topic, { kind: 'latest' });
      detail = await describeGroupDetail(admin, groupId);
      assert.equal(detail.totalLag, 0);
      await deleteGroup(admin, groupId);
      assert.ok(!(await admin.listGroups()).some((g) => g.groupId === groupId));
      await assert.rejects(describeGroupDetail(admin, groupId), /does not exist/);
    });
  });

  it('resets a group to the first message at or after a time', async () => {
    const topic = uniqueName('admin-time');
    const groupId = uniqueName('admin-group');
    const t0 = Date.UTC(2025, 9, 16, 21, 0, 0);
    await withAdmin(client(), (admin) => createTopic(admin, { topic, partitions: 1 }));
    const producer = client().producer();
    await producer.connect();
    const messages = Array.from({ length: 20 }, (_, i) => ({ value: `m${i}`, timestamp: String(t0 + i * 60000) }));
    await producer.send(topic, messages);
    await producer.disconnect();
    await withAdmin(client(), async (admin) => {
      const offsets = await resetGroupOffsets(admin, groupId, topic, { kind: 'time', timestampMs: t0 + 7 * 60000 - 1 });
      assert.deepEqual(offsets, [{ partition: 0, offset: 7 }]);
      assert.deepEqual(
        (await admin.groupOffsets(groupId, [topic])).map((o) => o.offset),
        [7],
      );
      const detail = await describeGroupDetail(admin, groupId);
      assert.equal(detail.totalLag, 13);
    });
  });

  it('runs topics and groups through the CLI with --json', async () => {
    const brokers = testBrokers().join(',');
    const topic = uniqueName('cli-admin');
    const created = await runCli(['topics', 'create', topic, '--partitions', '2', '--brokers', brokers, '--json']);
    assert.equal(created.code, 0, created.stderr);
    assert.deepEqual(lastJsonLine(created), { topic, created: true, partitions: 2, replicationFactor: 1 });
    const again = await runCli(['topics', 'create', topic, '--brokers', brokers]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    const described = lastJsonLine<{ partitions: unknown[]; messages: number }>(
      await runCli(['topics', 'describe', topic, '--brokers', brokers, '--json']),
    );
    assert.equal(described.partitions.length, 2);
    assert.equal(described.messages, 0);
    const listed = lastJsonLine<{ topics: Array<{ name: string }> }>(
      await runCli(['topics', 'list', '--brokers', brokers, '--json']),
    );
    assert.ok(listed.topics.some((t) => t.name === topic));
    const table = await runCli(['topics', 'describe', topic, '--brokers', brokers]);
    assert.match(table.stdout, /^partition\s+leader\s+replicas\s+isr\s+earliest\s+latest\s+messages$/m);

    const groupId = uniqueName('cli-group');
    const reset = await runCli([
      'groups',
      'reset-offsets',
      groupId,
      '--topic',
      topic,
      '--to',
      'earliest',
      '--brokers',
      brokers,
      '--json',
    ]);
    assert.equal(reset.code, 0, reset.stderr);
    const group = lastJsonLine<{ state: string; partitions: Array<{ committed: number }> }>(
      await runCli(['groups', 'describe', groupId, '--brokers', brokers, '--json']),
    );
    assert.equal(group.state, 'Empty');
    assert.deepEqual(
      group.partitions.map((p) => p.committed),
      [0, 0],
    );
    const groups = lastJsonLine<{ groups: Array<{ groupId: string }> }>(
      await runCli(['groups', 'list', '--brokers', brokers, '--json']),
    );
    assert.ok(groups.groups.some((g) => g.groupId === groupId));
    assert.equal((await runCli(['groups', 'delete', groupId, '--brokers', brokers])).code, 0);
    const missing = await runCli(['groups', 'describe', groupId, '--brokers', brokers]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /does not exist/);
    assert.equal((await runCli(['topics', 'delete', topic, '--brokers', brokers, '--json'])).code, 0);
    const bad = await runCli([
      'groups',
      'reset-offsets',
      groupId,
      '--topic',
      topic,
      '--to',
      'someday',
      '--brokers',
      brokers,
    ]);
    assert.equal(bad.code, 2, 'a bad --to is a usage error');
  });
});
