import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const outRoot = path.resolve(__dirname, '..', '..', '..');

/** Runs mocha the way the integration stage does, over the stand-in file. */
function runIntegrationHarness(env: NodeJS.ProcessEnv) {
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
      path.join(outRoot, 'test/unit/fixtures/needsBroker.fixture.js'),
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
