// The local image's entrypoint (scripts/docker/kafka-run.sh) must turn the launcher's KAFKA_*
// environment into the server.properties apache/kafka would write. It runs here in its
// config-only mode, with every path under a temp dir.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brokerEnvironment } from '../../../src/core/broker/dockerBrokerArgs';

/** The script in the source tree, found upwards from the compiled test (out/ has no scripts). */
function findScript(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'scripts', 'docker', 'kafka-run.sh');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('scripts/docker/kafka-run.sh not found');
}

const script = findScript();

function hasShell(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v sed && command -v tr'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('kafka-run.sh (local image entrypoint)', function () {
  let root: string;

  before(function () {
    if (process.platform === 'win32' || !hasShell()) this.skip();
  });
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-run-'));
    fs.mkdirSync(path.join(root, 'etc/kafka/docker'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/kafka/docker/server.properties'), 'node.id=42\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** server.properties as a map, from the script run with `env` and `args`. */
  function render(env: Record<string, string>, args: string[] = []): Map<string, string> {
    const out = execFileSync('sh', [script, ...args], {
      env: { PATH: process.env.PATH, KLL_ROOT: root, KLL_CONFIG_ONLY: '1', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const props = new Map<string, string>();
    for (const line of out.split('\n').filter((l) => l.includes('='))) {
      const at = line.indexOf('=');
      props.set(line.slice(0, at), line.slice(at + 1));
    }
    return props;
  }

  it('maps the launcher environment to the properties Kafka needs', () => {
    const props = render(brokerEnvironment({ name: 'b', image: 'i', port: 19092, volume: 'v' }));
    assert.equal(props.get('advertised.listeners'), 'PLAINTEXT://127.0.0.1:19092');
    assert.equal(props.get('listeners'), 'PLAINTEXT://0.0.0.0:19092,CONTROLLER://0.0.0.0:9093');
    assert.equal(props.get('controller.quorum.voters'), '1@localhost:9093');
    assert.equal(props.get('controller.listener.names'), 'CONTROLLER');
    assert.equal(props.get('listener.security.protocol.map'), 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT');
    assert.equal(props.get('log.dirs'), '/var/lib/kafka/data');
    assert.equal(props.get('node.id'), '1');
    assert.equal(props.get('process.roles'), 'broker,controller');
    assert.equal(props.get('offsets.topic.replication.factor'), '1');
    assert.equal(props.get('group.initial.rebalance.delay.ms'), '0');
    assert.ok(!props.has('heap.opts'), 'JVM options are not broker properties');
    assert.ok(![...props.keys()].some((k) => k.startsWith('kafka')), 'the KAFKA_ prefix is dropped');
  });

  it('turns ___ into - and __ into _, like the official wrapper', () => {
    const props = render({
      KAFKA_PROCESS_ROLES: 'broker',
      CLUSTER_ID: 'x',
      KAFKA_CONFLUENT___SUPPORT__METRICS_ENABLE: 'false',
    });
    assert.equal(props.get('confluent-support_metrics.enable'), 'false');
  });

  it('fills the official single-node defaults for unset variables', () => {
    const props = render({ KAFKA_NODE_ID: '3' });
    assert.equal(props.get('node.id'), '3');
    assert.equal(props.get('controller.quorum.voters'), '1@localhost:29093');
    assert.equal(props.get('log.dirs'), '/tmp/kraft-combined-logs');
  });

  it('accepts NAME=VALUE arguments over the environment', () => {
    assert.equal(render({ KAFKA_LOG_DIRS: '/a' }, ['KAFKA_LOG_DIRS=/b']).get('log.dirs'), '/b');
  });

  it('adds the variables to a mounted server.properties', () => {
    fs.mkdirSync(path.join(root, 'mnt/shared/config'), { recursive: true });
    fs.writeFileSync(path.join(root, 'mnt/shared/config/server.properties'), 'message.max.bytes=2000000\n');
    const props = render({ KAFKA_ZOOKEEPER_CONNECT: 'zk:2181' });
    assert.equal(props.get('message.max.bytes'), '2000000');
    assert.equal(props.get('zookeeper.connect'), 'zk:2181');
  });

  it('refuses KRaft without a cluster id, and advertised listeners on a pure controller', () => {
    assert.throws(
      () => render({ KAFKA_PROCESS_ROLES: 'broker', CLUSTER_ID: '', KAFKA_ZOOKEEPER_CONNECT: 'z' }),
      /CLUSTER_ID environment variable not set/,
    );
    assert.throws(
      () =>
        render({ KAFKA_PROCESS_ROLES: 'controller', CLUSTER_ID: 'x', KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://h:1' }),
      /not supported on a KRaft controller/,
    );
  });
});
