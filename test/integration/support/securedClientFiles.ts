// The client.properties files a person would hold for the secured test broker, in the dialects
// users bring: Confluent Cloud / librdkafka (kcat reads these too) and Java clients; plus
// broken variants for the failures a person must be told about in words.
import fs from 'node:fs';
import path from 'node:path';
import type { TestCertificates } from './testCertificates';

export interface SecuredUsers {
  /** SASL/PLAIN, named like a Confluent Cloud API key. */
  plain: { username: string; password: string };
  scram256: { username: string; password: string };
  scram512: { username: string; password: string };
}

export interface SecuredListeners {
  plaintext: string;
  saslSsl: string;
  /** SSL that requires a client certificate. */
  mtls: string;
}

export interface SecuredClientFiles {
  /** Confluent-Cloud style: SASL_SSL, PLAIN, sasl.username/password, ssl.ca.location. */
  ccPlain: string;
  /** Java style: SASL_SSL, SCRAM-SHA-512 in sasl.jaas.config, a PKCS12 truststore. */
  javaScram512: string;
  /** librdkafka style: SSL with a client certificate and key (PEM). */
  mtls: string;
  /** librdkafka style: SASL_SSL with SCRAM-SHA-256 (what kcat can read for the SCRAM listener). */
  scram256: string;
  /** ccPlain with a wrong password. */
  wrongPassword: string;
  /** ccPlain trusting only a CA that did not sign the broker certificate. */
  untrustedCa: string;
  /** PLAINTEXT client pointed at the SASL_SSL port. */
  plaintextToTls: string;
  /** SSL client pointed at the PLAINTEXT port. */
  tlsToPlaintext: string;
  /** SSL client without a client certificate at the port that requires one. */
  mtlsWithoutCertificate: string;
}

function lines(...entries: string[]): string {
  return entries.join('\n') + '\n';
}

/** Writes the files into `dir` (created) and returns their paths. */
export function writeClientFiles(
  dir: string,
  listeners: SecuredListeners,
  users: SecuredUsers,
  certs: TestCertificates,
  wrongPassword: string,
): SecuredClientFiles {
  fs.mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const ccPlain = (password: string, ca: string) =>
    lines(
      '# Confluent Cloud style (librdkafka keys)',
      `bootstrap.servers=${listeners.saslSsl}`,
      'security.protocol=SASL_SSL',
      'sasl.mechanisms=PLAIN',
      `sasl.username=${users.plain.username}`,
      `sasl.password=${password}`,
      `ssl.ca.location=${ca}`,
      '# Best practice for higher availability in librdkafka clients prior to 1.7',
      'session.timeout.ms=45000',
    );
  const jaas = (module: string, user: { username: string; password: string }) =>
    `org.apache.kafka.common.security.${module} required username="${user.username}" password="${user.password}";`;
  return {
    ccPlain: write('cc-plain.properties', ccPlain(users.plain.password, certs.caPem)),
    javaScram512: write(
      'java-scram512.properties',
      lines(
        '! Java client style',
        `bootstrap.servers = ${listeners.saslSsl}`,
        'security.protocol = SASL_SSL',
        'sasl.mechanism = SCRAM-SHA-512',
        `sasl.jaas.config = ${jaas('scram.ScramLoginModule', users.scram512)}`,
        `ssl.truststore.location = ${certs.truststoreP12}`,
        `ssl.truststore.password = ${certs.storePassword}`,
        'ssl.truststore.type = PKCS12',
      ),
    ),
    mtls: write(
      'mtls.properties',
      lines(
        '# Mutual TLS (librdkafka keys)',
        `bootstrap.servers=${listeners.mtls}`,
        'security.protocol=SSL',
        `ssl.ca.location=${certs.caPem}`,
        `ssl.certificate.location=${certs.clientCertPem}`,
        `ssl.key.location=${certs.clientKeyPem}`,
      ),
    ),
    scram256: write(
      'scram256.properties',
      lines(
        `bootstrap.servers=${listeners.saslSsl}`,
        'security.protocol=SASL_SSL',
        'sasl.mechanisms=SCRAM-SHA-256',
        `sasl.username=${users.scram256.username}`,
        `sasl.password=${users.scram256.password}`,
        `ssl.ca.location=${certs.caPem}`,
      ),
    ),
    wrongPassword: write('wrong-password.properties', ccPlain(wrongPassword, certs.caPem)),
    untrustedCa: write('untrusted-ca.properties', ccPlain(users.plain.password, certs.untrustedCaPem)),
    plaintextToTls: write(
      'plaintext-to-tls.properties',
      lines(`bootstrap.servers=${listeners.saslSsl}`, 'security.protocol=PLAINTEXT'),
    ),
    tlsToPlaintext: write(
      'tls-to-plaintext.properties',
      lines(`bootstrap.servers=${listeners.plaintext}`, 'security.protocol=SSL', `ssl.ca.location=${certs.caPem}`),
    ),
    mtlsWithoutCertificate: write(
      'mtls-without-certificate.properties',
      lines(`bootstrap.servers=${listeners.mtls}`, 'security.protocol=SSL', `ssl.ca.location=${certs.caPem}`),
    ),
  };
}
