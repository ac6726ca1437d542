// The JVM engine on a machine with Java and nothing else: no Maven on PATH, an empty cache in a
// folder with spaces and accents. `broker start --engine jvm` downloads Kafka's jars from the
// real Maven Central (3.9.x and 4.x, once each per run: every later case reuses that cache),
// verifies them and starts a real broker; later starts need no network; a damaged jar is
// replaced; an interrupted download continues; an unreachable repository fails in bounded time.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TESTED_KAFKA_VERSIONS, ensureKafkaJars } from '../../src/core/broker/kafkaJars';
import { jarFileName, manifestFor } from '../../src/core/broker/kafkaManifest';
import { connectProxy } from '../support/connectProxy';
import { listenLocally, silentServer } from '../support/silentServer';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const MAVEN_CENTRAL = 'repo.maven.apache.org:443';
/** The bound for giving up on an unreachable repository. */
const UNREACHABLE_BOUND_MS = 20_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Still running when the time was up (and then killed). */
  timedOut: boolean;
}

function cli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env, timeout: timeoutMs, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const err = error as (Error & { code?: number | string; killed?: boolean }) | null;
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : null) : 0,
          stdout,
          stderr,
          timedOut: Boolean(err?.killed),
        });
      },
    );
  });
}

/** PATH without any folder that holds Maven, plus a folder with only `java` in it. */
function pathWithoutMaven(javaBin: string): string {
  const kept = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir && !['mvn', 'mvn.cmd'].some((m) => fs.existsSync(path.join(dir, m))));
  return [javaBin, ...kept].join(path.delimiter);
}

function findOnPath(name: string, searchPath: string): string | undefined {
  return searchPath
    .split(path.delimiter)
    .map((d) => path.join(d, name))
    .find((f) => fs.existsSync(f));
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const listen = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );

async function closedLocalPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function readyPort(run: Run, version: string): number {
  const port = new RegExp(
    `^Kafka ${version.replace(/\./g, '\\.')} ready at 127\\.0\\.0\\.1:(\\d+) \\(pid \\d+, started in [\\d.]+ s\\)$`,
    'm',
  ).exec(run.stdout)?.[1];
  assert.ok(port, `exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  return Number(port);
}

describe('JVM engine: Kafka from Maven Central with Java alone', function () {
  this.timeout(600_000);
  let root = '';
  let cache = '';
  let env: NodeJS.ProcessEnv = {};
  let deadProxy = '';
  const proxy = connectProxy();

  const libsOf = (version: string) => path.join(cache, 'kafka', version, 'libs');
  const startArgs = (version: string) => [
    'broker',
    'start',
    '--engine',
    'jvm',
    '--kafka-version',
    version,
    '--data-dir',
    path.join(root, `data ${version} ñ`),
  ];
  const stopBroker = async (port: number) => {
    const stopped = await cli(['broker', 'stop', '--port', String(port)], env, 60_000);
    assert.equal(stopped.code, 0, stopped.stderr);
  };

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kll download '));
    cache = path.join(root, 'cache é ü');
    fs.mkdirSync(cache);
    const javaBin = path.join(root, 'java only');
    fs.mkdirSync(javaBin);
    const java = findOnPath('java', process.env.PATH ?? '');
    assert.ok(java, 'this test needs java on PATH');
    fs.symlinkSync(fs.realpathSync(java), path.join(javaBin, 'java'));
    env = { ...process.env, PATH: pathWithoutMaven(javaBin), KAFKA_LOG_LAB_CACHE: cache };
    for (const name of ['KAFKA_HOME', 'JAVA_HOME', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'])
      delete env[name];
    deadProxy = `http://127.0.0.1:${await closedLocalPort()}`;
    await listen(proxy.server);
  });

  after(async () => {
    proxy.server.close();
    if (env.KAFKA_LOG_LAB_CACHE) await cli(['broker', 'stop'], env, 60_000);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('runs where mvn is not on PATH and the cache is empty', () => {
    assert.equal(findOnPath('mvn', env.PATH!), undefined);
    assert.deepEqual(fs.readdirSync(cache), []);
  });

  for (const [i, version] of TESTED_KAFKA_VERSIONS.entries()) {
    const manifest = manifestFor(version);

    it(`downloads, verifies and starts Kafka ${version}${i === 0 ? ' (through an HTTPS_PROXY)' : ''}`, async () => {
      const proxyPort = (proxy.server.address() as net.AddressInfo).port;
      const run = await cli(
        startArgs(version),
        i === 0 ? { ...env, HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` } : env,
      );
      const port = readyPort(run, version);
      try {
        const count = `${manifest.jars.length} jars, ${(manifest.totalBytes / 1e6).toFixed(1)} MB`;
        assert.match(
          run.stderr,
          new RegExp(
            `^Downloading Apache Kafka ${version}: ${count} from https://repo\\.maven\\.apache\\.org/maven2…$`,
            'm',
          ),
        );
        assert.match(
          run.stderr,
          new RegExp(
            `^Downloading Apache Kafka ${version}: [\\d.]+ of [\\d.]+ MB \\(\\d+%\\), \\d+ of ${manifest.jars.length} jars$`,
            'm',
          ),
        );
        const downloaded = new RegExp(
          `^Downloaded and verified ${manifest.jars.length} jars \\(([\\d.]+ MB)\\) in ([\\d.]+) s`,
          'm',
        ).exec(run.stderr);
        assert.ok(downloaded, run.stderr);
        if (i === 0) assert.deepEqual([...new Set(proxy.asked.map((a) => a.target))], [MAVEN_CENTRAL]);
        for (const jar of manifest.jars)
          assert.equal(sha256(path.join(libsOf(version), jarFileName(jar))), jar.sha256, jarFileName(jar));

        const topics = await cli(['topics', 'list', '--brokers', `127.0.0.1:${port}`], env, 60_000);
        assert.equal(topics.code, 0, topics.stderr);
        // Kafka keeps its log dir where we said, ñ included (not in a "data Ã±" next to it).
        assert.ok(
          fs.existsSync(path.join(root, `data ${version} ñ`, 'kraft-logs', 'meta.properties')),
          fs.readdirSync(root).join(', '),
        );
        // Our log4j configuration was found through a folder name with a space and an ñ.
        const brokerLog = fs.readFileSync(path.join(root, `data ${version} ñ`, 'broker.out'), 'utf8');
        assert.match(brokerLog, /^\[[^\]]+\] INFO .*Kafka Server started \(kafka\.server\.KafkaRaftServer\)$/m);
        const started = /started in ([\d.]+) s/.exec(run.stdout)![1];
        console.log(
          `      [download] Kafka ${version}: ${manifest.jars.length} jars, ${downloaded[1]} in ${downloaded[2]} s; first start ${started} s`,
        );
      } finally {
        await stopBroker(port);
      }
    });

    it(`starts Kafka ${version} again from the cache, without the network (HTTPS_PROXY is a closed port)`, async () => {
      const run = await cli(startArgs(version), { ...env, HTTPS_PROXY: deadProxy });
      const port = readyPort(run, version);
      await stopBroker(port);
      assert.doesNotMatch(run.stderr, /Download/);
    });
  }

  it('fetches every tested version again in no time and with no network: idempotent', async () => {
    const run = await cli(['broker', 'fetch', '--tested'], { ...env, HTTPS_PROXY: deadProxy }, 60_000);
    assert.equal(run.code, 0, run.stderr);
    for (const version of TESTED_KAFKA_VERSIONS)
      assert.match(run.stdout, new RegExp(`^Kafka ${version} jars in .* \\(cached, verified\\)$`, 'm'));
  });

  it('catches a jar damaged in the cache on the next start, and replaces it', async () => {
    const version = TESTED_KAFKA_VERSIONS[0];
    const jar = manifestFor(version).jars.find((j) => j.artifact === 'kafka-storage-api')!;
    const file = path.join(libsOf(version), jarFileName(jar));
    const bytes = fs.readFileSync(file);
    bytes[bytes.length >> 1] ^= 0xff; // same size, one byte flipped
    fs.writeFileSync(file, bytes);
    const run = await cli(startArgs(version), env);
    const port = readyPort(run, version);
    await stopBroker(port);
    assert.match(
      run.stderr,
      new RegExp(
        `^The cached ${jarFileName(jar).replace(/\./g, '\\.')} does not match its pinned SHA-256 \\(changed or damaged on disk\\); fetching it again$`,
        'm',
      ),
    );
    assert.match(
      run.stderr,
      new RegExp(`^Downloading Apache Kafka ${version}: 1 of ${manifestFor(version).jars.length} jars`, 'm'),
    );
    assert.equal(sha256(file), jar.sha256);
  });

  it('continues a download that was interrupted, from where it stopped', async () => {
    const version = TESTED_KAFKA_VERSIONS[1];
    const jar = manifestFor(version).jars.find((j) => j.artifact === 'kafka-raft')!;
    const file = path.join(libsOf(version), jarFileName(jar));
    const half = Math.floor(jar.size / 2);
    const partial = path.join(cache, 'kafka', version, 'partial');
    fs.mkdirSync(partial, { recursive: true });
    fs.writeFileSync(path.join(partial, `${jarFileName(jar)}.part`), fs.readFileSync(file).subarray(0, half));
    fs.rmSync(file);
    const jars = await ensureKafkaJars(version, { env });
    assert.deepEqual(
      { files: jars.download?.files, resumedBytes: jars.download?.resumedBytes },
      { files: 1, resumedBytes: half },
    );
    assert.equal(sha256(file), jar.sha256);
    assert.equal(fs.existsSync(partial), false);
  });

  it('uses KAFKA_HOME when it is set, without the network', async () => {
    const home = path.join(root, 'kafka home');
    fs.mkdirSync(home);
    fs.symlinkSync(libsOf(TESTED_KAFKA_VERSIONS[0]), path.join(home, 'libs'));
    const run = await cli(
      ['broker', 'fetch', '--kafka-version', TESTED_KAFKA_VERSIONS[1], '--json'],
      { ...env, KAFKA_HOME: home, HTTPS_PROXY: deadProxy },
      60_000,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      version: TESTED_KAFKA_VERSIONS[0],
      libsDir: path.join(home, 'libs'),
      source: 'KAFKA_HOME',
    });
  });

  describe('an unreachable repository fails in bounded time, naming the URL and the ways out', () => {
    const silent = silentServer();
    before(() => listenLocally(silent));
    after(() => silent.close());

    const cases = [
      { what: 'a proxy port that refuses connections', proxy: () => deadProxy, reason: 'the connection was refused' },
      {
        what: 'a proxy that accepts and never answers',
        proxy: () => `http://127.0.0.1:${silent.port()}`,
        reason: 'the proxy did not answer within 10 s',
      },
    ];
    for (const c of cases) {
      it(c.what, async () => {
        const emptyCache = fs.mkdtempSync(path.join(root, 'empty cache '));
        const version = TESTED_KAFKA_VERSIONS[0];
        const run = await cli(
          startArgs(version),
          { ...env, KAFKA_LOG_LAB_CACHE: emptyCache, HTTPS_PROXY: c.proxy() },
          UNREACHABLE_BOUND_MS,
        );
        assert.equal(run.timedOut, false, `still running after ${UNREACHABLE_BOUND_MS / 1000} s`);
        assert.equal(run.code, 1, run.stderr);
        const message = run.stderr.trim().split('\n').at(-1)!;
        assert.match(
          message,
          new RegExp(
            `^kafka-log-lab broker: cannot download Apache Kafka ${version} from Maven Central: ${c.reason} ` +
              `\\(https://repo\\.maven\\.apache\\.org/maven2/\\S+\\.jar, through the proxy ${c.proxy().replace(/\./g, '\\.')} from HTTPS_PROXY\\)\\. `,
          ),
        );
        assert.match(
          message,
          /Ways out: run Kafka in Docker instead .*; or set KAFKA_HOME to an unpacked Apache Kafka .* from https:\/\/kafka\.apache\.org\/downloads; or check HTTPS_PROXY and try again\.$/,
        );
        const libs = path.join(emptyCache, 'kafka', version, 'libs');
        assert.deepEqual(fs.existsSync(libs) ? fs.readdirSync(libs) : [], [], 'nothing unverified may land in libs');
      });
    }
  });
});
