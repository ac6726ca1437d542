// Certificates for the secured test broker, made with openssl and keytool in a few seconds:
// a CA, a broker certificate for 127.0.0.1/localhost (Node refuses one without these names), a
// client certificate for mutual TLS, a second CA nobody trusts, and Java-style PKCS12 stores.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface TestCertificates {
  caPem: string;
  /** A CA that signed nothing the broker presents: trusting only it must fail. */
  untrustedCaPem: string;
  /** The broker's key and certificate chain (PKCS12, for ssl.keystore.location). */
  brokerKeystoreP12: string;
  clientCertPem: string;
  clientKeyPem: string;
  /** The CA as a Java truststore (PKCS12), as Java clients' ssl.truststore.location. */
  truststoreP12: string;
  /** Password of both PKCS12 stores. */
  storePassword: string;
}

/** Elliptic-curve keys: generated in milliseconds, and every client here speaks ECDSA. */
const NEW_KEY = '-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes';

/** Runs `tool` in `dir` with `command` split at spaces (file names here are ours, without spaces). */
async function run(dir: string, tool: 'openssl' | 'keytool', command: string, env?: NodeJS.ProcessEnv): Promise<void> {
  try {
    await execFileAsync(tool, command.trim().split(/\s+/), { cwd: dir, env: { ...process.env, ...env } });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${tool} ${command.split(' ')[0]} failed in ${dir}: ${(err.stderr || err.message).trim()}`);
  }
}

async function makeCa(dir: string, name: string): Promise<void> {
  await run(
    dir,
    'openssl',
    `req -x509 ${NEW_KEY} -keyout ${name}.key -out ${name}.pem -days 3 -subj /CN=${name}
     -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign`,
  );
}

/** A key and a certificate signed by ca.pem, with the given X.509 v3 extensions. */
async function makeLeaf(dir: string, name: string, extensions: string[]): Promise<void> {
  fs.writeFileSync(path.join(dir, `${name}.ext`), extensions.join('\n') + '\n');
  await run(dir, 'openssl', `req -new ${NEW_KEY} -keyout ${name}.key -out ${name}.csr -subj /CN=${name}`);
  const serial = `0x${crypto.randomBytes(8).toString('hex')}`;
  await run(
    dir,
    'openssl',
    `x509 -req -in ${name}.csr -CA ca.pem -CAkey ca.key -days 3 -set_serial ${serial}
     -extfile ${name}.ext -out ${name}.pem`,
  );
}

/** Writes every certificate, key and store into `dir` (created) and names them. */
export async function makeTestCertificates(dir: string): Promise<TestCertificates> {
  fs.mkdirSync(dir, { recursive: true });
  const storePassword = `store-${crypto.randomBytes(9).toString('hex')}`;
  const passwordEnv = { KLL_STORE_PASSWORD: storePassword };
  await makeCa(dir, 'ca');
  // The Java truststore needs only the CA: the JVM starts while openssl makes the rest.
  const truststore = run(
    dir,
    'keytool',
    `-J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -importcert -noprompt -alias test-ca -file ca.pem
     -keystore truststore.p12 -storetype PKCS12 -storepass:env KLL_STORE_PASSWORD`,
    passwordEnv,
  );
  await Promise.all([
    makeCa(dir, 'untrusted-ca'),
    makeLeaf(dir, 'broker', [
      'basicConstraints=CA:FALSE',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      'extendedKeyUsage=serverAuth,clientAuth',
    ]),
    makeLeaf(dir, 'client', ['basicConstraints=CA:FALSE', 'extendedKeyUsage=clientAuth']),
  ]);
  await run(
    dir,
    'openssl',
    `pkcs12 -export -in broker.pem -inkey broker.key -certfile ca.pem -name broker -out broker.p12
     -passout env:KLL_STORE_PASSWORD`,
    passwordEnv,
  );
  await truststore;
  const file = (name: string) => path.join(dir, name);
  return {
    caPem: file('ca.pem'),
    untrustedCaPem: file('untrusted-ca.pem'),
    brokerKeystoreP12: file('broker.p12'),
    clientCertPem: file('client.pem'),
    clientKeyPem: file('client.key'),
    truststoreP12: file('truststore.p12'),
    storePassword,
  };
}
