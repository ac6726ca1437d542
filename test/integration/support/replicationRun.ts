// What the replication lab's integration tests share, for a cluster of either engine: the
// failure scenarios with their checks, waiting for one lab event, and reading the topic back
// with kcat, a client no one here wrote.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createKafkaClient } from '../../../src/core/kafka/client';
import type { ClusterNodeControl } from '../../../src/core/replication/clusterWatch';
import { ReplicationLab, type ReplicationLabEvent } from '../../../src/core/replication/replicationLab';
import type { TimelineEvent } from '../../../src/core/replication/timeline';

const run = promisify(execFile);
const KCAT = '/usr/bin/kcat';

/** Resolves with the first event `pick` accepts, or rejects after `timeoutMs`. */
export function waitForEvent<T>(
  lab: ReplicationLab,
  pick: (e: ReplicationLabEvent) => T | undefined,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`no such event within ${timeoutMs} ms`))), timeoutMs);
    const off = lab.onEvent((e) => {
      const found = pick(e);
      if (found === undefined) return;
      clearTimeout(timer);
      off();
      resolve(found);
    });
  });
}

/** Every value of the topic, as kcat reads it from the start to the end. */
export async function kcatValues(bootstrap: string, topic: string): Promise<string[]> {
  const { stdout } = await run(KCAT, ['-C', '-b', bootstrap, '-t', topic, '-e', '-q', '-f', '%s\n'], {
    timeout: 60000,
    maxBuffer: 64 << 20,
  });
  return stdout.split('\n').filter((v) => v !== '');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A lab at 40 messages/s with acks=all and min.insync.replicas=2 on the cluster `control` drives. */
export function newLab(bootstrap: string, control: ClusterNodeControl, topic: string): ReplicationLab {
  const client = createKafkaClient({ brokers: bootstrap.split(','), connectionTimeoutMs: 1000, retries: 2 });
  return new ReplicationLab({ topic, minInsyncReplicas: 2, acks: 'all', rate: 40 }, { client, cluster: control });
}

/** kcat reads every sequence number sent, each once. */
async function assertKcatReadsEachOnce(bootstrap: string, topic: string, sent: number): Promise<void> {
  const values = await kcatValues(bootstrap, topic);
  assert.equal(values.length, new Set(values).size, 'kcat reads no sequence number twice');
  assert.deepEqual(
    values.map(Number).sort((x, y) => x - y),
    Array.from({ length: sent }, (_, i) => i),
    'kcat reads every sequence number sent, once',
  );
}

/** kcat reads `read` different sequence numbers, none twice: the lab's reads are the topic's. */
async function assertKcatReadsWhatWasRead(bootstrap: string, topic: string, read: number): Promise<void> {
  const values = await kcatValues(bootstrap, topic);
  assert.equal(values.length, new Set(values).size, 'kcat reads no sequence number twice');
  assert.equal(values.length, read, 'kcat reads as many sequence numbers as the lab did');
}

/**
 * Kills the leader of partition 0 under load: a new leader, the node seen down, the producer
 * never refused, nothing acknowledged lost, no duplicates (kcat agrees). Returns the killed node.
 */
export async function killLeaderUnderLoad(bootstrap: string, control: ClusterNodeControl): Promise<number> {
  const topic = `replication-kill-${Date.now().toString(36)}`;
  const lab = newLab(bootstrap, control, topic);
  try {
    const partitions = waitForEvent(lab, (e) => (e.type === 'partitions' ? e.partitions : undefined), 30000);
    await lab.start();
    const leader = (await partitions).find((p) => p.partition === 0)!.leader;
    await sleep(4000);
    const isElection = (e: ReplicationLabEvent) =>
      e.type === 'timeline' && e.event.kind === 'leader' && e.event.partition === 0 ? e.event : undefined;
    const elected = waitForEvent(lab, isElection, 60000);
    const downs = (e: ReplicationLabEvent) =>
      e.type === 'brokers' ? e.brokers.find((b) => b.state === 'down') : undefined;
    const nodeDown = waitForEvent(lab, downs, 30000);
    await lab.killNode(leader);
    const election = (await elected) as Extract<TimelineEvent, { kind: 'leader' }>;
    assert.equal((await nodeDown).nodeId, leader, 'the lab sees the killed node down');
    await sleep(3000);
    const { account, timeline } = await lab.finish();
    assert.equal(election.from, leader);
    assert.ok(election.to > 0 && election.to !== leader, `a new leader was elected (${election.to})`);
    assert.ok(account.acknowledged > 100, `messages were acknowledged (${account.acknowledged})`);
    // A send to the killed leader may time out while the new one is elected (a producer-error
    // the lab shows, then sends again); the cluster itself must never refuse with two in sync.
    const refusals = timeline.filter((e) => e.kind === 'producer-error' && e.error === 'NOT_ENOUGH_REPLICAS');
    assert.deepEqual(refusals, [], 'with one node down, acks=all and min ISR 2 the cluster never refuses');
    assert.equal(account.failed, 0, 'every message sent was acknowledged in the end');
    assert.equal(account.lostAcknowledged, 0);
    assert.equal(account.duplicates, 0);
    await assertKcatReadsEachOnce(bootstrap, topic, account.sent);
    return leader;
  } finally {
    await lab.dispose();
  }
}

/**
 * Stops nodes 1 and 2 under load: the producer is refused (NOT_ENOUGH_REPLICAS) and resumes only
 * once node 2 is back; nothing acknowledged is lost; the Kafka view (`viewStates`) shows 1 and 2 down.
 * Node 1 is left down.
 */
export async function twoDownUnderLoad(
  bootstrap: string,
  control: ClusterNodeControl,
  viewStates: () => Promise<Array<{ nodeId: number; state: string }>>,
): Promise<void> {
  const topic = `replication-two-down-${Date.now().toString(36)}`;
  const lab = newLab(bootstrap, control, topic);
  try {
    await lab.start();
    await sleep(3000);
    const isRefusal = (e: ReplicationLabEvent) =>
      e.type === 'timeline' && e.event.kind === 'producer-error' ? e.event : undefined;
    const refused = waitForEvent(lab, isRefusal, 60000);
    await lab.stopNode(1);
    await lab.stopNode(2);
    const refusal = (await refused) as Extract<TimelineEvent, { kind: 'producer-error' }>;
    assert.deepEqual(
      (await viewStates()).map((b) => [b.nodeId, b.state]),
      [
        [1, 'down'],
        [2, 'down'],
        [3, 'up'],
      ],
      'the view shows the two stopped nodes down',
    );
    const isRecovery = (e: ReplicationLabEvent) =>
      e.type === 'timeline' && e.event.kind === 'producer-recovered' ? e.event : undefined;
    const resumed = waitForEvent(lab, isRecovery, 120000);
    await lab.startNode(2);
    await resumed;
    await sleep(2000);
    const result = await lab.finish();
    assert.equal(refusal.error, 'NOT_ENOUGH_REPLICAS');
    const a = result.account;
    assert.equal(a.lostAcknowledged, 0);
    assert.equal(a.duplicates, 0);
    await assertKcatReadsWhatWasRead(bootstrap, topic, a.distinctConsumed + a.foundOnReread);
    const recoveredAt = result.timeline.find((e) => e.kind === 'producer-recovered')!.atMs;
    const started = result.timeline.find((e) => e.kind === 'action' && e.action === 'start')!.atMs;
    assert.ok(recoveredAt >= started, 'the producer resumed only after a node returned');
  } finally {
    await lab.dispose();
  }
}
