// The JVM engine's start path against real Kafka tools: storage formats that never trip over
// a generated id, a retry when a port is lost between choosing and binding it, none otherwise.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureKafkaJars, DEFAULT_KAFKA_VERSION } from '../../src/core/broker/kafkaJars';
import { formatStorage, startJvmBroker } from '../../src/core/broker/jvmBroker';
import { newClusterId, serverProperties } from '../../src/core/broker/kraftConfig';
import { listenLocally, silentServer } from '../support/silentServer';

const FORMATS = 200;
const PARALLEL = 2;

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

describe('JVM broker start', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it(`formats ${FORMATS} log dirs in a row with fresh cluster ids`, async function () {
    this.timeout(15 * 60000);
    const jars = await ensureKafkaJars(DEFAULT_KAFKA_VERSION);
    const root = tempDir('kll-formats-');
    dirs.push(root);
    let next = 0;
    const failures: string[] = [];
    const worker = async () => {
      for (let i = next++; i < FORMATS; i = next++) {
        const dir = path.join(root, String(i));
        fs.mkdirSync(dir);
        const props = path.join(dir, 'server.properties');
        fs.writeFileSync(
          props,
          serverProperties({
            nodeId: 1,
            host: '127.0.0.1',
            port: 19092,
            controllerPort: 19093,
            logDir: path.join(dir, 'logs'),
          }),
        );
        const id = newClusterId();
        await formatStorage(jars.libsDir, props, id).catch((e: Error) => failures.push(`${id}: ${e.message}`));
        if (!fs.readFileSync(path.join(dir, 'logs', 'meta.properties'), 'utf8').includes(`cluster.id=${id}`))
          failures.push(`${id}: not in meta.properties`);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    assert.deepEqual(failures, []);
  });

  it('formats a log dir whose cluster id starts with "-"', async () => {
    const jars = await ensureKafkaJars(DEFAULT_KAFKA_VERSION);
    const dir = tempDir('kll-dash-id-');
    dirs.push(dir);
    const props = path.join(dir, 'server.properties');
    fs.writeFileSync(
      props,
      serverProperties({
        nodeId: 1,
        host: '127.0.0.1',
        port: 19092,
        controllerPort: 19093,
        logDir: path.join(dir, 'logs'),
      }),
    );
    await formatStorage(jars.libsDir, props, '-dashFirst0123456789ab');
    assert.match(
      fs.readFileSync(path.join(dir, 'logs', 'meta.properties'), 'utf8'),
      /cluster\.id=-dashFirst0123456789ab/,
    );
  });

  it('starts once more on other ports when its port is taken while it starts', async () => {
    // Holds the port as a process would: it takes the readiness probe's connection and never answers.
    const thief = silentServer();
    const progress: string[] = [];
    let stolen: number | undefined;
    const steal = (message: string) => {
      progress.push(message);
      const port = /^Starting Apache Kafka .* on 127\.0\.0\.1:(\d+)/.exec(message)?.[1];
      if (port && stolen === undefined) {
        stolen = Number(port);
        // Failing to take it shows below: the broker would not have been retried.
        listenLocally(thief, stolen).catch(() => undefined);
      }
    };
    const dataDir = tempDir('kll-race-');
    dirs.push(dataDir);
    try {
      const broker = await startJvmBroker({ dataDir, heap: '512m', onProgress: steal });
      try {
        assert.notEqual(broker.port, stolen);
        assert.ok(
          progress.some((m) => /a port it was given was taken by another process .*; trying once more/.test(m)),
          progress.join('\n'),
        );
      } finally {
        await broker.stop();
      }
    } finally {
      await thief.close();
    }
  });

  it('does not retry a broker that fails for its configuration', async () => {
    const dataDir = tempDir('kll-bad-meta-');
    dirs.push(dataDir);
    fs.mkdirSync(path.join(dataDir, 'kraft-logs'));
    fs.writeFileSync(
      path.join(dataDir, 'kraft-logs', 'meta.properties'),
      'version=1\nnode.id=7\ncluster.id=notvalid\n',
    );
    const progress: string[] = [];
    await assert.rejects(
      startJvmBroker({ dataDir, heap: '512m', onProgress: (m) => progress.push(m) }),
      /^UserError: Kafka did not start: the broker process exited/,
    );
    assert.equal(progress.filter((m) => m.startsWith('Starting Apache Kafka')).length, 1, progress.join('\n'));
  });
});
