import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { OAuthBearerSasl } from '../../../src/core/kafka/ports';
import { parseClientProperties, toClientSecurity } from '../../../src/core/kafka/connection/connectionSpec';
import type { ConnectionOptions } from 'node:tls';
import { useTempDir, writeFile } from '../tempFiles';

function openssl(dir: string, args: string): void {
  execFileSync('openssl', args.split(' '), { cwd: dir, stdio: 'pipe' });
}

/** A CA, a client key (encrypted: "keypw") and certificate, a PKCS12 keystore and a certificates-only truststore. */
function makeFiles(dir: string): void {
  openssl(
    dir,
    'req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem -days 2 ' +
      '-subj /CN=lab-ca',
  );
  openssl(
    dir,
    'req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout plain.key -out c.csr -subj /CN=client',
  );
  openssl(dir, 'x509 -req -in c.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 2');
  openssl(dir, 'pkcs8 -topk8 -in plain.key -out client.key -passout pass:keypw');
  openssl(dir, 'pkcs12 -export -inkey plain.key -in client.pem -out client.p12 -passout pass:storepw');
  openssl(dir, 'pkcs12 -export -nokeys -in ca.pem -out truststore.p12 -passout pass:trustpw');
}

async function security(dir: string, lines: string[]) {
  const { spec } = parseClientProperties(lines.join('\n'), path.join(dir, 'client.properties'));
  return toClientSecurity(spec, 'client.properties');
}

async function rejects(dir: string, lines: string[], expected: RegExp): Promise<void> {
  await assert.rejects(security(dir, lines), (e: Error) => {
    assert.equal(e.name, 'UserError');
    assert.match(e.message, expected);
    return true;
  });
}

