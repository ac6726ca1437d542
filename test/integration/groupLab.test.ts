// The consumer-group lab against the real broker: 2 groups of 3 real consumers on a topic
// with 6 partitions. Load balancing: in each group the members own disjoint partitions that
// cover the topic and their counts add up to the messages. Fanout: each group reads every
// message. Messages are counted by content (their unique keys), not only by number.
import assert from 'node:assert/strict';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { GroupLab } from '../../src/core/lab/groupLab';
import { labMessageKey } from '../../src/core/lab/labMessages';
import type { LabGroupView, LabSnapshot, RebalanceEvent } from '../../src/core/lab/labTypes';
import { testBrokers, uniqueName } from './support/testBroker';

/** group -> message key -> the members that received it (one entry per delivery). */
type Deliveries = Map<string, Map<string, string[]>>;

function assertBalanced(group: LabGroupView, partitions: number): void {
  const owned = group.members.filter((m) => m.state === 'active').flatMap((m) => m.partitions);
  assert.deepEqual(
    [...owned].sort((a, b) => a - b),
    Array.from({ length: partitions }, (_, i) => i),
    `${group.groupId}: disjoint partitions covering the topic`,
  );
  assert.ok(group.check.disjoint && group.check.covered, `${group.groupId}: ${JSON.stringify(group.check)}`);
}

function assertEveryMessageOnce(
  deliveries: Deliveries,
  groupId: string,
  runId: string,
  from: number,
  to: number,
  members?: string[],
): void {
  const got = deliveries.get(groupId) ?? new Map<string, string[]>();
  for (let seq = from; seq < to; seq++) {
    const by = got.get(labMessageKey(runId, seq)) ?? [];
    assert.equal(by.length, 1, `${groupId} received message ${seq} ${by.length} times (${by.join(', ')})`);
    if (members)
      assert.ok(
        members.includes(by[0]),
        `${groupId}: message ${seq} went to ${by[0]}, not one of ${members.join(', ')}`,
      );
  }
}

