import assert from 'node:assert/strict';
import {
  DEFAULT_DOCKER_IMAGE,
  LABELS,
  brokerEnvironment,
  clusterIdForVolume,
  controllerPortFor,
  defaultContainerName,
  dockerImageProblem,
  dockerNameProblem,
  dockerRunArgs,
  kafkaVersionOfImage,
  parseManagedContainers,
  volumeCreateArgs,
} from '../../../src/core/broker/dockerBrokerArgs';
import { DEFAULT_KAFKA_VERSION, TESTED_KAFKA_VERSIONS } from '../../../src/core/broker/kafkaJars';
import { dockerImageRequest } from '../../../src/core/broker/startBroker';

const spec = { name: 'kafka-log-lab-broker', image: 'apache/kafka:3.9.2', port: 9092, volume: 'kafka-log-lab-data' };

/** The value after each occurrence of `flag` in an argument array. */
function valuesOf(args: string[], flag: string): string[] {
  return args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
}

describe('docker run arguments', () => {
  it('run a detached, named container from the image, which comes last', () => {
    const args = dockerRunArgs(spec);
    assert.deepEqual(args.slice(0, 2), ['run', '-d']);
    assert.deepEqual(valuesOf(args, '--name'), ['kafka-log-lab-broker']);
    assert.equal(args[args.length - 1], 'apache/kafka:3.9.2');
  });

  it('publish the port on 127.0.0.1 only, the same port inside', () => {
    const args = dockerRunArgs({ ...spec, port: 19092 });
    assert.deepEqual(valuesOf(args, '-p'), ['127.0.0.1:19092:19092']);
    assert.ok(!args.some((a) => a.includes('0.0.0.0:19092:')), 'never published on all interfaces');
  });

  it('label the container so it can be found and cleaned up', () => {
    assert.deepEqual(valuesOf(dockerRunArgs({ ...spec, port: 19092, volume: 'v1' }), '--label'), [
      `${LABELS.managed}=true`,
      `${LABELS.port}=19092`,
      `${LABELS.volume}=v1`,
    ]);
    assert.deepEqual(volumeCreateArgs('v1'), ['volume', 'create', '--label', `${LABELS.managed}=true`, 'v1']);
  });

  it('mount the named volume on the image data dir', () => {
    assert.deepEqual(valuesOf(dockerRunArgs(spec), '-v'), ['kafka-log-lab-data:/var/lib/kafka/data']);
  });

  it('pass each variable as one argument, untouched by any shell', () => {
    const args = dockerRunArgs({ ...spec, heap: '-Xmx512m -Xms128m' });
    const env = valuesOf(args, '-e');
    assert.ok(env.includes('KAFKA_HEAP_OPTS=-Xmx512m -Xms128m'));
    assert.ok(env.every((e) => /^[A-Z_]+=/.test(e)));
    assert.equal(env.length, Object.keys(brokerEnvironment(spec)).length);
  });

  it('keep odd user values inside their own argument', () => {
    const args = dockerRunArgs({ ...spec, name: 'x; rm -rf /', volume: '$(whoami)' });
    assert.deepEqual(valuesOf(args, '--name'), ['x; rm -rf /']);
    assert.deepEqual(valuesOf(args, '-v'), ['$(whoami):/var/lib/kafka/data']);
  });
});

