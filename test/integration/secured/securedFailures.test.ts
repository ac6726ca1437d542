// What a person is told when a secured connection cannot work: a wrong password, a broker
// certificate their CA did not sign, plaintext to a TLS port and TLS to a plaintext port. Each
// run must end on its own (the CLI's own timeouts) with words naming the problem, and no
// password in its output. How long each took is printed, not asserted.
import assert from 'node:assert/strict';
import { runCli } from '../support/runCli';
import type { SecuredBrokerInfo, SecuredClientFiles } from '../support/securedBroker';
import { TOPICS_CONFIG_FLAG, leakedSecrets, securedBroker } from './securedFixture';

interface FailureCase {
  problem: string;
  file: keyof SecuredClientFiles;
  /** -X overrides on top of the file. */
  overrides?: string[];
  /** What the message must say, given the broker (some name the user). */
  says: (broker: SecuredBrokerInfo) => RegExp[];
}

const CASES: FailureCase[] = [
  {
    problem: 'a wrong password',
    file: 'wrongPassword',
    says: (b) => [new RegExp(`authentication failed for user ${b.users.plain.username} \\(SASL PLAIN\\)`, 'i')],
  },
  {
    problem: 'a broker certificate the configured CA did not sign',
    file: 'untrustedCa',
    says: () => [/certificate/i, /ssl\.ca\.location|\bCA\b/],
  },
  {
    problem: 'a plaintext client at a TLS port',
    file: 'plaintextToTls',
    says: () => [/TLS|SSL/, /plaintext|security\.protocol/i],
  },
  {
    problem: 'a TLS client at a plaintext port',
    file: 'tlsToPlaintext',
    says: () => [/TLS|SSL/, /plaintext|security\.protocol/i],
  },
  {
    problem: 'a missing client certificate at a port that requires one',
    file: 'mtlsWithoutCertificate',
    says: () => [/client certificate/, /ssl\.certificate\.location/],
  },
  {
    problem: 'a CA file that does not exist',
    file: 'ccPlain',
    overrides: ['-X', 'ssl.ca.location=/nonexistent/kll-ca.pem'],
    says: () => [/ssl\.ca\.location/, /\/nonexistent\/kll-ca\.pem/, /no such file/i],
  },
];

describe('the CLI tells what is wrong with a secured connection', function () {
  // Generous for a loaded machine; the CLI itself gives up within about 15 s.
  this.timeout(90000);
  let broker: SecuredBrokerInfo;
  const took: string[] = [];

  before(async function () {
    broker = await securedBroker();
  });

  after(() => console.log(`    [secured failures] each run ended after\n      ${took.join('\n      ')}`));

  for (const { problem, file, overrides = [], says } of CASES) {
    it(`names ${problem}, with no password in the output`, async () => {
      const started = Date.now();
      const run = await runCli(['topics', 'list', TOPICS_CONFIG_FLAG, broker.files[file], ...overrides], 75000);
      took.push(`${problem}: ${Date.now() - started} ms`);
      assert.equal(run.code, 1, `exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
      for (const words of says(broker)) assert.match(run.stderr, words);
      assert.deepEqual(leakedSecrets(broker, run.stdout, run.stderr), []);
    });
  }
});
