// A real Apache Kafka (the JVM engine's jars, KRaft) with secured listeners, for tests:
//   SASL_SSL  PLAIN + SCRAM-SHA-256 + SCRAM-SHA-512 (SCRAM users made by `kafka-storage format --add-scram`)
//   SSL       ssl.client.auth=required (mutual TLS)
//   PLAINTEXT inter-broker traffic and the readiness check
// all on free 127.0.0.1 ports, with certificates from testCertificates.ts and ready-made client
// properties files from securedClientFiles.ts. Mocha tests use test/integration/secured/securedFixture.ts;
// other test runs (the extension tests in VS Code) use it as a script:
//
//   node out/test/integration/support/securedBroker.js start --dir D   (progress on stderr, one JSON line on stdout)
//   node out/test/integration/support/securedBroker.js stop --dir D    (prints {"stopped": true|false})
//
// `start` refuses while a broker it started in D still runs, else replaces what D held; the broker
// outlives the script. KLL_SECURED_BROKER_DIR=D makes the mocha tests use that broker instead of their own.
//
// The JSON line is a SecuredBrokerInfo: {"dir", "pid", "kafkaVersion",
//   "listeners": {"plaintext", "saslSsl", "mtls"}            host:port of each listener
//   "files": {"ccPlain", "javaScram512", "mtls", "scram256", "wrongPassword", "untrustedCa",
//             "plaintextToTls", "tlsToPlaintext", "mtlsWithoutCertificate"}   client.properties paths
//   "certs": {"caPem", "untrustedCaPem", "clientCertPem", "clientKeyPem", "truststoreP12", ...}
//   "users": {"plain", "scram256", "scram512"}: {"username", "password"}
//   "secrets": [...]}   every password in the files: none may ever appear in any output.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isRecordedBroker } from '../../../src/core/broker/brokerState';
import { startJvmBroker, type ExtraListeners } from '../../../src/core/broker/jvmBroker';
import { DEFAULT_KAFKA_VERSION } from '../../../src/core/broker/kafkaJars';
import type { KraftNode } from '../../../src/core/broker/kraftConfig';
import { terminate } from '../../../src/core/broker/processes';
import { makeTestCertificates, type TestCertificates } from './testCertificates';
import {
  writeClientFiles,
  type SecuredClientFiles,
  type SecuredListeners,
  type SecuredUsers,
} from './securedClientFiles';

export type { SecuredClientFiles, SecuredListeners, SecuredUsers, TestCertificates };

export interface SecuredBrokerInfo {
  dir: string;
  pid: number;
  kafkaVersion: string;
  listeners: SecuredListeners;
  files: SecuredClientFiles;
  certs: TestCertificates;
  users: SecuredUsers;
  secrets: string[];
}

export interface SecuredBroker extends SecuredBrokerInfo {
  stop(): Promise<void>;
}

const STATE_FILE = 'secured-broker.json';

function secret(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(12).toString('hex')}`;
}

function newUsers(): SecuredUsers {
  return {
    plain: { username: 'LABAPIKEY7Q2XCC', password: secret('ccsecret') },
    scram256: { username: 'alice', password: secret('alice-pw') },
    scram512: { username: 'bob', password: secret('bob-pw') },
  };
}

/** JAAS text of a broker listener; values are ours (no quotes inside). */
function jaas(module: string, options: Record<string, string> = {}): string {
  const pairs = Object.entries(options).map(([k, v]) => ` ${k}="${v}"`);
  return `org.apache.kafka.common.security.${module} required${pairs.join('')};`;
}

/** The SASL_SSL and mTLS listeners, their users and TLS material, as a JVM broker extension. */
function securedListeners(users: SecuredUsers, certs: TestCertificates): ExtraListeners {
  return {
    count: 2,
    properties: (node: KraftNode, [saslPort, mtlsPort]: number[]) => {
      const clientListeners = [
        `PLAINTEXT://${node.host}:${node.port}`,
        `SASL_SSL://${node.host}:${saslPort}`,
        `SSL://${node.host}:${mtlsPort}`,
      ];
      return {
        listeners: [...clientListeners, `CONTROLLER://${node.host}:${node.controllerPort}`].join(','),
        'advertised.listeners': clientListeners.join(','),
        'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,SSL:SSL',
        'ssl.keystore.type': 'PKCS12',
        'ssl.keystore.location': certs.brokerKeystoreP12,
        'ssl.keystore.password': certs.storePassword,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': certs.caPem,
        'listener.name.ssl.ssl.client.auth': 'required',
        'listener.name.sasl_ssl.sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
        'listener.name.sasl_ssl.plain.sasl.jaas.config': jaas('plain.PlainLoginModule', {
          [`user_${users.plain.username}`]: users.plain.password,
        }),
        'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config': jaas('scram.ScramLoginModule'),
        'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config': jaas('scram.ScramLoginModule'),
      };
    },
    formatArgs: [
      `--add-scram=SCRAM-SHA-256=[name=${users.scram256.username},password=${users.scram256.password}]`,
      `--add-scram=SCRAM-SHA-512=[name=${users.scram512.username},password=${users.scram512.password}]`,
    ],
  };
}