async function waitForEvent(
  events: () => RebalanceEvent[],
  match: (e: RebalanceEvent) => boolean,
  timeoutMs = 60000,
): Promise<RebalanceEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = events().find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching rebalance among ${JSON.stringify(events())}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('consumer-group lab: fanout and load balancing on a real broker', function () {
  this.timeout(180000);
  const topic = uniqueName('lab-groups');
  const deliveries: Deliveries = new Map();
  const events: RebalanceEvent[] = [];
  let lab: GroupLab;
  let firstRound: LabSnapshot;

  before(async () => {
    const brokers = testBrokers();
    lab = new GroupLab(
      { topic, groups: 2, membersPerGroup: 3, partitions: 6, sessionTimeoutMs: 10000, heartbeatIntervalMs: 1000 },
      {
        client: createKafkaClient({ brokers, clientId: 'lab-test' }),
        memberClient: (clientId) => ({ client: createKafkaClient({ brokers, clientId }), clientId }),
        onMessages: ({ groupId, member, messages }) => {
          const got = deliveries.get(groupId) ?? new Map<string, string[]>();
          deliveries.set(groupId, got);
          for (const m of messages) {
            const key = m.key!.toString();
            got.set(key, [...(got.get(key) ?? []), member]);
          }
        },
      },
    );
    lab.onRebalance((e) => events.push(e));
    await lab.start();
    await lab.waitForStable(90000);
  });

  after(async () => {
    await lab?.stop();
    await withAdmin(createKafkaClient({ brokers: testBrokers() }), (admin) => admin.deleteTopics([topic])).catch(
      () => undefined,
    );
  });

  it('2 groups of 3 on 6 partitions: each group sums to N with disjoint partitions covering all 6, and each group gets every message', async () => {
    const N = 3000;
    await lab.produce(N);
    assert.equal(
      await lab.waitUntilSettled(90000),
      true,
      `not settled: ${JSON.stringify(lab.snapshot().groups.map((g) => g.check))}`,
    );
    firstRound = lab.snapshot();
    assert.equal(firstRound.messages, N);
    assert.equal(firstRound.producedByLab, N);
    assert.deepEqual(
      firstRound.partitions.map((p) => p.partition),
      [0, 1, 2, 3, 4, 5],
    );
    assert.equal(firstRound.groups.length, 2);
    for (const group of firstRound.groups) {
      assert.equal(group.state, 'Stable');
      assert.deepEqual(
        group.members.map((m) => [m.name, m.ours, m.state]),
        [
          ['m1', true, 'active'],
          ['m2', true, 'active'],
          ['m3', true, 'active'],
        ],
      );
      assertBalanced(group, 6);
      assert.equal(
        group.members.reduce((sum, m) => sum + m.messages, 0),
        N,
        `${group.groupId}: members' counts sum to N`,
      );
      for (const member of group.members) {
        assert.ok(member.partitions.length > 0, `${member.name} owns partitions`);
        assert.match(member.memberId ?? '', new RegExp(`^${group.groupId}-${member.name}-`), 'its own Kafka member id');
        assert.equal(member.clientId, `${group.groupId}-${member.name}`);
        // Without a rebalance since production, a member read exactly its partitions' messages.
        const own = firstRound.partitions
          .filter((p) => member.partitions.includes(p.partition))
          .reduce((s, p) => s + p.messages, 0);
        assert.equal(member.messages, own, `${member.name} read its partitions ${member.partitions.join(',')}`);
      }
      assert.equal(group.check.received, N);
      assert.equal(group.check.everyMessageOnce, true);
      assertEveryMessageOnce(deliveries, group.groupId, lab.runId, 0, N);
    }
    const ids = firstRound.groups.flatMap((g) => g.members.map((m) => m.memberId));
    assert.equal(new Set(ids).size, 6, 'six distinct member ids');
    assert.equal(firstRound.fanoutOk, true);
    assert.equal(firstRound.balanceOk, true);
    for (const group of firstRound.groups) {
      assert.ok(
        events.some((e) => e.groupId === group.groupId && e.assignment.length === 3),
        `a rebalance event shows ${group.groupId} with 3 members`,
      );
    }
  });

  it('stopping a member triggers a rebalance; afterwards the group still receives every new message exactly once', async () => {
    const [g1, g2] = firstRound.groups.map((g) => g.groupId);
    const stoppedCount = firstRound.groups[0].members.find((m) => m.name === 'm2')!.messages;
    const seenBefore = events.length;
    await lab.stopMember(g1, 'm2');
    const rebalance = await waitForEvent(
      () => events.slice(seenBefore),
      (e) => e.groupId === g1 && e.left.includes('m2'),
    );
    assert.deepEqual(
      rebalance.assignment.map((a) => a.member),
      ['m1', 'm3'],
    );
    assert.deepEqual(
      rebalance.assignment.flatMap((a) => a.partitions).sort(),
      [0, 1, 2, 3, 4, 5],
      'the two members took over all 6 partitions',
    );
    await lab.waitForStable(60000);

    const more = 2000;
    const { firstSeq } = await lab.produce(more);
    assert.equal(firstSeq, 3000);
    assert.equal(
      await lab.waitUntilSettled(90000),
      true,
      `not settled: ${JSON.stringify(lab.snapshot().groups.map((g) => g.check))}`,
    );
    const after = lab.snapshot();
    assert.equal(after.messages, 5000);
    const group1 = after.groups.find((g) => g.groupId === g1)!;
    assertBalanced(group1, 6);
    const m2 = group1.members.find((m) => m.name === 'm2')!;
    assert.equal(m2.state, 'stopped');
    assert.deepEqual(m2.partitions, []);
    assert.equal(m2.messages, stoppedCount, 'the stopped member received nothing more');
    assert.equal(
      group1.members.reduce((s, m) => s + m.messages, 0),
      5000,
    );
    assert.ok(group1.rebalances >= 2);
    assertEveryMessageOnce(deliveries, g1, lab.runId, firstSeq, firstSeq + more, ['m1', 'm3']);
    assertEveryMessageOnce(deliveries, g2, lab.runId, 0, firstSeq + more);
    assert.ok(!events.slice(seenBefore).some((e) => e.groupId === g2), 'the other group did not rebalance');
    assert.equal(after.fanoutOk, true);
    assert.equal(after.balanceOk, true);
  });
});
