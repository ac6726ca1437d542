import assert from 'node:assert/strict';
import { brokerStates, localClusterNodes } from '../../../src/core/broker/brokerStates';
import type { ClusterNodeStatus, JvmClusterRecord } from '../../../src/core/broker/jvmClusterState';

const record: JvmClusterRecord = {
  engine: 'jvm',
  bootstrap: '127.0.0.1:19201,127.0.0.1:19202,127.0.0.1:19203',
  dataDir: '/nonexistent/kll-cluster',
  ownsDataDir: false,
  kafkaVersion: '3.9.2',
  startedAt: '2026-01-01T00:00:00.000Z',
  // No pid: every node of this record is down.
  nodes: [1, 2, 3].map((nodeId) => ({
    nodeId,
    port: 19200 + nodeId,
    controllerPort: 19300 + nodeId,
    dir: `/nonexistent/kll-cluster/node-${nodeId}`,
  })),
};

const node = (nodeId: number, state: 'up' | 'down', controller = false): ClusterNodeStatus => ({
  nodeId,
  port: 19200 + nodeId,
  bootstrap: `127.0.0.1:${19200 + nodeId}`,
  state,
  controller,
});

describe('broker states for the Kafka view', () => {
  it('knows the local JVM cluster by any of its nodes, and no other cluster', () => {
    const nodes = localClusterNodes(['localhost:19202'], record);
    assert.deepEqual(
      nodes?.map((n) => [n.nodeId, n.state]),
      [
        [1, 'down'],
        [2, 'down'],
        [3, 'down'],
      ],
    );
    assert.equal(localClusterNodes(['127.0.0.1:9092'], record), undefined);
    assert.equal(localClusterNodes(['kafka.example.com:19201'], record), undefined);
    assert.equal(localClusterNodes(['127.0.0.1:19201'], undefined), undefined);
  });

  it('lists the metadata brokers as up, the local nodes it lacks as down or starting, and a stopped JVM as down', () => {
    const info = {
      clusterId: 'c',
      controllerId: 1, // what KRaft's metadata says: any broker
      brokers: [
        { nodeId: 3, host: '127.0.0.1', port: 19203 },
        { nodeId: 1, host: '127.0.0.1', port: 19201 },
        { nodeId: 5, host: '127.0.0.1', port: 19205 }, // stopped, not fenced yet
      ],
    };
    const states = brokerStates(info, [
      node(1, 'up'),
      node(2, 'down'),
      node(3, 'up', true),
      node(4, 'up'),
      node(5, 'down'),
    ]);
    assert.deepEqual(
      states.map((s) => [s.nodeId, s.state, s.controller]),
      [
        [1, 'up', false],
        [2, 'down', false],
        [3, 'up', true],
        [4, 'starting', false],
        [5, 'down', false],
      ],
    );
  });

  it('takes the controller from the metadata for a cluster this machine did not start', () => {
    const info = {
      clusterId: 'c',
      controllerId: 2,
      brokers: [1, 2].map((nodeId) => ({ nodeId, host: 'h', port: 9092 })),
    };
    assert.deepEqual(
      brokerStates(info).map((s) => [s.nodeId, s.state, s.controller]),
      [
        [1, 'up', false],
        [2, 'up', true],
      ],
    );
  });
});
