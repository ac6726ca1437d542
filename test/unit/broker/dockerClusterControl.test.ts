import assert from 'node:assert/strict';
import { localDockerClusterNodes } from '../../../src/core/broker/brokerStates';
import type { BrokerRecord } from '../../../src/core/broker/brokerState';
import { parseManagedContainers } from '../../../src/core/broker/dockerBrokerArgs';
import {
  dockerClusterNodes,
  dockerNodeStatus,
  QUORUM_REUSE_MS,
  quorumReadingFresh,
} from '../../../src/core/broker/dockerClusterControl';
import { parseQuorumState } from '../../../src/core/broker/jvmClusterState';

// `docker ps` lines as LIST_MANAGED_ARGS prints them: name, image, state, port, volume, cluster.
const PS = [
  'lab-3\tkafka-log-lab/kafka:3.9.2\trunning\t19503\tlab-data-3\tlab',
  'lab-1\tkafka-log-lab/kafka:3.9.2\trunning\t19501\tlab-data-1\tlab',
  'lab-2\tkafka-log-lab/kafka:3.9.2\texited\t19502\tlab-data-2\tlab',
  'kafka-log-lab-broker\tkafka-log-lab/kafka:3.9.2\trunning\t9092\tkafka-log-lab-data\t',
  'lab-x\tkafka-log-lab/kafka:3.9.2\trunning\t19509\tlab-data-x\tlab',
  'other-1\tkafka-log-lab/kafka:3.9.2\trunning\t19601\tother-data-1\tother',
].join('\n');

describe('Docker cluster node control (pure part)', () => {
  it("takes the cluster's containers by node id, and nothing else", () => {
    const nodes = dockerClusterNodes('lab', parseManagedContainers(PS));
    assert.deepEqual(
      [...nodes].map(([id, c]) => [id, c.name, c.running]),
      [
        [1, 'lab-1', true],
        [2, 'lab-2', false],
        [3, 'lab-3', true],
      ],
    );
  });

  it('marks stopped containers down and the newest quorum leader as controller', () => {
    const nodes = dockerClusterNodes('lab', parseManagedContainers(PS));
    const quorum = [
      parseQuorumState('{"leaderId":2,"leaderEpoch":4,"votedId":-1}'),
      parseQuorumState('{"leaderId":3,"leaderEpoch":5,"votedId":-1}'),
      parseQuorumState('not json'),
    ];
    assert.deepEqual(
      dockerNodeStatus(nodes, quorum).map((n) => [n.nodeId, n.bootstrap, n.state, n.controller]),
      [
        [1, '127.0.0.1:19501', 'up', false],
        [2, '127.0.0.1:19502', 'down', false],
        [3, '127.0.0.1:19503', 'up', true],
      ],
    );
  });

  it('names no controller whose container is down, and none without a quorum state', () => {
    const nodes = dockerClusterNodes('lab', parseManagedContainers(PS));
    const stale = [parseQuorumState('{"leaderId":2,"leaderEpoch":9}')];
    assert.equal(
      dockerNodeStatus(nodes, stale).some((n) => n.controller),
      false,
    );
    assert.equal(
      dockerNodeStatus(nodes, [undefined]).some((n) => n.controller),
      false,
    );
  });

  it('asks Docker only for a bootstrap that names a recorded port of the cluster', async () => {
    const record = (port: number, containerName: string): BrokerRecord => ({
      engine: 'docker',
      bootstrap: `127.0.0.1:${port}`,
      port,
      containerName,
      kafkaVersion: '3.9.2',
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    const records = [record(9092, 'kafka-log-lab-broker'), record(19501, 'lab-1')];
    const answer = dockerNodeStatus(dockerClusterNodes('lab', parseManagedContainers(PS)), []);
    let asked = 0;
    const status = async () => (asked++, answer);
    const lookup = (bootstrap: string[]) => localDockerClusterNodes(bootstrap, { records, cluster: 'lab', status });
    assert.equal(await lookup(['127.0.0.1:9092']), undefined);
    assert.equal(await lookup(['kafka.example.com:19501']), undefined);
    assert.equal(asked, 0);
    assert.deepEqual(await lookup(['localhost:19501']), answer);
    assert.equal(asked, 1);
    const failing = async (): Promise<never> => Promise.reject(new Error('Cannot connect to the Docker daemon'));
    assert.equal(
      await localDockerClusterNodes(['localhost:19501'], { records, cluster: 'lab', status: failing }),
      undefined,
    );
  });

  it('reads the quorum state again when the running nodes change or the reading ages', () => {
    const last = { running: 'c-1,c-2,c-3', atMs: 1000, states: [] };
    assert.equal(quorumReadingFresh(undefined, 'c-1,c-2,c-3', 1000), false, 'nothing read yet');
    assert.equal(quorumReadingFresh(last, 'c-1,c-2,c-3', 1000 + QUORUM_REUSE_MS - 1), true);
    assert.equal(quorumReadingFresh(last, 'c-1,c-2,c-3', 1000 + QUORUM_REUSE_MS), false, 'too old');
    assert.equal(quorumReadingFresh(last, 'c-1,c-3', 1001), false, 'a node stopped');
  });
});
