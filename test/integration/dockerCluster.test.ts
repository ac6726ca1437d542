// The 3-broker local cluster against a real Docker daemon and the locally built image:
// replication over the internal listener, clients on 127.0.0.1, the replication lab killing a
// leader's container under load (nothing acknowledged lost, kcat agrees), the node shown down
// and started again, and a reset that leaves nothing behind.
import assert from 'node:assert/strict';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import type { TopicInfo } from '../../src/core/kafka/ports';
import { runDocker } from '../../src/core/broker/dockerCli';
import { resetDockerCluster, startDockerCluster } from '../../src/core/broker/dockerCluster';
import { clusterNetworkName } from '../../src/core/broker/dockerClusterArgs';
import { freePort } from '../../src/core/broker/freePort';
import { consumeInGroup, produceNumbered } from './support/roundTrip';
import { uniqueName } from './support/testBroker';
import { announceSkip, prepareDocker, releaseDocker, type DockerTestSetup } from './support/dockerSetup';
import { retryUntilPasses } from '../support/polling';
import { brokerStates, localDockerClusterNodes } from '../../src/core/broker/brokerStates';
import { DockerClusterControl } from '../../src/core/broker/dockerClusterControl';
import { ReplicationLab, type ReplicationLabEvent } from '../../src/core/replication/replicationLab';
import type { TimelineEvent } from '../../src/core/replication/timeline';
import { kcatValues, waitForEvent } from './support/replicationRun';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A replication lab run in which the leader of partition 0 is killed: nothing acknowledged is lost. */
async function killLeaderUnderLoad(bootstrap: string, control: DockerClusterControl): Promise<void> {
  const topic = uniqueName('replication-kill');
  const client = createKafkaClient({ brokers: bootstrap.split(','), connectionTimeoutMs: 1000, retries: 2 });
  const lab = new ReplicationLab({ topic, minInsyncReplicas: 2, acks: 'all', rate: 40 }, { client, cluster: control });
  try {
    const partitions = waitForEvent(lab, (e) => (e.type === 'partitions' ? e.partitions : undefined), 30000);
    await lab.start();
    const leader = (await partitions).find((p) => p.partition === 0)!.leader;
    await sleep(4000);
    const isElection = (e: ReplicationLabEvent) =>
      e.type === 'timeline' && e.event.kind === 'leader' && e.event.partition === 0 ? e.event : undefined;
    const elected = waitForEvent(lab, isElection, 60000);
    const nodeDown = waitForEvent(
      lab,
      (e) => (e.type === 'brokers' ? e.brokers.find((b) => b.state === 'down') : undefined),
      30000,
    );
    await lab.killNode(leader);
    const election = (await elected) as Extract<TimelineEvent, { kind: 'leader' }>;
    assert.equal((await nodeDown).nodeId, leader, 'the lab sees the killed container down');
    await sleep(3000);
    const { account } = await lab.finish();
    assert.equal(election.from, leader);
    assert.ok(election.to > 0 && election.to !== leader, `a new leader was elected (${election.to})`);
    assert.ok(account.acknowledged > 100, `messages were acknowledged (${account.acknowledged})`);
    assert.equal(account.failed, 0, 'with one node down, acks=all and min ISR 2 the producer is never refused');
    assert.equal(account.lostAcknowledged, 0);
    assert.equal(account.duplicates, 0);
    const values = await kcatValues(bootstrap, topic);
    assert.equal(values.length, new Set(values).size, 'kcat reads no sequence number twice');
    assert.deepEqual(
      values.map(Number).sort((x, y) => x - y),
      Array.from({ length: account.sent }, (_, i) => i),
      'kcat reads every sequence number sent, once',
    );
  } finally {
    await lab.dispose();
  }
}

describe('Docker engine: 3-broker cluster (real Docker daemon)', function () {
  this.timeout(420000);
  let setup: DockerTestSetup | undefined;
  const cluster = uniqueName('kll-test-cluster');

  before(async function () {
    const prepared = await prepareDocker();
    if (typeof prepared === 'string') {
      announceSkip(prepared);
      this.skip();
    }
    setup = prepared as DockerTestSetup;
  });

  after(async () => {
    if (setup) await resetDockerCluster(cluster).catch(() => undefined);
    await releaseDocker(setup);
  });

  it("replicates over 3 brokers, loses nothing acknowledged when a leader's container is killed, and resets", async () => {
    const ports: number[] = [];
    while (ports.length < 3) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    const started = await startDockerCluster({
      cluster,
      ports,
      image: setup!.image,
      heap: '-Xmx384m -Xms128m',
      readyTimeoutMs: 300000,
    });
    console.log(`    [docker] cluster of 3 ready at ${started.bootstrap} in ${started.startMs} ms`);
    assert.equal(started.bootstrap, ports.map((p) => `127.0.0.1:${p}`).join(','));

    const client = createKafkaClient({ brokers: started.bootstrap.split(',') });
    const info = await withAdmin(client, (admin) => admin.describeCluster());
    assert.deepEqual(
      info.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).sort(),
      ports.map((p, i) => `${i + 1}@127.0.0.1:${p}`).sort(),
    );

    const topic = uniqueName('replicated');
    await retryUntilPasses(() =>
      withAdmin(client, (admin) => admin.createTopic({ topic, partitions: 3, replicationFactor: 3 })),
    );
    const describeTopic = () => withAdmin(client, (admin) => admin.describeTopics([topic])).then(([t]) => t);
    const described: TopicInfo = await retryUntilPasses(describeTopic);
    for (const p of described.partitions)
      assert.deepEqual([...p.replicas].sort(), [1, 2, 3], `partition ${p.partition} has 3 replicas`);
    await produceNumbered(client, topic, 300);
    assert.equal((await consumeInGroup(client, topic, uniqueName('group'), 300)).distinct, 300);

    // Kill the leader of partition 0 under load, through the lab and the cluster's node control.
    const control = new DockerClusterControl(cluster);
    await killLeaderUnderLoad(started.bootstrap, control);
    const down = (await control.status()).filter((n) => n.state === 'down').map((n) => n.nodeId);
    assert.equal(down.length, 1, 'the killed node is down');
    const records = started.brokers.map((b) => ({ ...b, engine: 'docker' as const, kafkaVersion: '', startedAt: '' }));
    const states = brokerStates(
      await withAdmin(client, (admin) => admin.describeCluster()),
      await localDockerClusterNodes([started.brokers[0].bootstrap], { records, cluster }),
    );
    assert.deepEqual(
      states.filter((b) => b.state !== 'up').map((b) => [b.nodeId, b.state]),
      [[down[0], 'down']],
      'the view shows the killed node down',
    );
    assert.equal(states.filter((b) => b.controller).length, 1, 'one running node is the active controller');
    assert.equal(await control.startNode(down[0], 180000), true);
    assert.deepEqual(
      (await control.status()).map((n) => n.state),
      ['up', 'up', 'up'],
    );
    await retryUntilPasses(() => produceNumbered(client, topic, 100), 60000);

    const removed = await resetDockerCluster(cluster);
    assert.equal(removed.containers.length, 3);
    assert.equal(removed.volumes.length, 3);
    assert.equal(
      await runDocker(['network', 'inspect', clusterNetworkName(cluster)]).then(
        () => true,
        () => false,
      ),
      false,
    );
  });
});
