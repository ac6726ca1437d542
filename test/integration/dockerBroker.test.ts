// The Docker engine against a real Docker daemon and a locally built Kafka image (no registry
// here): the same `docker` calls a user's machine gets. Each test uses its own port, container
// name and volume, and removes them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createKafkaClient, withAdmin } from '../../src/core/kafka/client';
import {
  detectDocker,
  dockerBrokerStatus,
  resetDockerBroker,
  startDockerBroker,
} from '../../src/core/broker/dockerBroker';
import { runDocker, type DockerError } from '../../src/core/broker/dockerCli';
import { DEFAULT_DOCKER_IMAGE, projectImageFor } from '../../src/core/broker/dockerBrokerArgs';
import { DEFAULT_KAFKA_VERSION, cacheRoot } from '../../src/core/broker/kafkaJars';
import { freePort } from '../../src/core/broker/freePort';
import { isBrokerReachable } from '../../src/core/broker/readiness';
import { consumeInGroup, produceNumbered } from './support/roundTrip';
import { uniqueName } from './support/testBroker';
import { announceSkip, prepareDocker, releaseDocker, repoRoot, type DockerTestSetup } from './support/dockerSetup';
import { listenLocally, silentServer } from '../support/silentServer';

const run = promisify(execFile);

async function topicNames(bootstrap: string): Promise<string[]> {
  return withAdmin(createKafkaClient({ brokers: [bootstrap] }), (admin) => admin.listTopics());
}

async function volumeExists(volume: string): Promise<boolean> {
  return runDocker(['volume', 'inspect', volume]).then(
    () => true,
    () => false,
  );
}

async function imagePresent(image: string): Promise<boolean> {
  return runDocker(['image', 'inspect', '--format', '{{.Id}}', image]).then(
    () => true,
    () => false,
  );
}

/**
 * Runs `kafka-log-lab broker ...args` with its own broker records (and the machine's Kafka
 * jars), no image named unless `env` names one; resolves with stdout and stderr.
 */
async function brokerCli(
  cache: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ stdout: string; stderr: string }> {
  const jars = path.join(cacheRoot(), 'kafka');
  fs.mkdirSync(jars, { recursive: true });
  if (!fs.existsSync(path.join(cache, 'kafka'))) fs.symlinkSync(jars, path.join(cache, 'kafka'));
  const base: NodeJS.ProcessEnv = { ...process.env, KAFKA_LOG_LAB_CACHE: cache };
  delete base.KAFKA_LOG_LAB_DOCKER_IMAGE;
  return run('node', [path.join(repoRoot, 'dist', 'cli.js'), 'broker', ...args], {
    env: { ...base, ...env },
    timeout: 240000,
  });
}

