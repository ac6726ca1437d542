// The built CLI against the secured broker with the client.properties files people hold: a
// Confluent-Cloud-style PLAIN file, a Java-style SCRAM-SHA-512 file with a PKCS12 truststore and
// a mutual-TLS file. Counts are checked by kcat; no password may appear in any output.
import assert from 'node:assert/strict';
import { numberedLines, scratchFile } from '../support/files';
import { lastJsonLine, runCli, type CliRun } from '../support/runCli';
import type { SecuredBrokerInfo, SecuredClientFiles } from '../support/securedBroker';
import { uniqueName } from '../support/testBroker';
import { TOPICS_CONFIG_FLAG, kcatCount, leakedSecrets, securedBroker } from './securedFixture';

const LINES = 250;

const DIALECTS: Array<[string, keyof SecuredClientFiles]> = [
  ['a Confluent-Cloud-style SASL_SSL PLAIN file', 'ccPlain'],
  ['a Java-style SCRAM-SHA-512 file with a PKCS12 truststore', 'javaScram512'],
  ['a mutual-TLS file (client certificate and key)', 'mtls'],
];

interface TopicRow {
  name: string;
  messages: number;
}

describe('the CLI with --config against the secured broker', function () {
  this.timeout(240000);
  let broker: SecuredBrokerInfo;
  const outputs: string[] = [];
  const cli = async (args: string[]): Promise<CliRun> => {
    const run = await runCli(args, 90000);
    outputs.push(run.stdout, run.stderr);
    return run;
  };

  before(async function () {
    broker = await securedBroker();
  });

  for (const [dialect, key] of DIALECTS) {
    it(`produces, lists, consumes and verifies with ${dialect}; kcat counts the same`, async () => {
      const config = broker.files[key];
      const topic = uniqueName(`secured-${key}`);
      const file = scratchFile(`${topic}.log`, numberedLines(LINES));

      const produced = await cli(['produce', file, '--topic', topic, '--format', 'raw', '--config', config, '--json']);
      assert.equal(produced.code, 0, produced.stderr);
      assert.equal(lastJsonLine(produced).acked, LINES);
      assert.equal(await kcatCount(broker.files.ccPlain, topic), LINES);

      const listed = await cli(['topics', 'list', TOPICS_CONFIG_FLAG, config, '--json']);
      assert.equal(listed.code, 0, listed.stderr);
      const row = lastJsonLine<{ topics: TopicRow[] }>(listed).topics.find((t) => t.name === topic);
      assert.equal(row?.messages, LINES, listed.stdout);

      const consumeArgs = ['--topic', topic, '--from-beginning', '--until-end', '--format', 'raw', '--json'];
      const consumed = await cli(['consume', ...consumeArgs, '--config', config]);
      assert.equal(consumed.code, 0, consumed.stderr);
      assert.equal(lastJsonLine(consumed).messages, LINES);

      const verified = await cli(['verify', file, '--topic', topic, '--config', config, '--json']);
      assert.equal(verified.code, 0, verified.stdout + verified.stderr);
      const report = lastJsonLine(verified);
      assert.deepEqual(
        [report.lines, report.messages, report.missing, report.duplicates, report.unexpected],
        [LINES, LINES, 0, 0, 0],
      );
    });
  }

  it('takes -X on top of --config: the right password mends the wrong-password file', async () => {
    const wrong = await cli(['topics', 'list', TOPICS_CONFIG_FLAG, broker.files.wrongPassword, '--json']);
    assert.notEqual(wrong.code, 0);
    const mended = ['-X', `sasl.password=${broker.users.plain.password}`];
    const run = await cli(['topics', 'list', TOPICS_CONFIG_FLAG, broker.files.wrongPassword, ...mended, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(Array.isArray(lastJsonLine(run).topics));
  });

  it('reads $KAFKA_LOG_LAB_CONFIG when --config is absent', async () => {
    // runCli's child inherits this process's environment at the call.
    process.env.KAFKA_LOG_LAB_CONFIG = broker.files.mtls;
    try {
      const run = await cli(['topics', 'list', '--json']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(Array.isArray(lastJsonLine(run).topics));
    } finally {
      delete process.env.KAFKA_LOG_LAB_CONFIG;
    }
  });

  it('prints no password, key passphrase or store password in any output of these runs', () => {
    assert.ok(outputs.length > 0, 'no CLI run was recorded');
    const { plain, scram256, scram512 } = broker.users;
    for (const password of [plain.password, scram256.password, scram512.password, broker.certs.storePassword]) {
      assert.ok(broker.secrets.includes(password), 'every password of the client files is looked for');
    }
    assert.deepEqual(leakedSecrets(broker, ...outputs), []);
  });
});
