// A cluster's settings entry <-> core's connection description: older settings keep their
// meaning, secrets stay out of the settings entry, paths are workspace-relative when they can be.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseClientProperties } from '../../../src/core/kafka/connection/connectionSpec';
import {
  clusterFromSpec,
  clusterSpec,
  missingLogin,
  resolveClusterPath,
  securityProtocolOf,
  settingsPath,
} from '../../../src/host/clusters/clusterSecurity';

const root = path.join(os.tmpdir(), 'kll-workspace');
const problemOf = (work: () => unknown): string => {
  try {
    work();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('cluster security settings', () => {
  it('reads older settings (ssl, lower-case mechanism) as the protocol they meant', () => {
    const base = { name: 'old', bootstrapServers: 'k:9093' };
    assert.equal(securityProtocolOf(base), 'PLAINTEXT');
    assert.equal(securityProtocolOf({ ...base, ssl: true }), 'SSL');
    assert.equal(securityProtocolOf({ ...base, saslMechanism: 'plain' }), 'SASL_PLAINTEXT');
    assert.equal(securityProtocolOf({ ...base, ssl: true, saslMechanism: 'none' }), 'SSL');
    const spec = clusterSpec({ ...base, ssl: true, saslMechanism: 'scram-sha-256', username: 'u' }, root, {
      password: 'p',
    });
    assert.deepEqual(spec, {
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'SCRAM-SHA-256', username: 'u', password: 'p' },
      tls: {},
    });
  });

  it('names the cluster and the value of a protocol or mechanism it does not know', () => {
    const bad = { name: 'x', bootstrapServers: 'k:1' };
    assert.match(
      problemOf(() => clusterSpec({ ...bad, saslMechanism: 'GSSAPI' as never }, root)),
      /cluster "x": saslMechanism "GSSAPI" is not one of PLAIN/,
    );
    assert.match(
      problemOf(() => clusterSpec({ ...bad, securityProtocol: 'TLS' as never }, root)),
      /cluster "x": securityProtocol "TLS" is not one of/,
    );
    assert.match(
      problemOf(() => clusterSpec({ ...bad, securityProtocol: 'SASL_SSL' }, root)),
      /cluster "x": securityProtocol SASL_SSL needs a saslMechanism/,
    );
  });

  it('turns an imported file into a settings entry without secrets, and back into the same spec', () => {
    const file = path.join(root, 'conf', 'client.properties');
    const text = [
      'bootstrap.servers=b1:9093,b2:9093',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-512',
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="bob" password="s3cret";',
      'ssl.truststore.location=certs/truststore.p12',
      'ssl.truststore.password=store-pw',
    ].join('\n');
    const { spec } = parseClientProperties(text, file);
    const { config, secrets } = clusterFromSpec('java', spec, root);
    assert.deepEqual(config, {
      name: 'java',
      bootstrapServers: 'b1:9093,b2:9093',
      securityProtocol: 'SASL_SSL',
      saslMechanism: 'SCRAM-SHA-512',
      username: 'bob',
      truststoreFile: path.join('conf', 'certs', 'truststore.p12'),
    });
    assert.deepEqual(secrets, { password: 's3cret', truststorePassword: 'store-pw' });
    assert.ok(!JSON.stringify(config).includes('s3cret') && !JSON.stringify(config).includes('store-pw'));
    const { bootstrapServers, ...withoutAddresses } = spec;
    assert.deepEqual(bootstrapServers, ['b1:9093', 'b2:9093']);
    assert.deepEqual(clusterSpec(config, root, secrets), withoutAddresses);
  });

  it('keeps paths outside the workspace absolute and resolves relative ones against it', () => {
    assert.equal(settingsPath(path.join(root, 'a', 'ca.pem'), root), path.join('a', 'ca.pem'));
    assert.equal(settingsPath('/etc/ssl/ca.pem', root), '/etc/ssl/ca.pem');
    assert.equal(settingsPath('/etc/ssl/ca.pem', undefined), '/etc/ssl/ca.pem');
    assert.equal(resolveClusterPath('a/ca.pem', root), path.join(root, 'a', 'ca.pem'));
    assert.equal(resolveClusterPath('~/ca.pem', root), path.join(os.homedir(), 'ca.pem'));
    assert.equal(resolveClusterPath('/abs/ca.pem', root), '/abs/ca.pem');
  });

  it('says which part of the login a file leaves out', () => {
    const spec = (text: string) => parseClientProperties(`security.protocol=SASL_SSL\n${text}`, 'c.properties').spec;
    assert.deepEqual(missingLogin(spec('sasl.mechanisms=PLAIN\nsasl.username=k')), ['password']);
    assert.deepEqual(missingLogin(spec('sasl.mechanisms=PLAIN')), ['username', 'password']);
    assert.deepEqual(missingLogin(spec('sasl.mechanisms=PLAIN\nsasl.username=k\nsasl.password=p')), []);
    assert.deepEqual(missingLogin(spec('sasl.mechanism=OAUTHBEARER')), ['token']);
    assert.deepEqual(missingLogin(parseClientProperties('security.protocol=SSL', 'c.properties').spec), []);
  });
});