describe('Docker engine (real Docker daemon)', function () {
  this.timeout(300000);
  let setup: DockerTestSetup | undefined;
  const created: Array<{ name: string; volume: string }> = [];

  before(async function () {
    const prepared = await prepareDocker();
    if (typeof prepared === 'string') {
      announceSkip(prepared);
      this.skip();
    }
    setup = prepared as DockerTestSetup;
    console.log(
      `    [docker] daemon ${(await detectDocker()).serverVersion}, image ${setup.image}${setup.startedDaemon ? ' (dockerd started for this run)' : ''}`,
    );
  });

  after(async () => {
    for (const { name, volume } of created) {
      await resetDockerBroker({ name }).catch(() => undefined);
      await runDocker(['volume', 'rm', volume]).catch(() => undefined);
    }
    await releaseDocker(setup);
  });

  function names(prefix: string) {
    const entry = { name: uniqueName(`kll-test-${prefix}`), volume: uniqueName(`kll-test-${prefix}-data`) };
    created.push(entry);
    return entry;
  }

  it('starts, round-trips through the published port, keeps topics across a restart, and reset removes them', async () => {
    const { name, volume } = names('broker');
    const port = await freePort();
    const progress: string[] = [];
    const options = {
      port,
      image: setup!.image,
      name,
      volume,
      readyTimeoutMs: 180000,
      onProgress: (m: string) => progress.push(m),
    };
    const first = await startDockerBroker(options);
    console.log(`    [docker] ${first.containerName} ready at ${first.bootstrap} in ${first.startMs} ms`);
    assert.equal(first.bootstrap, `127.0.0.1:${port}`);
    assert.equal(first.containerName, name);
    assert.equal(first.alreadyRunning, false);
    assert.ok(
      progress.some((m) => m.startsWith('Waiting for Kafka to answer')),
      progress.join(' | '),
    );

    // Published on 127.0.0.1 only, labelled as ours.
    const { stdout } = await runDocker([
      'inspect',
      '--format',
      '{{json .HostConfig.PortBindings}} {{json .Config.Labels}}',
      name,
    ]);
    const [bindings, labels] = stdout
      .trim()
      .split(' ')
      .map((s) => JSON.parse(s));
    assert.deepEqual(bindings, { [`${port}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: String(port) }] });
    assert.equal(labels['dev.kafka-log-lab.managed'], 'true');
    assert.equal(labels['dev.kafka-log-lab.volume'], volume);

    const topic = uniqueName('docker-topic');
    const client = createKafkaClient({ brokers: [first.bootstrap] });
    await withAdmin(client, (admin) => admin.createTopic({ topic, partitions: 3 }));
    await produceNumbered(client, topic, 500);
    const firstRead = await consumeInGroup(client, topic, uniqueName('group'), 500);
    assert.equal(firstRead.distinct, 500);

    await first.stop();
    const stopped = (await dockerBrokerStatus()).find((c) => c.name === name);
    assert.equal(stopped?.running, false, 'the container stays, stopped');
    assert.equal(await isBrokerReachable(first.bootstrap), false);

    const second = await startDockerBroker(options);
    assert.equal(second.bootstrap, first.bootstrap);
    assert.ok((await topicNames(second.bootstrap)).includes(topic), 'the topic survived the restart');
    const again = await consumeInGroup(
      createKafkaClient({ brokers: [second.bootstrap] }),
      topic,
      uniqueName('group'),
      500,
    );
    assert.equal(again.distinct, 500, 'and so did its messages');
    assert.equal((await startDockerBroker(options)).alreadyRunning, true, 'starting a running broker finds it');

    const removed = await resetDockerBroker({ name });
    assert.deepEqual(removed, { containers: [name], volumes: [volume] });
    assert.equal(await volumeExists(volume), false);
    assert.ok(!(await dockerBrokerStatus()).some((c) => c.name === name));

    const fresh = await startDockerBroker(options);
    assert.ok(!(await topicNames(fresh.bootstrap)).includes(topic), 'after a reset the topic is gone');
    await resetDockerBroker({ name });
  });

  it('refuses a port that another process holds, naming it', async () => {
    const { name, volume } = names('taken');
    const holder = silentServer();
    await listenLocally(holder);
    const port = holder.port();
    try {
      await assert.rejects(
        startDockerBroker({ port, image: setup!.image, name, volume }),
        (e: DockerError) => e.kind === 'port-taken' && e.message.startsWith(`port ${port} is taken by another process`),
      );
      assert.ok(!(await dockerBrokerStatus()).some((c) => c.name === name), 'no container is left behind');
    } finally {
      await holder.close();
    }
  });

  it('runs the CLI: broker start --engine docker, status, stop, reset', async () => {
    const { name, volume } = names('cli');
    const port = await freePort();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-cli-state-'));
    const env = { ...process.env, KAFKA_LOG_LAB_CACHE: cache };
    const cli = (...args: string[]) =>
      run('node', [path.join(repoRoot, 'dist', 'cli.js'), 'broker', ...args], { env, timeout: 240000 });
    try {
      const started = JSON.parse(
        (
          await cli(
            'start',
            '--engine',
            'docker',
            '--image',
            setup!.image,
            '--port',
            String(port),
            '--name',
            name,
            '--volume',
            volume,
            '--json',
          )
        ).stdout,
      );
      assert.equal(started.engine, 'docker');
      assert.equal(started.bootstrap, `127.0.0.1:${port}`);
      assert.equal(started.containerName, name);
      const status = JSON.parse((await cli('status', '--json')).stdout);
      const row = status.brokers.find((b: { containerName?: string }) => b.containerName === name);
      assert.equal(row.state, 'running');
      assert.equal(row.reachable, true);
      assert.match(
        (await cli('stop', '--port', String(port))).stdout,
        new RegExp(`Stopped the docker broker on 127.0.0.1:${port}`),
      );
      assert.deepEqual(JSON.parse((await cli('reset', '--port', String(port), '--json')).stdout), {
        containers: [name],
        volumes: [volume],
      });
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('runs the CLI with no image named: the local project image, without a pull, and says so', async function () {
    const project = projectImageFor();
    if (await imagePresent(DEFAULT_DOCKER_IMAGE)) {
      announceSkip(`${DEFAULT_DOCKER_IMAGE} is present locally, so it is the image of choice here`);
      this.skip();
    }
    if (!(await imagePresent(project))) {
      announceSkip(`the project image ${project} is not built here`);
      this.skip();
    }
    const { name, volume } = names('local-image');
    const port = await freePort();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-cli-state-'));
    try {
      const started = await brokerCli(cache, [
        'start',
        '--engine',
        'docker',
        '--port',
        String(port),
        '--name',
        name,
        '--volume',
        volume,
      ]);
      const progress = started.stderr.split('\n');
      assert.ok(
        progress.includes(
          `Image: ${project} (${DEFAULT_DOCKER_IMAGE} is not present locally, so it is not pulled; using the local image built by scripts/docker/build-local-kafka-image.sh)`,
        ),
        started.stderr,
      );
      assert.doesNotMatch(started.stderr, /pull(ing|ed) /i, 'no pull is attempted or claimed');
      assert.match(
        started.stdout,
        new RegExp(
          `^Kafka ${DEFAULT_KAFKA_VERSION} ready at 127\\.0\\.0\\.1:${port} \\(docker container ${name}, image ${project}, started in `,
        ),
      );
      const { stdout } = await runDocker(['inspect', '--format', '{{.Config.Image}}', name]);
      assert.equal(stdout.trim(), project);
      assert.equal(await isBrokerReachable(`127.0.0.1:${port}`), true);
      assert.match(
        (await brokerCli(cache, ['stop', '--port', String(port)])).stdout,
        new RegExp(`Stopped the docker broker on 127.0.0.1:${port}`),
      );
    } finally {
      await resetDockerBroker({ name }).catch(() => undefined);
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('in auto mode, says in one line why it falls back to Java when a named image cannot be pulled', async () => {
    const missing = uniqueName('kafka-log-lab-test/missing').toLowerCase() + ':0.0.0';
    const port = await freePort();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-cli-state-'));
    try {
      const started = await brokerCli(cache, ['start', '--port', String(port)], {
        KAFKA_LOG_LAB_DOCKER_IMAGE: missing,
      });
      const progress = started.stderr.split('\n');
      assert.ok(
        progress.includes(`Pulling ${missing} (named by $KAFKA_LOG_LAB_DOCKER_IMAGE, not present locally)…`),
        started.stderr,
      );
      assert.doesNotMatch(started.stderr, /first start only/);
      const fallback = progress.filter((line) => line.startsWith('Engine: jvm ('));
      assert.equal(fallback.length, 1, started.stderr);
      assert.match(
        fallback[0],
        new RegExp(
          `^Engine: jvm \\(Docker is available but image ${missing.replace(/[.]/g, '\\.')} \\(named by \\$KAFKA_LOG_LAB_DOCKER_IMAGE\\) is not present locally and cannot be pulled: .+; using the local Java instead\\)$`,
        ),
      );
      assert.match(
        started.stdout,
        new RegExp(`^Kafka ${DEFAULT_KAFKA_VERSION} ready at 127\\.0\\.0\\.1:${port} \\(pid \\d+, `),
      );
    } finally {
      await brokerCli(cache, ['stop', '--port', String(port)]).catch(() => undefined);
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('Docker engine without a daemon', function () {
  this.timeout(60000);
  const saved = process.env.DOCKER_HOST;
  const nowhere = `unix://${path.join(os.tmpdir(), `kll-no-daemon-${process.pid}.sock`)}`;

  before(async function () {
    if ((await detectDocker()).kind === 'cli-missing') {
      announceSkip('the docker CLI is not installed');
      this.skip();
    }
    process.env.DOCKER_HOST = nowhere;
  });
  after(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it('says the daemon is not running, in detection, in the engine and in the CLI', async () => {
    const expected = `Docker is installed but the daemon is not running (nothing answers at ${nowhere})`;
    const detected = await detectDocker();
    assert.equal(detected.available, false);
    assert.equal(detected.reason, expected);
    await assert.rejects(
      startDockerBroker({ port: await freePort() }),
      (e: DockerError) => e.kind === 'daemon-down' && e.message === expected,
    );
    const cli = await run('node', [path.join(repoRoot, 'dist', 'cli.js'), 'broker', 'start', '--engine', 'docker'], {
      env: process.env,
    }).then(
      () => assert.fail('the CLI should fail'),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(cli.code, 1);
    assert.match(cli.stderr, new RegExp(`kafka-log-lab broker: ${expected.replace(/[()/.]/g, '\\$&')}`));
  });
});
