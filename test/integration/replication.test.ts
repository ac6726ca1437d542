// The replication lab on a real 3-node JVM cluster started here: a leader killed under load with
// acks=all and min.insync.replicas=2 loses nothing acknowledged (checked again by kcat, a client
// no one here wrote), and with two nodes down the producer is refused until one returns.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startJvmCluster, type RunningJvmCluster } from '../../src/core/broker/jvmCluster';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import { ReplicationLab } from '../../src/core/replication/replicationLab';
import type { TimelineEvent } from '../../src/core/replication/timeline';
import type { PartitionInfo } from '../../src/core/kafka/ports';
import { brokerStates, localClusterNodes } from '../../src/core/broker/brokerStates';
import { kcatValues, waitForEvent } from './support/replicationRun';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('replication lab on a 3-node JVM cluster', function () {
  this.timeout(420000);
  let cluster: RunningJvmCluster;
  let lab: ReplicationLab | undefined;

  before(async function () {
    this.timeout(300000);
    cluster = await startJvmCluster({ size: 3, readyTimeoutMs: 280000 });
    const rssKb = cluster.control
      .status()
      .map((n) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${n.pid}/status`, 'utf8'))?.[1] ?? 0))
      .reduce((a, b) => a + b, 0);
    console.log(`    [cluster] 3 JVM nodes ready in ${cluster.startMs} ms, resident ${Math.round(rssKb / 1024)} MB`);
  });

  after(async () => {
    await lab?.dispose();
    await cluster?.control.stopAll();
  });

  function newLab(topic: string): ReplicationLab {
    const client = createKafkaClient({ brokers: cluster.bootstrap.split(','), connectionTimeoutMs: 1000, retries: 2 });
    lab = new ReplicationLab(
      { topic, minInsyncReplicas: 2, acks: 'all', rate: 40 },
      { client, cluster: cluster.control },
    );
    return lab;
  }

  it('kills the leader of a partition under load: nothing acknowledged lost, no duplicates, a new leader', async () => {
    const topic = `replication-kill-${Date.now().toString(36)}`;
    const lab = newLab(topic);
    const partitions = waitForEvent(lab, (e) => (e.type === 'partitions' ? e.partitions : undefined), 30000);
    await lab.start();
    const leader = (await partitions).find((p: PartitionInfo) => p.partition === 0)!.leader;
    await sleep(4000);
    const elected = waitForEvent(
      lab,
      (e) => (e.type === 'timeline' && e.event.kind === 'leader' && e.event.partition === 0 ? e.event : undefined),
      60000,
    );
    await lab.killNode(leader);
    const election = (await elected) as Extract<TimelineEvent, { kind: 'leader' }>;
    await sleep(3000);
    const result = await lab.finish();
    await lab.dispose();

    assert.equal(election.from, leader);
    assert.notEqual(election.to, leader);
    assert.ok(election.to > 0, 'a new leader was elected');
    const a = result.account;
    assert.ok(a.acknowledged > 100, `messages were acknowledged (${a.acknowledged})`);
    assert.equal(a.failed, 0, 'with one node down, acks=all and min ISR 2 the producer is never refused');
    assert.equal(a.lostAcknowledged, 0);
    assert.equal(a.duplicates, 0);
    const values = await kcatValues(cluster.bootstrap, topic);
    const seen = new Set(values);
    assert.equal(values.length, seen.size, 'kcat reads no sequence number twice');
    assert.deepEqual(
      [...seen].map(Number).sort((x, y) => x - y),
      Array.from({ length: a.sent }, (_, i) => i),
      'kcat reads every sequence number sent, once',
    );
    await cluster.control.startNode(leader, 240000);
  });

  it('ends the run on time even while a node step is under way, and lets the step end', async () => {
    const lab = newLab(`replication-overrun-${Date.now().toString(36)}`);
    // The lab's clock, read from its events: atMs of the latest one plus the time since it came.
    let seen = { atMs: 0, at: Date.now() };
    lab.onEvent((e) => {
      if ('atMs' in e) seen = { atMs: e.atMs, at: Date.now() };
    });
    await lab.start();
    await sleep(3000);
    // A clean stop of a node takes seconds (its leaderships move first): it is still under way at the end.
    void lab.stopNode(3);
    await sleep(300);
    const clockAtEnd = seen.atMs + (Date.now() - seen.at);
    const result = await lab.finish();
    await lab.dispose();
    const late = result.durationMs - clockAtEnd;
    assert.ok(late < 250, `the run ended when asked, not after the step (${late} ms late)`);
    assert.equal(cluster.control.status().find((n) => n.nodeId === 3)?.state, 'down', 'the stop step was let end');
    assert.equal(result.account.lostAcknowledged, 0);
    await cluster.control.startNode(3, 240000);
  });

  it('with two nodes down the producer is refused, and resumes when one returns', async () => {
    const lab = newLab(`replication-two-down-${Date.now().toString(36)}`);
    await lab.start();
    await sleep(3000);
    const refused = waitForEvent(
      lab,
      (e) => (e.type === 'timeline' && e.event.kind === 'producer-error' ? e.event : undefined),
      60000,
    );
    await lab.stopNode(1);
    await lab.stopNode(2);
    const refusal = (await refused) as Extract<TimelineEvent, { kind: 'producer-error' }>;
    // What the Kafka view shows meanwhile: the cluster's metadata and this machine's record of it.
    const states = await withAdmin(
      createKafkaClient({ brokers: [`127.0.0.1:${cluster.control.record.nodes[2].port}`] }),
      async (admin) =>
        brokerStates(
          await admin.describeCluster(),
          localClusterNodes([cluster.bootstrap.split(',')[2]], cluster.control.record),
        ),
    );
    const resumed = waitForEvent(
      lab,
      (e) => (e.type === 'timeline' && e.event.kind === 'producer-recovered' ? e.event : undefined),
      120000,
    );
    await lab.startNode(2);
    await resumed;
    await sleep(2000);
    const result = await lab.finish();
    await lab.dispose();

    assert.equal(refusal.error, 'NOT_ENOUGH_REPLICAS');
    assert.deepEqual(
      states.map((b) => [b.nodeId, b.state]),
      [
        [1, 'down'],
        [2, 'down'],
        [3, 'up'],
      ],
      'the view shows the two stopped nodes down',
    );
    const a = result.account;
    assert.ok(a.failed > 0, 'some messages were refused');
    assert.equal(a.lostAcknowledged, 0);
    assert.equal(a.duplicates, 0);
    const recoveredAt = result.timeline.find((e) => e.kind === 'producer-recovered')!.atMs;
    const started = result.timeline.find((e) => e.kind === 'action' && e.action === 'start')!.atMs;
    assert.ok(recoveredAt >= started, 'the producer resumed only after a node returned');
    await cluster.control.startNode(1, 240000);
  });
});