describe('broker environment', () => {
  it('advertises 127.0.0.1 and the host port, listens on all container interfaces', () => {
    const env = brokerEnvironment({ ...spec, port: 19092 });
    assert.equal(env.KAFKA_ADVERTISED_LISTENERS, 'PLAINTEXT://127.0.0.1:19092');
    assert.equal(env.KAFKA_LISTENERS, 'PLAINTEXT://0.0.0.0:19092,CONTROLLER://0.0.0.0:9093');
    assert.equal(env.KAFKA_CONTROLLER_QUORUM_VOTERS, '1@localhost:9093');
    assert.equal(env.KAFKA_PROCESS_ROLES, 'broker,controller');
    assert.equal(env.KAFKA_LOG_DIRS, '/var/lib/kafka/data');
    assert.equal(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR, '1');
  });

  it('moves the controller off the client port', () => {
    assert.equal(controllerPortFor(9092), 9093);
    assert.equal(controllerPortFor(9093), 9094);
    assert.match(brokerEnvironment({ ...spec, port: 9093 }).KAFKA_LISTENERS, /CONTROLLER:\/\/0\.0\.0\.0:9094$/);
  });

  it('derives a stable cluster id per volume', () => {
    const id = clusterIdForVolume('kafka-log-lab-data');
    assert.match(id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(Buffer.from(id, 'base64url').length, 16);
    assert.equal(clusterIdForVolume('kafka-log-lab-data'), id);
    assert.notEqual(clusterIdForVolume('other'), id);
    assert.equal(brokerEnvironment(spec).CLUSTER_ID, id);
  });
});

describe('names and images', () => {
  it('suffix the container name with a non-default port', () => {
    assert.equal(defaultContainerName(9092), 'kafka-log-lab-broker');
    assert.equal(defaultContainerName(9093), 'kafka-log-lab-broker-9093');
  });

  it('pin the default image to a tested Kafka version', () => {
    assert.equal(DEFAULT_DOCKER_IMAGE, `apache/kafka:${DEFAULT_KAFKA_VERSION}`);
    assert.ok(TESTED_KAFKA_VERSIONS.includes(kafkaVersionOfImage(DEFAULT_DOCKER_IMAGE)!));
  });

  it('read the Kafka version from a tag', () => {
    assert.equal(kafkaVersionOfImage('apache/kafka:4.3.1'), '4.3.1');
    assert.equal(kafkaVersionOfImage('localhost:5000/kafka-log-lab/kafka:3.9.2'), '3.9.2');
    assert.equal(kafkaVersionOfImage('apache/kafka:latest'), undefined);
    assert.equal(kafkaVersionOfImage('apache/kafka'), undefined);
  });

  it('ask for the image: option, then version, then environment, then the pinned version', () => {
    const env = { KAFKA_LOG_LAB_DOCKER_IMAGE: 'env:1' };
    assert.deepEqual(dockerImageRequest({ image: 'mine:1', imageSource: '--image' }, env), {
      image: 'mine:1',
      imageSource: '--image',
    });
    assert.deepEqual(dockerImageRequest({ kafkaVersion: '4.3.1' }, env), { kafkaVersion: '4.3.1' });
    assert.deepEqual(dockerImageRequest({}, env), { image: 'env:1', imageSource: '$KAFKA_LOG_LAB_DOCKER_IMAGE' });
    assert.deepEqual(dockerImageRequest({}, { KAFKA_LOG_LAB_DOCKER_IMAGE: ' ' }), {});
    assert.deepEqual(dockerImageRequest({}, {}), {});
  });
});

describe('managed container listing', () => {
  it('parses docker ps lines into containers, sorted by port', () => {
    const out = [
      'kafka-log-lab-broker-19092\tkafka-log-lab/kafka:3.9.2\texited\t19092\tdata-b',
      'kafka-log-lab-broker\tapache/kafka:3.9.2\trunning\t9092\tkafka-log-lab-data',
      '',
    ].join('\n');
    const [first, second] = parseManagedContainers(out);
    assert.deepEqual(first, {
      name: 'kafka-log-lab-broker',
      image: 'apache/kafka:3.9.2',
      state: 'running',
      running: true,
      port: 9092,
      volume: 'kafka-log-lab-data',
      bootstrap: '127.0.0.1:9092',
      kafkaVersion: '3.9.2',
    });
    assert.equal(second.running, false);
    assert.equal(second.port, 19092);
    assert.deepEqual(parseManagedContainers(''), []);
  });
});

describe('docker names and images from users', () => {
  it('accept what Docker accepts', () => {
    for (const name of ['kafka-log-lab-broker', 'a', 'lab_1.data']) {
      assert.equal(dockerNameProblem('container name', name), undefined, name);
      assert.equal(dockerNameProblem('volume name', name), undefined, name);
    }
    for (const image of ['apache/kafka:3.9.2', 'kafka-log-lab/kafka:3.9.2', 'localhost:5000/kafka@sha256:abc'])
      assert.equal(dockerImageProblem(image), undefined, image);
  });

  it('refuse what Docker would reject or read as an option, naming the value', () => {
    assert.match(dockerNameProblem('container name', '-rm') ?? '', /^container name "-rm" is not valid/);
    assert.match(dockerNameProblem('volume name', 'a b') ?? '', /^volume name "a b" is not valid/);
    assert.match(dockerNameProblem('volume name', '') ?? '', /^volume name "" is not valid/);
    assert.match(dockerImageProblem('--privileged') ?? '', /^image "--privileged" is not a Docker image reference/);
    assert.match(dockerImageProblem('') ?? '', /is not a Docker image reference/);
  });
});
