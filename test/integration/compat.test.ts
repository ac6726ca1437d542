// Proves kafkajs against the other supported Kafka version (the main suite's broker runs
// the default one): admin, produce, consume, consumer groups.
import assert from 'node:assert/strict';
import { startJvmBroker, type RunningJvmBroker } from '../../src/core/broker/jvmBroker';
import { DEFAULT_KAFKA_VERSION, TESTED_KAFKA_VERSIONS } from '../../src/core/broker/kafkaJars';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { uniqueName } from './support/testBroker';
import { assertRoundTrip } from './support/roundTrip';

const mainVersion = process.env.KLL_KAFKA_VERSION || DEFAULT_KAFKA_VERSION;

for (const version of TESTED_KAFKA_VERSIONS.filter((v) => v !== mainVersion)) {
  describe(`kafkajs against Apache Kafka ${version}`, function () {
    this.timeout(180000);
    let broker: RunningJvmBroker;

    before(async () => {
      broker = await startJvmBroker({ kafkaVersion: version, heap: '512m', readyTimeoutMs: 120000 });
    });
    after(async () => {
      await broker?.stop();
    });

    it('round-trips 2,000 messages through a consumer group and describes it', async () => {
      await assertRoundTrip([broker.bootstrap], uniqueName('compat'), uniqueName('group'), 2000);
    });

    it('lists, describes, resets and deletes groups and topics', async () => {
      const client = createKafkaClient({ brokers: [broker.bootstrap] });
      const topic = uniqueName('compat-admin');
      const groupId = uniqueName('group');
      await assertRoundTrip([broker.bootstrap], topic, groupId, 30);
      await withAdmin(client, async (admin) => {
        const cluster = await admin.describeCluster();
        assert.equal(cluster.brokers.length, 1);
        assert.ok((await admin.listGroups()).some((g) => g.groupId === groupId));
        await admin.setGroupOffsets(
          groupId,
          topic,
          [0, 1, 2].map((partition) => ({ partition, offset: 0 })),
        );
        assert.deepEqual(
          (await admin.groupOffsets(groupId, [topic])).map((o) => o.offset),
          [0, 0, 0],
        );
        await admin.deleteGroups([groupId]);
        assert.ok(!(await admin.listGroups()).some((g) => g.groupId === groupId));
        await admin.deleteTopics([topic]);
        assert.ok(!(await admin.listTopics()).includes(topic));
      });
    });
  });
}
