// The secured test broker is what it claims to be, checked with clients no one here wrote:
// kcat (librdkafka) through the ready-made files, Node's TLS stack, Java's keytool.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import tls from 'node:tls';
import { scratchFile, numberedLines } from '../support/files';
import { uniqueName } from '../support/testBroker';
import type { SecuredBrokerInfo } from '../support/securedBroker';
import { kcatCount, securedBroker } from './securedFixture';

interface KcatRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** kcat with `args`; a failure is a result, not an exception. `-m 5` bounds metadata requests. */
function kcat(args: string[]): Promise<KcatRun> {
  return new Promise((resolve) => {
    execFile('kcat', [...args, '-m', '5'], { timeout: 60000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('the secured test broker (checked with kcat, Node TLS and keytool)', function () {
  this.timeout(180000);
  let broker: SecuredBrokerInfo;

  before(async function () {
    broker = await securedBroker();
  });

  it('serves SASL_SSL PLAIN, SASL_SSL SCRAM-SHA-256 and mutual TLS through the ready-made files', async () => {
    const expected = [
      [broker.files.ccPlain, `sasl_ssl://${broker.listeners.saslSsl}`],
      [broker.files.scram256, `sasl_ssl://${broker.listeners.saslSsl}`],
      [broker.files.mtls, `ssl://${broker.listeners.mtls}`],
    ];
    for (const [file, listener] of expected) {
      const run = await kcat(['-F', file, '-L']);
      assert.equal(run.code, 0, `${file}: ${run.stderr}`);
      assert.match(run.stdout, new RegExp(`from broker 1: ${listener}/1`));
    }
  });

  it('knows the SCRAM-SHA-512 user that the Java-style file names', async () => {
    const { username, password } = broker.users.scram512;
    const run = await kcat([
      ...['-b', broker.listeners.saslSsl, '-X', 'security.protocol=SASL_SSL', '-X', 'sasl.mechanisms=SCRAM-SHA-512'],
      ...['-X', `sasl.username=${username}`, '-X', `sasl.password=${password}`],
      ...['-X', `ssl.ca.location=${broker.certs.caPem}`, '-L'],
    ]);
    assert.equal(run.code, 0, run.stderr);
    const javaFile = fs.readFileSync(broker.files.javaScram512, 'utf8');
    assert.match(javaFile, /sasl\.mechanism = SCRAM-SHA-512/);
    assert.ok(javaFile.includes(`username="${username}" password="${password}"`));
  });

  it('hands Java clients a PKCS12 truststore that trusts the CA', async () => {
    const listing = await new Promise<string>((resolve, reject) =>
      execFile(
        'keytool',
        ['-list', '-keystore', broker.certs.truststoreP12, '-storetype', 'PKCS12', '-storepass:env', 'KLL_STORE_PASS'],
        { timeout: 60000, env: { ...process.env, KLL_STORE_PASS: broker.certs.storePassword } },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    );
    assert.match(listing, /trustedCertEntry/);
  });

  it('presents a certificate Node accepts for 127.0.0.1 with the test CA, and refuses with another CA', async () => {
    const [host, port] = broker.listeners.saslSsl.split(':');
    const handshake = (ca: string) =>
      new Promise<string>((resolve) => {
        const socket = tls.connect({ host, port: Number(port), ca: fs.readFileSync(ca) }, () => {
          resolve('authorized');
          socket.end();
        });
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
    assert.equal(await handshake(broker.certs.caPem), 'authorized');
    assert.equal(await handshake(broker.certs.untrustedCaPem), 'SELF_SIGNED_CERT_IN_CHAIN');
  });

  it('counts exactly what kcat produced through SASL_SSL, reading it back through mutual TLS', async () => {
    const topic = uniqueName('secured-kcat');
    const file = scratchFile('kcat-secured.txt', numberedLines(321));
    const produced = await kcat(['-F', broker.files.ccPlain, '-P', '-t', topic, '-l', file]);
    assert.equal(produced.code, 0, produced.stderr);
    assert.equal(await kcatCount(broker.files.mtls, topic), 321);
  });

  it('refuses a wrong password, an unknown CA and a client without a certificate', async () => {
    const wrong = await kcat(['-F', broker.files.wrongPassword, '-L']);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /Authentication failed: Invalid username or password/);
    const untrusted = await kcat(['-F', broker.files.untrustedCa, '-L']);
    assert.notEqual(untrusted.code, 0);
    assert.match(untrusted.stderr, /certificate verify failed/);
    const noCert = [
      '-b',
      broker.listeners.mtls,
      '-X',
      'security.protocol=SSL',
      '-X',
      `ssl.ca.location=${broker.certs.caPem}`,
    ];
    const anonymous = await kcat([...noCert, '-L']);
    assert.notEqual(anonymous.code, 0);
    assert.match(anonymous.stderr, /bad certificate|certificate required/);
  });
});
