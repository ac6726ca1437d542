import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const outRoot = path.resolve(__dirname, '..', '..', '..');

/** Runs mocha the way the integration stage does, over the stand-in file. */
function runIntegrationHarness(env: NodeJS.ProcessEnv, fixture = 'needsBroker.fixture.js') {
  const mocha = path.resolve(outRoot, '..', 'node_modules', '.bin', 'mocha');
  return spawnSync(
    mocha,
    [
      '--reporter',
      'spec',
      '--timeout',
      '20000',
      '--require',
      path.join(outRoot, 'test/integration/support/testBroker.js'),
      path.join(outRoot, 'test/unit/fixtures', fixture),
    ],
    { encoding: 'utf8', env, timeout: 60000 },
  );
}

describe('integration harness when the broker cannot start', () => {
  it('lists every test as pending and fails one test that gives the reason', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, KLL_KAFKA_VERSION: 'not-a-version' };
    delete env.KLL_TEST_BROKERS;
    delete env.KAFKA_HOME;
    const run = runIntegrationHarness(env);
    const out = run.stdout;
    assert.equal(run.status, 1, out + run.stderr);
    assert.match(out, /- first test that talks to Kafka/);
    assert.match(out, /- second test that talks to Kafka/);
    assert.match(out, /0 passing[\s\S]*2 pending[\s\S]*1 failing/);
    assert.match(out, /1\) the integration suite's Kafka broker started/);
    assert.match(out, /Apache Kafka not-a-version did not start: "not-a-version" is not a Kafka version/);
    assert.doesNotMatch(out, /"before all" hook/);
  });
});

describe('integration harness when a test leaves handles open', () => {
  it('names what keeps the process alive and fails instead of hanging', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, KLL_TEST_BROKERS: '127.0.0.1:1', KLL_HANDLES_GRACE_MS: '300' };
    const run = runIntegrationHarness(env, 'leaksHandles.fixture.js');
    const out = run.stdout;
    assert.equal(run.status, 1, out + run.stderr);
    assert.match(out, /1 passing/);
    assert.match(
      out,
      /\[handles\] the integration suite ended, but 2 handle\(s\) kept the process alive after 3\d\d ms/,
    );
    assert.match(out, /1 timer\(s\) \(setTimeout\/setInterval\)/);
    assert.match(out, /Server listening on \{"address":"127\.0\.0\.1"/);
  });

  it('lets a pending timer end by itself, but not one that never does', () => {
    const limits = { KLL_TEST_BROKERS: '127.0.0.1:1', KLL_HANDLES_GRACE_MS: '300', KLL_HANDLES_TIMER_LIMIT_MS: '3000' };
    const ending = runIntegrationHarness({ ...process.env, ...limits }, 'lateTimer.fixture.js');
    assert.equal(ending.status, 0, ending.stdout + ending.stderr);
    assert.doesNotMatch(ending.stdout, /\[handles\]/);

    const interval = runIntegrationHarness(
      { ...process.env, ...limits, KLL_FIXTURE_INTERVAL: '1' },
      'lateTimer.fixture.js',
    );
    assert.equal(interval.status, 1, interval.stdout + interval.stderr);
    assert.match(interval.stdout, /kept the process alive after 3\d{3} ms:\s+1 timer\(s\)/);
  });

  it('exits cleanly when nothing is left open', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, KLL_TEST_BROKERS: '127.0.0.1:1', KLL_HANDLES_GRACE_MS: '300' };
    const run = runIntegrationHarness(env);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /\[handles\]/);
  });
});