export interface SecuredBrokerOptions {
  /** Keep running after this process exits (the script's `start`). */
  detached?: boolean;
  onProgress?: (message: string) => void;
}

/** Makes certificates and users in `dir`, starts the broker, writes the client files and the state file. */
export async function startSecuredBroker(dir: string, options: SecuredBrokerOptions = {}): Promise<SecuredBroker> {
  dir = path.resolve(dir);
  const running = readSecuredBrokerInfo(dir);
  if (running && isRecordedBroker(running.pid, path.join(dir, 'broker'))) {
    throw new Error(`a secured broker (pid ${running.pid}) already runs in ${dir}: stop it first`);
  }
  for (const sub of ['certs', 'broker', 'clients', STATE_FILE])
    fs.rmSync(path.join(dir, sub), { recursive: true, force: true });
  const t0 = Date.now();
  const certs = await makeTestCertificates(path.join(dir, 'certs'));
  options.onProgress?.(`certificates made in ${Date.now() - t0} ms`);
  const users = newUsers();
  const broker = await startJvmBroker({
    dataDir: path.join(dir, 'broker'),
    kafkaVersion: process.env.KLL_KAFKA_VERSION || DEFAULT_KAFKA_VERSION,
    heap: '384m',
    detached: options.detached,
    readyTimeoutMs: 120000,
    onProgress: options.onProgress,
    extraListeners: securedListeners(users, certs),
  });
  const [saslPort, mtlsPort] = broker.extraPorts ?? [];
  const listeners = { plaintext: broker.bootstrap, saslSsl: `127.0.0.1:${saslPort}`, mtls: `127.0.0.1:${mtlsPort}` };
  const wrongPassword = secret('wrong-pw');
  const info: SecuredBrokerInfo = {
    dir,
    pid: broker.pid,
    kafkaVersion: broker.kafkaVersion,
    listeners,
    files: writeClientFiles(path.join(dir, 'clients'), listeners, users, certs, wrongPassword),
    certs,
    users,
    secrets: [
      users.plain.password,
      users.scram256.password,
      users.scram512.password,
      certs.storePassword,
      wrongPassword,
    ],
  };
  fs.writeFileSync(path.join(dir, STATE_FILE), JSON.stringify(info, null, 2));
  options.onProgress?.(`secured broker ready in ${Date.now() - t0} ms`);
  return { ...info, stop: () => broker.stop() };
}

/** What `start` wrote in `dir`, or undefined when nothing was started there. */
export function readSecuredBrokerInfo(dir: string): SecuredBrokerInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(path.resolve(dir), STATE_FILE), 'utf8')) as SecuredBrokerInfo;
  } catch {
    return undefined;
  }
}

/** Stops the broker started in `dir` (only if that pid is still our broker). True when one was stopped. */
export async function stopSecuredBroker(dir: string): Promise<boolean> {
  const info = readSecuredBrokerInfo(dir);
  if (!info || !isRecordedBroker(info.pid, path.join(info.dir, 'broker'))) return false;
  await terminate(info.pid, 20000, true);
  return true;
}

async function main(argv: string[]): Promise<number> {
  const [command, flag, dir] = argv;
  if (!['start', 'stop'].includes(command) || flag !== '--dir' || !dir) {
    process.stderr.write('usage: securedBroker.js start|stop --dir DIR\n');
    return 2;
  }
  if (command === 'stop') {
    const stopped = await stopSecuredBroker(dir);
    process.stdout.write(JSON.stringify({ stopped }) + '\n');
    return 0;
  }
  const broker = await startSecuredBroker(dir, {
    detached: true,
    onProgress: (m) => process.stderr.write(`[secured broker] ${m}\n`),
  });
  const { stop: _stop, ...info } = broker;
  process.stdout.write(JSON.stringify(info) + '\n');
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: Error & { detail?: string }) => {
      process.stderr.write(`${e.message}\n${e.detail ?? ''}\n`);
      process.exit(1);
    },
  );
}
