import assert from 'node:assert/strict';
import {
  clusterNetworkName,
  clusterNodeEnvironment,
  clusterNodeName,
  clusterRunArgs,
  clusterVolumeName,
  internalPortsFor,
} from '../../../src/core/broker/dockerClusterArgs';
import { LABELS, clusterIdForVolume, parseManagedContainers } from '../../../src/core/broker/dockerBrokerArgs';

const spec = { cluster: 'lab', image: 'kafka-log-lab/kafka:3.9.2', ports: [9092, 9093, 9094] };

const valuesOf = (args: string[], flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));

describe('local cluster arguments', () => {
  it('name containers, volumes and the network after the cluster', () => {
    assert.equal(clusterNodeName('lab', 2), 'lab-2');
    assert.equal(clusterVolumeName('lab', 2), 'lab-data-2');
    assert.equal(clusterNetworkName('lab'), 'lab-net');
  });

  it('keep the internal and controller ports clear of the client ports', () => {
    assert.deepEqual(internalPortsFor([9092, 9093, 9094]), { internal: 29092, controller: 29093 });
    assert.deepEqual(internalPortsFor([29092, 29093, 29094]), { internal: 29095, controller: 29096 });
  });

  it('make every node a voter and advertise 127.0.0.1 to clients, the container name to peers', () => {
    const env = clusterNodeEnvironment(spec, 2);
    assert.equal(env.KAFKA_NODE_ID, '2');
    assert.equal(env.KAFKA_CONTROLLER_QUORUM_VOTERS, '1@lab-1:29093,2@lab-2:29093,3@lab-3:29093');
    assert.equal(env.KAFKA_ADVERTISED_LISTENERS, 'INTERNAL://lab-2:29092,EXTERNAL://127.0.0.1:9093');
    assert.equal(env.KAFKA_LISTENERS, 'INTERNAL://0.0.0.0:29092,EXTERNAL://0.0.0.0:9093,CONTROLLER://0.0.0.0:29093');
    assert.equal(env.KAFKA_INTER_BROKER_LISTENER_NAME, 'INTERNAL');
    assert.equal(env.KAFKA_DEFAULT_REPLICATION_FACTOR, '3');
    assert.equal(env.KAFKA_MIN_INSYNC_REPLICAS, '2');
    assert.equal(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR, '3');
    assert.equal(env.CLUSTER_ID, clusterIdForVolume('lab'));
    assert.equal(clusterNodeEnvironment(spec, 1).CLUSTER_ID, env.CLUSTER_ID, 'one cluster id for all nodes');
  });

  it("detect a failed broker as fast as the JVM cluster, through the image's KAFKA_* contract", () => {
    const env = clusterNodeEnvironment(spec, 1);
    assert.equal(env.KAFKA_BROKER_SESSION_TIMEOUT_MS, '6000');
    assert.equal(env.KAFKA_BROKER_HEARTBEAT_INTERVAL_MS, '1000');
    assert.equal(env.KAFKA_REPLICA_LAG_TIME_MAX_MS, '8000');
  });

  it('scale replication down for smaller clusters', () => {
    const env = clusterNodeEnvironment({ ...spec, ports: [9092, 9093] }, 1);
    assert.equal(env.KAFKA_DEFAULT_REPLICATION_FACTOR, '2');
    assert.equal(env.KAFKA_MIN_INSYNC_REPLICAS, '1');
  });

  it('run each node on the cluster network, published on 127.0.0.1, labelled with the cluster', () => {
    const args = clusterRunArgs(spec, 3);
    assert.deepEqual(valuesOf(args, '--name'), ['lab-3']);
    assert.deepEqual(valuesOf(args, '--network'), ['lab-net']);
    assert.deepEqual(valuesOf(args, '-p'), ['127.0.0.1:9094:9094']);
    assert.deepEqual(valuesOf(args, '-v'), ['lab-data-3:/var/lib/kafka/data']);
    assert.ok(valuesOf(args, '--label').includes(`${LABELS.cluster}=lab`));
    assert.ok(valuesOf(args, '--label').includes(`${LABELS.managed}=true`));
    assert.equal(args[args.length - 1], spec.image);
  });

  it('list cluster nodes with their cluster name', () => {
    const [node] = parseManagedContainers('lab-1\tkafka-log-lab/kafka:3.9.2\trunning\t9092\tlab-data-1\tlab\n');
    assert.equal(node.cluster, 'lab');
    const [single] = parseManagedContainers(
      'kafka-log-lab-broker\tapache/kafka:3.9.2\trunning\t9092\tkafka-log-lab-data\t\n',
    );
    assert.equal(single.cluster, undefined);
  });
});
