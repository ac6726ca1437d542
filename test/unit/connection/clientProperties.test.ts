import assert from 'node:assert/strict';
import path from 'node:path';
import {
  applyOverrides,
  describeSecurity,
  parseClientProperties,
  readClientPropertiesFile,
  securityWarnings,
  shortSecurityLabel,
} from '../../../src/core/kafka/connection/connectionSpec';
import { checkSpec } from '../../../src/core/kafka/connection/specChecks';
import { useTempDir, writeFile } from '../tempFiles';

const DIR = path.resolve('/etc/kafka');
const FILE = path.join(DIR, 'client.properties');

function parse(text: string) {
  return parseClientProperties(text, FILE);
}

describe('parseClientProperties', () => {
  it('reads a Confluent Cloud (librdkafka) file, noting the tuning keys it ignores', () => {
    const { spec, notes } = parse(
      [
        'bootstrap.servers=pkc-abc12.eu-west-1.aws.confluent.cloud:9092',
        'security.protocol=SASL_SSL',
        'sasl.mechanisms=PLAIN',
        'sasl.username=APIKEY',
        'sasl.password=s3cr=t',
        'session.timeout.ms=45000',
        'acks=all',
      ].join('\n'),
    );
    assert.deepEqual(spec, {
      bootstrapServers: ['pkc-abc12.eu-west-1.aws.confluent.cloud:9092'],
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'PLAIN', username: 'APIKEY', password: 's3cr=t' },
    });
    assert.deepEqual(notes, [
      `${FILE}:6: session.timeout.ms ignored (not a connection setting)`,
      `${FILE}:7: acks ignored (not a connection setting)`,
    ]);
  });

  it('reads a Java file: JAAS login with either quote, truststore, keystore, empty endpoint algorithm', () => {
    const { spec } = parse(
      [
        'security.protocol=SASL_SSL',
        'sasl.mechanism=SCRAM-SHA-512',
        'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\',
        '  username="bob" password=\'p "w\';',
        'ssl.truststore.location=certs/truststore.p12',
        'ssl.truststore.password=trustpw',
        'ssl.truststore.type=PKCS12',
        'ssl.keystore.location=/abs/client.p12',
        'ssl.keystore.password=kspw',
        'ssl.endpoint.identification.algorithm=',
      ].join('\n'),
    );
    assert.deepEqual(spec, {
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'bob', password: 'p "w' },
      tls: {
        truststoreFile: path.join(DIR, 'certs/truststore.p12'),
        truststorePassword: 'trustpw',
        keystoreFile: path.resolve('/abs/client.p12'),
        keystorePassword: 'kspw',
        skipHostnameVerification: true,
      },
    });
  });

  it('resolves PEM paths against the file folder and reads the verification switch', () => {
    const { spec } = parse(
      'security.protocol=ssl\nssl.ca.location=ca.pem\nssl.certificate.location=../c.pem\n' +
        'ssl.key.location=k.pem\nssl.key.password=kp\nenable.ssl.certificate.verification=false',
    );
    assert.deepEqual(spec.tls, {
      caFiles: [path.join(DIR, 'ca.pem')],
      certFile: path.resolve(DIR, '../c.pem'),
      keyFile: path.join(DIR, 'k.pem'),
      keyPassword: 'kp',
      insecureSkipVerify: true,
    });
    assert.equal(spec.securityProtocol, 'SSL');
  });

  it('defaults to PLAINTEXT', () => {
    assert.deepEqual(parse('bootstrap.servers=localhost:9092').spec, {
      securityProtocol: 'PLAINTEXT',
      bootstrapServers: ['localhost:9092'],
    });
  });

  const rejections: Array<[string, string]> = [
    ['acks=1\nssl.cipher.suites=X', `${FILE}:2: unknown security setting "ssl.cipher.suites"; supported: `],
    ['security.protocol=TLS', `${FILE}:1: security.protocol="TLS" is not supported; use one of PLAINTEXT, SSL,`],
    ['sasl.mechanism=GSSAPI', `${FILE}:1: sasl.mechanism="GSSAPI" is not supported (Kerberos is not supported)`],
    ['\n\nssl.truststore.type=JKS', `${FILE}:3: ssl.truststore.type=JKS cannot be read here; convert the store`],
    ['enable.ssl.certificate.verification=nope', `${FILE}:1: enable.ssl.certificate.verification="nope" is not`],
    ['bootstrap.servers=host', `${FILE}:1: bootstrap.servers: "host" has no port`],
    ['ssl.ca.location=', `${FILE}:1: ssl.ca.location is empty; give a file name`],
    [
      'sasl.jaas.config=x.PlainLoginModule required username="u";',
      `${FILE}:1: sasl.jaas.config PlainLoginModule needs`,
    ],
    ['sasl.jaas.config=x.PlainLoginModule required password="unclosed', `${FILE}:1: sasl.jaas.config has an unclosed`],
    ['sasl.jaas.config=x.OAuthBearerLoginModule required;', `${FILE}:1: sasl.jaas.config with OAuthBearerLoginModule`],
    ['sasl.jaas.config=x.Krb5LoginModule required;', `${FILE}:1: sasl.jaas.config login module Krb5LoginModule is`],
  ];
  for (const [text, start] of rejections) {
    it(`refuses ${JSON.stringify(text.trim())} naming file, line and key`, () => {
      assert.throws(
        () => parse(text),
        (e: Error) => e.name === 'UserError' && e.message.startsWith(start),
      );
    });
  }

  it('never quotes the password of a malformed JAAS value', () => {
    const text = 'sasl.jaas.config=x.PlainLoginModule required username="u" password "hunter22";';
    assert.throws(
      () => parse(text),
      (e: Error) => /malformed option after "username"/.test(e.message) && !e.message.includes('hunter22'),
    );
  });

  describe('readClientPropertiesFile', () => {
    const dir = useTempDir();

    it('names a missing file', () => {
      const missing = path.join(dir(), 'nope.properties');
      assert.throws(() => readClientPropertiesFile(missing), { message: `${missing}: no such file` });
    });

    it('reads a file, resolving paths against its folder', () => {
      const file = writeFile(dir(), 'c.properties', 'security.protocol=SSL\nssl.ca.location=ca.pem\n');
      assert.deepEqual(readClientPropertiesFile(file).spec.tls, { caFiles: [path.join(dir(), 'ca.pem')] });
    });
  });
});

