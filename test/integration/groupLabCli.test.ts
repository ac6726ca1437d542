// `kafka-log-lab lab groups --json` run as a user runs it, against the real broker: the last
// line is the documented JSON, with numbers that prove fanout and load balancing.
import assert from 'node:assert/strict';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { lastJsonLine, runCli } from './support/runCli';
import { testBrokers, uniqueName } from './support/testBroker';

interface LabJson {
  topic: string;
  messages: number;
  groups: Array<{
    group: string;
    members: Array<{ memberId: string; clientId: string; partitions: number[]; messages: number }>;
  }>;
  fanoutOk: boolean;
  balanceOk: boolean;
}

describe('kafka-log-lab lab groups (CLI)', function () {
  this.timeout(180000);
  const topic = uniqueName('lab-cli');

  after(async () => {
    await withAdmin(createKafkaClient({ brokers: testBrokers() }), (admin) => admin.deleteTopics([topic])).catch(
      () => undefined,
    );
  });

  it('--json: 2 groups of 3 members on 6 partitions, each group sums to N over disjoint partitions, both checks true', async () => {
    const N = 1500;
    const run = await runCli([
      'lab',
      'groups',
      '--topic',
      topic,
      '--groups',
      '2',
      '--members',
      '3',
      '--partitions',
      '6',
      '--messages',
      String(N),
      '--brokers',
      testBrokers().join(','),
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const result = lastJsonLine<LabJson>(run);
    assert.deepEqual(Object.keys(result), ['topic', 'messages', 'groups', 'fanoutOk', 'balanceOk']);
    assert.equal(result.topic, topic);
    assert.equal(result.messages, N);
    assert.equal(result.fanoutOk, true);
    assert.equal(result.balanceOk, true);
    assert.equal(result.groups.length, 2);
    for (const group of result.groups) {
      assert.equal(group.members.length, 3);
      for (const m of group.members) {
        assert.deepEqual(Object.keys(m), ['memberId', 'clientId', 'partitions', 'messages']);
        assert.ok(m.memberId.startsWith(`${m.clientId}-`), 'a Kafka member id of its own');
        assert.ok(m.partitions.length > 0);
      }
      assert.deepEqual(
        group.members.flatMap((m) => m.partitions).sort(),
        [0, 1, 2, 3, 4, 5],
        `${group.group}: disjoint and complete`,
      );
      assert.equal(
        group.members.reduce((s, m) => s + m.messages, 0),
        N,
        `${group.group}: counts sum to N`,
      );
    }
    assert.notEqual(result.groups[0].group, result.groups[1].group);
    // The lab removes its groups when done.
    const left = await withAdmin(createKafkaClient({ brokers: testBrokers() }), (admin) => admin.listGroups());
    assert.ok(!left.some((g) => result.groups.some((r) => r.group === g.groupId)), 'the lab deleted its groups');
  });

  it('refuses bad arguments with exit code 2 and says why', async () => {
    const noTopic = await runCli(['lab', 'groups', '--groups', '2']);
    assert.equal(noTopic.code, 2);
    assert.match(noTopic.stderr, /--topic is required/);
    const zero = await runCli(['lab', 'groups', '--topic', 't', '--members', '0']);
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /--members must be between 1 and 50/);
  });
});
