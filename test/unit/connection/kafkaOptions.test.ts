import assert from 'node:assert/strict';
import path from 'node:path';
import { parseOptions } from '../../../src/cli/command';
import { KAFKA_OPTIONS, cliKafka, kafkaSettings } from '../../../src/cli/kafkaOptions';
import { useTempDir, writeFile } from '../tempFiles';

describe('CLI connection options (--config, -X)', () => {
  const dir = useTempDir();
  const noEnv = {};

  it('parses a repeatable short -X next to --config', () => {
    const { values } = parseOptions(['--config', 'c.properties', '-X', 'a=1', '-Xb=2', '-X', 'c=x=y'], KAFKA_OPTIONS);
    assert.equal(values.config, 'c.properties');
    assert.deepEqual(values['client-property'], ['a=1', 'b=2', 'c=x=y']);
  });

  it('takes bootstrap.servers from the file unless --brokers is given, and -X over the file', () => {
    const file = writeFile(dir(), 'c.properties', 'bootstrap.servers=kafka1:9093,kafka2:9093\nsecurity.protocol=SSL\n');
    assert.deepEqual(kafkaSettings({ config: file }, noEnv).brokers, ['kafka1:9093', 'kafka2:9093']);
    assert.deepEqual(kafkaSettings({ config: file, brokers: 'other:1' }, noEnv).brokers, ['other:1']);
    const overridden = kafkaSettings({ config: file, 'client-property': ['bootstrap.servers=x:2'] }, noEnv);
    assert.deepEqual(overridden.brokers, ['x:2']);
    assert.equal(overridden.spec.securityProtocol, 'SSL');
  });

  it('reads $KAFKA_LOG_LAB_CONFIG when --config is absent, and --command-config as the same option', () => {
    const file = writeFile(dir(), 'env.properties', 'bootstrap.servers=envhost:9092\nlinger.ms=5\n');
    const fromEnv = kafkaSettings({}, { KAFKA_LOG_LAB_CONFIG: file, KAFKA_BROKERS: 'ignored:1' });
    assert.deepEqual(fromEnv.brokers, ['envhost:9092']);
    assert.deepEqual(fromEnv.notes, [`${file}:2: linger.ms ignored (not a connection setting)`]);
    assert.deepEqual(kafkaSettings({ 'command-config': file }, noEnv).brokers, ['envhost:9092']);
    assert.throws(
      () => kafkaSettings({ config: file, 'command-config': file }, noEnv),
      /give the client properties file once/,
    );
  });

  it('falls back to $KAFKA_BROKERS without a file', () => {
    assert.deepEqual(kafkaSettings({}, { KAFKA_BROKERS: 'a:1' }).brokers, ['a:1']);
  });

  it('reports a bad -X as a usage error and a bad file naming file and line', () => {
    assert.throws(
      () => kafkaSettings({ 'client-property': ['security.protocol=TLS'] }, noEnv),
      (e: Error) =>
        e.constructor.name === 'UsageError' && e.message.startsWith('-X security.protocol: security.protocol="TLS"'),
    );
    const bad = writeFile(dir(), 'bad.properties', '# x\nssl.truststore.type=JKS\n');
    assert.throws(
      () => kafkaSettings({ config: bad }, noEnv),
      (e: Error) =>
        e.name === 'UserError' && e.message.startsWith(`${bad}:2: ssl.truststore.type=JKS cannot be read here`),
    );
  });

  it('prints ignored keys and the insecure warning to stderr before connecting, never the password', async () => {
    const file = writeFile(
      dir(),
      'insecure.properties',
      'bootstrap.servers=127.0.0.1:1\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.username=u\n' +
        'sasl.password=pw-secret-1\nenable.ssl.certificate.verification=false\nacks=all\n',
    );
    const lines: string[] = [];
    const kafka = await cliKafka({ config: file }, { err: (l) => lines.push(l) });
    assert.deepEqual(kafka.brokers, ['127.0.0.1:1']);
    assert.equal(lines.length, 2);
    assert.match(lines[0], /:7: acks ignored/);
    assert.match(lines[1], /^WARNING: broker certificate verification is OFF/);
    assert.ok(!lines.join('\n').includes('pw-secret-1'));
  });

  it('names the settings file when its settings do not fit together', async () => {
    const file = writeFile(dir(), 'incomplete.properties', 'security.protocol=SASL_SSL\n');
    await assert.rejects(cliKafka({ config: file }, { err: () => undefined }), {
      message:
        `${path.basename(file)}: security.protocol=SASL_SSL needs sasl.mechanism (PLAIN, SCRAM-SHA-256, ` +
        'SCRAM-SHA-512 or OAUTHBEARER)',
    });
  });
});