describe('toClientSecurity', function () {
  this.timeout(30000);
  const tmp = useTempDir();
  before(() => makeFiles(tmp()));

  it('reads a CA and an encrypted client key with its certificate into TLS options', async () => {
    const result = await security(tmp(), [
      'security.protocol=SSL',
      'ssl.ca.location=ca.pem',
      'ssl.certificate.location=client.pem',
      'ssl.key.location=client.key',
      'ssl.key.password=keypw',
    ]);
    const ssl = result.ssl as ConnectionOptions;
    assert.deepEqual(ssl.ca, [fs.readFileSync(path.join(tmp(), 'ca.pem'))]);
    assert.deepEqual(ssl.cert, fs.readFileSync(path.join(tmp(), 'client.pem')));
    assert.equal(ssl.passphrase, 'keypw');
    assert.equal(ssl.rejectUnauthorized, undefined);
    assert.deepEqual(result.warnings, []);
  });

  it('reads a PKCS12 keystore and a certificates-only PKCS12 truststore', async () => {
    const result = await security(tmp(), [
      'security.protocol=SSL',
      'ssl.keystore.location=client.p12',
      'ssl.keystore.password=storepw',
      'ssl.truststore.location=truststore.p12',
      'ssl.truststore.password=trustpw',
    ]);
    const ssl = result.ssl as ConnectionOptions;
    assert.ok(Buffer.isBuffer(ssl.pfx));
    assert.equal(ssl.passphrase, 'storepw');
    const ca = (ssl.ca as Buffer[]).map(String).join('');
    assert.match(ca, /-----BEGIN CERTIFICATE-----/);
    const caPem = fs.readFileSync(path.join(tmp(), 'ca.pem'), 'utf8').replace(/\s/g, '');
    assert.ok(ca.replace(/\s/g, '').includes(caPem.replace(/-----[A-Z ]+-----/g, '')), 'the CA certificate');
  });

  it('is plain `true` for TLS with the default trust, and nothing without TLS', async () => {
    assert.equal((await security(tmp(), ['security.protocol=SSL'])).ssl, true);
    assert.equal((await security(tmp(), ['security.protocol=PLAINTEXT'])).ssl, undefined);
  });

  it('turns verification off only when asked, with a warning', async () => {
    const result = await security(tmp(), ['security.protocol=SSL', 'enable.ssl.certificate.verification=false']);
    assert.equal((result.ssl as ConnectionOptions).rejectUnauthorized, false);
    assert.match(result.warnings.join('\n'), /certificate verification is OFF/);
    const noHost = await security(tmp(), ['security.protocol=SSL', 'ssl.endpoint.identification.algorithm=']);
    const check = (noHost.ssl as ConnectionOptions).checkServerIdentity;
    assert.equal(check?.('other.host', {} as never), undefined);
    assert.equal((noHost.ssl as ConnectionOptions).rejectUnauthorized, undefined);
  });

  it('names a missing or unreadable file and the setting', async () => {
    const missing = path.join(tmp(), 'missing.pem');
    await rejects(
      tmp(),
      ['security.protocol=SSL', 'ssl.ca.location=missing.pem'],
      new RegExp(`^ssl.ca.location: ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such file$`),
    );
    await rejects(
      tmp(),
      ['security.protocol=SSL', `ssl.ca.location=${tmp()}`],
      /^ssl.ca.location: .*: is a directory$/,
    );
    writeFile(tmp(), 'notpem.txt', 'hello');
    await rejects(tmp(), ['security.protocol=SSL', 'ssl.ca.location=notpem.txt'], /notpem.txt is not a PEM file/);
  });

  it('says which password is wrong, without quoting it', async () => {
    const base = ['security.protocol=SSL', 'ssl.certificate.location=client.pem', 'ssl.key.location=client.key'];
    await rejects(
      tmp(),
      [...base, 'ssl.key.password=wrongpw1'],
      /client.key: the password is wrong \(ssl.key.password\)$/,
    );
    await rejects(
      tmp(),
      ['security.protocol=SSL', 'ssl.keystore.location=client.p12', 'ssl.keystore.password=wrongpw2'],
      /client.p12: the password is wrong \(ssl.keystore.password\)$/,
    );
    await rejects(
      tmp(),
      ['security.protocol=SSL', 'ssl.truststore.location=truststore.p12', 'ssl.truststore.password=wrongpw3'],
      /^ssl.truststore.location: cannot read .*truststore.p12 \(the password is wrong\); convert it once with/,
    );
  });

  it('explains a JKS store instead of failing obscurely', async () => {
    writeFile(tmp(), 'store.jks', Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]));
    await rejects(tmp(), ['security.protocol=SSL', 'ssl.truststore.location=store.jks'], /is a JKS store.*keytool/);
    await rejects(tmp(), ['security.protocol=SSL', 'ssl.keystore.location=store.jks'], /is a JKS store.*keytool/);
  });

  it('checks that the settings fit together before reading files', async () => {
    await rejects(tmp(), ['security.protocol=SASL_SSL'], /^client.properties: security.protocol=SASL_SSL needs sasl/);
  });

  it('maps SASL PLAIN/SCRAM to the client mechanism names', async () => {
    const result = await security(tmp(), [
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanism=SCRAM-SHA-256',
      'sasl.username=alice',
      'sasl.password=pw',
    ]);
    assert.deepEqual(result.sasl, { mechanism: 'scram-sha-256', username: 'alice', password: 'pw' });
    assert.equal(result.ssl, undefined);
  });

  it('gives OAUTHBEARER a static token or runs the token command on every refresh', async () => {
    const fixed = await security(tmp(), [
      'security.protocol=SASL_SSL',
      'sasl.mechanism=OAUTHBEARER',
      'sasl.oauthbearer.token=abc',
    ]);
    assert.equal(await (fixed.sasl as OAuthBearerSasl).token(), 'abc');
    const counter = writeFile(tmp(), 'count.txt', '');
    const command =
      `node -e "const f=process.argv[1];require('fs').appendFileSync(f,'x');` +
      `console.log('tok-'+require('fs').readFileSync(f,'utf8').length)" ${JSON.stringify(counter)}`;
    const run = await security(tmp(), [
      'security.protocol=SASL_SSL',
      'sasl.mechanism=OAUTHBEARER',
      `sasl.oauthbearer.token.command=${command.replace(/\\/g, '\\\\')}`,
    ]);
    const sasl = run.sasl as OAuthBearerSasl;
    assert.equal(await sasl.token(), 'tok-1');
    assert.equal(await sasl.token(), 'tok-2');
    const failing = await security(tmp(), [
      'security.protocol=SASL_SSL',
      'sasl.mechanism=OAUTHBEARER',
      'sasl.oauthbearer.token.command=node -e "console.error(\'no login\');process.exit(3)"',
    ]);
    await assert.rejects((failing.sasl as OAuthBearerSasl).token(), {
      message: 'sasl.oauthbearer.token.command failed (exit code 3): no login',
    });
  });
});
