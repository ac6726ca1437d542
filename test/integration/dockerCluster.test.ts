// The 3-broker local cluster against a real Docker daemon and the locally built image:
// replication over the internal listener, clients on 127.0.0.1, the replication lab killing a
// leader's container under load (nothing acknowledged lost, kcat agrees), the node shown down
// and started again, two nodes stopped (refused until one returns, nothing lost), and a reset
// that leaves nothing behind.
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
import { killLeaderUnderLoad, twoDownUnderLoad } from './support/replicationRun';

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

  it('replicates over 3 brokers, keeps every acknowledged message through a killed leader and two stopped nodes, and resets', async () => {
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
    const killed = await killLeaderUnderLoad(started.bootstrap, control);
    // What the Kafka view shows meanwhile: the metadata of a running node and the containers.
    const records = started.brokers.map((b) => ({ ...b, engine: 'docker' as const, kafkaVersion: '', startedAt: '' }));
    const running = started.brokers.find((b) => b.nodeId !== killed)!.bootstrap;
    const states = brokerStates(
      await withAdmin(createKafkaClient({ brokers: [running] }), (admin) => admin.describeCluster()),
      await localDockerClusterNodes([running], { records, cluster }),
    );
    assert.deepEqual(
      states.filter((b) => b.state !== 'up').map((b) => [b.nodeId, b.state]),
      [[killed, 'down']],
      'the view shows the killed node down',
    );
    assert.equal(await control.startNode(killed, 180000), true);
    assert.deepEqual(
      (await control.status()).map((n) => n.state),
      ['up', 'up', 'up'],
    );

    // Two nodes down: refused until one returns. What the Kafka view shows meanwhile.
    const node3 = createKafkaClient({ brokers: [started.brokers[2].bootstrap] });
    const viewStates = async () =>
      brokerStates(
        await withAdmin(node3, (admin) => admin.describeCluster()),
        await localDockerClusterNodes([started.brokers[2].bootstrap], { records, cluster }),
      );
    await twoDownUnderLoad(started.bootstrap, control, viewStates);
    assert.equal(await control.startNode(1, 180000), true);
    const controllers = async () => (await control.status()).filter((n) => n.controller).map((n) => n.nodeId);
    const [controller] = await retryUntilPasses(async () => {
      const ids = await controllers();
      assert.equal(ids.length, 1, `one active controller, from the nodes' quorum state: ${ids.join(', ')}`);
      return ids;
    }, 30000);
    assert.ok([1, 2, 3].includes(controller));
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
