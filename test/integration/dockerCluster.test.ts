// The 3-broker local cluster against a real Docker daemon and the locally built image:
// replication over the internal listener, clients on 127.0.0.1, leadership moving when a
// broker stops, and a reset that leaves nothing behind.
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

  it('replicates a topic over 3 brokers, moves leadership off a stopped broker, and resets', async () => {
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
    let described: TopicInfo = await retryUntilPasses(describeTopic);
    for (const p of described.partitions)
      assert.deepEqual([...p.replicas].sort(), [1, 2, 3], `partition ${p.partition} has 3 replicas`);
    await produceNumbered(client, topic, 300);
    assert.equal((await consumeInGroup(client, topic, uniqueName('group'), 300)).distinct, 300);

    // Stop the leader of partition 0: another in-sync replica takes over.
    const leader = described.partitions.find((p) => p.partition === 0)!.leader;
    await runDocker(['stop', '-t', '30', started.brokers[leader - 1].containerName]);
    const deadline = Date.now() + 90000;
    for (;;) {
      described = await describeTopic().catch(() => described);
      const p0 = described.partitions.find((p) => p.partition === 0)!;
      if (p0.leader !== leader && p0.leader >= 1 && !p0.isr.includes(leader)) break;
      if (Date.now() > deadline)
        assert.fail(`leadership did not move off broker ${leader}: ${JSON.stringify(described)}`);
      await sleep(500);
    }
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
