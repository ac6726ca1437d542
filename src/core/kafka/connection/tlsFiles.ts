// Reads the certificate files a TlsSpec names into Node TLS options, naming each file that cannot be used.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { UserError } from '../../errors';
import { fileProblem } from '../../fileErrors';
import type { TlsSpec } from './connectionSpec';

const JKS_MAGIC = 0xfeedfeed;

function isJks(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32BE(0) === JKS_MAGIC;
}

async function readFileNamed(file: string, setting: string): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch (e) {
    throw new UserError(`${setting}: ${fileProblem(file, e) ?? `${file}: ${(e as Error).message}`}`);
  }
}

async function readPem(file: string, setting: string, block: RegExp, what: string): Promise<Buffer> {
  const data = await readFileNamed(file, setting);
  if (!block.test(data.toString('latin1'))) {
    throw new UserError(`${setting}: ${file} is not a PEM file with ${what} (-----BEGIN … -----)`);
  }
  return data;
}

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----/;
const KEY_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/**
 * Certificates of a PKCS12 truststore as PEM. Node reads PKCS12 only with a private key inside,
 * which a truststore does not have, so the openssl command converts it.
 */
async function truststoreCertificates(file: string, password: string | undefined): Promise<Buffer> {
  const data = await readFileNamed(file, 'ssl.truststore.location');
  if (CERT_BLOCK.test(data.toString('latin1'))) return data;
  const convert = `openssl pkcs12 -in ${file} -nokeys -out ca.pem`;
  if (isJks(data)) {
    throw new UserError(
      `ssl.truststore.location: ${file} is a JKS store, which cannot be read here; convert it with ` +
        `\`keytool -exportcert -rfc -keystore ${file} -alias ALIAS -file ca.pem\` and set ssl.ca.location=ca.pem`,
    );
  }
  try {
    const args = ['pkcs12', '-in', file, '-nokeys', '-passin', 'env:KLL_STORE_PASSWORD'];
    const { stdout } = await promisify(execFile)('openssl', args, {
      env: { ...process.env, KLL_STORE_PASSWORD: password ?? '' },
      timeout: 15000,
    });
    if (CERT_BLOCK.test(stdout)) return Buffer.from(stdout);
    throw new Error('no certificate in the store');
  } catch (e) {
    const why =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the openssl command is not installed'
        : /mac verify|invalid password/i.test(String((e as { stderr?: string }).stderr))
          ? 'the password is wrong'
          : 'it is not a PKCS12 truststore with certificates';
    throw new UserError(
      `ssl.truststore.location: cannot read ${file} (${why}); convert it once with \`${convert}\` ` +
        'and set ssl.ca.location=ca.pem instead',
    );
  }
}

/** Node TLS options for `spec`; every file is read and the result checked by building a secure context. */
export async function tlsOptions(spec: TlsSpec): Promise<tls.ConnectionOptions> {
  const options: tls.ConnectionOptions = {};
  const ca: Buffer[] = [];
  for (const file of spec.caFiles ?? []) ca.push(await readPem(file, 'ssl.ca.location', CERT_BLOCK, 'a certificate'));
  if (spec.truststoreFile) ca.push(await truststoreCertificates(spec.truststoreFile, spec.truststorePassword));
  if (ca.length > 0) options.ca = ca;
  if (spec.certFile && spec.keyFile) {
    options.cert = await readPem(spec.certFile, 'ssl.certificate.location', CERT_BLOCK, 'a certificate');
    options.key = await readPem(spec.keyFile, 'ssl.key.location', KEY_BLOCK, 'a private key');
    if (spec.keyPassword !== undefined) options.passphrase = spec.keyPassword;
  }
  if (spec.keystoreFile) {
    options.pfx = await readFileNamed(spec.keystoreFile, 'ssl.keystore.location');
    if (isJks(options.pfx)) {
      throw new UserError(
        `ssl.keystore.location: ${spec.keystoreFile} is a JKS store, which cannot be read here; ` +
          `convert it once with \`keytool -importkeystore -srckeystore ${spec.keystoreFile} -destkeystore client.p12 ` +
          '-deststoretype PKCS12`',
      );
    }
    options.passphrase = spec.keystorePassword ?? spec.keyPassword;
  }
  if (spec.serverName) options.servername = spec.serverName;
  if (spec.insecureSkipVerify) options.rejectUnauthorized = false;
  else if (spec.skipHostnameVerification) options.checkServerIdentity = () => undefined;
  checkSecureContext(options, spec);
  return options;
}

/** Builds the secure context once now, so a wrong key password names the file instead of failing per connection. */
function checkSecureContext(options: tls.ConnectionOptions, spec: TlsSpec): void {
  try {
    tls.createSecureContext(options);
  } catch (e) {
    const message = (e as Error).message;
    const file = options.pfx ? `ssl.keystore.location: ${spec.keystoreFile}` : `ssl.key.location: ${spec.keyFile}`;
    if (/mac verify|bad decrypt|bad password|decrypt/i.test(message)) {
      const setting = options.pfx ? 'ssl.keystore.password' : 'ssl.key.password';
      throw new UserError(`${file}: the password is wrong (${setting})`);
    }
    if (/key values mismatch/i.test(message)) {
      throw new UserError(`${file}: the key does not belong to the certificate`);
    }
    throw new UserError(`TLS settings cannot be used: ${message}`);
  }
}