describe('applyOverrides', () => {
  it('applies -X on top of a spec, without changing it, with paths relative to the given folder', () => {
    const base = parse('security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.username=a\nsasl.password=b').spec;
    const { spec, notes } = applyOverrides(
      base,
      ['sasl.mechanism=SCRAM-SHA-256', 'ssl.ca.location=ca.pem', 'linger.ms=5', 'sasl.password=x=y'],
      '/work',
    );
    assert.equal(base.sasl?.mechanism, 'PLAIN');
    assert.deepEqual(spec.sasl, { mechanism: 'SCRAM-SHA-256', username: 'a', password: 'x=y' });
    assert.deepEqual(spec.tls, { caFiles: [path.resolve('/work/ca.pem')] });
    assert.deepEqual(notes, ['-X linger.ms: linger.ms ignored (not a connection setting)']);
  });

  it('names the override in errors', () => {
    const base = { securityProtocol: 'PLAINTEXT' as const };
    assert.throws(() => applyOverrides(base, ['security.protocol']), {
      message: '-X security.protocol: expected KEY=VALUE, e.g. -X security.protocol=SASL_SSL',
    });
    assert.throws(
      () => applyOverrides(base, ['ssl.bogus=1']),
      (e: Error) => e.message.startsWith('-X ssl.bogus: unknown security setting "ssl.bogus"'),
    );
    assert.throws(
      () => applyOverrides(base, ['sasl.mechanism=NTLM']),
      (e: Error) => e.message.startsWith('-X sasl.mechanism: sasl.mechanism="NTLM" is not supported'),
    );
  });
});

describe('describeSecurity and securityWarnings', () => {
  it('says protocol, mechanism and file names, never secrets', () => {
    const { spec } = parse(
      'security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nsasl.username=u\nsasl.password=pw123\n' +
        'ssl.ca.location=/x/ca.pem',
    );
    assert.equal(describeSecurity(spec), 'SASL_SSL · SCRAM-SHA-512 · CA: ca.pem');
    assert.equal(describeSecurity({ securityProtocol: 'PLAINTEXT' }), 'PLAINTEXT');
    assert.deepEqual(securityWarnings(spec), []);
  });

  it('gives a list row the short form: TLS and the SASL mechanism, nothing for plaintext', () => {
    const scram = parse('security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-256\nsasl.username=u\nsasl.password=p');
    assert.equal(shortSecurityLabel(scram.spec), 'SSL, SASL SCRAM-SHA-256');
    assert.equal(shortSecurityLabel(parse('security.protocol=SSL').spec), 'SSL');
    const sasl = parse(
      'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.username=u\nsasl.password=p',
    );
    assert.equal(shortSecurityLabel(sasl.spec), 'SASL SCRAM-SHA-512');
    assert.equal(shortSecurityLabel({ securityProtocol: 'PLAINTEXT' }), '');
  });

  it('warns loudly when certificates or host names are not checked, or PLAIN goes unencrypted', () => {
    const insecure = parse('security.protocol=SSL\nenable.ssl.certificate.verification=false').spec;
    assert.equal(describeSecurity(insecure), 'SSL · certificate NOT verified');
    assert.match(securityWarnings(insecure)[0], /^WARNING: broker certificate verification is OFF/);
    const noHost = parse('security.protocol=SSL\nssl.endpoint.identification.algorithm=').spec;
    assert.match(securityWarnings(noHost)[0], /^WARNING: the broker certificate is not checked against the host/);
    const clear = parse('security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.username=u\nsasl.password=p');
    assert.match(securityWarnings(clear.spec)[0], /^WARNING: SASL PLAIN over SASL_PLAINTEXT sends the password/);
  });
});

describe('checkSpec', () => {
  const cases: Array<[string, RegExp]> = [
    ['security.protocol=SASL_SSL', /needs sasl.mechanism/],
    ['security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.password=p', /PLAIN needs a user name/],
    ['security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-256\nsasl.username=u', /needs a password/],
    ['security.protocol=SASL_SSL\nsasl.mechanism=OAUTHBEARER', /needs sasl.oauthbearer.token or/],
    ['sasl.mechanism=PLAIN', /SASL settings are given but security.protocol is PLAINTEXT/],
    [
      'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.username=u\nsasl.password=p\n' +
        'ssl.ca.location=ca.pem',
      /TLS settings \(ssl.\*\) are given but security.protocol is SASL_PLAINTEXT/,
    ],
    ['security.protocol=SSL\nssl.certificate.location=c.pem', /needs both ssl.certificate.location and ssl.key/],
  ];
  for (const [text, expected] of cases) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      assert.throws(
        () => checkSpec(parse(text).spec, 'client.properties'),
        (e: Error) => e.message.startsWith('client.properties: ') && expected.test(e.message),
      );
    });
  }

  it('accepts complete settings', () => {
    checkSpec(parse('security.protocol=SASL_SSL\nsasl.mechanism=OAUTHBEARER\nsasl.oauthbearer.token=t').spec);
    checkSpec(parse('security.protocol=SSL').spec);
  });
});
