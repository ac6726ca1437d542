// A cluster's settings entry and secrets <-> core's connection description. The settings hold
// what may be seen (protocol, mechanism, user, file paths); the secrets come from SecretStorage.
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../core/errors';
import type {
  ConnectionSpec,
  SaslMechanismName,
  SecurityProtocol,
  TlsSpec,
} from '../../core/kafka/connection/connectionSpec';
import { usesSasl, usesTls } from '../../core/kafka/connection/specChecks';
import type { ClusterConfig } from '../settings';

export const SECRET_KINDS = [
  'password',
  'token',
  'tokenCommand',
  'keyPassword',
  'keystorePassword',
  'truststorePassword',
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];
export type ClusterSecrets = Partial<Record<SecretKind, string>>;

const PROTOCOLS: SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
const MECHANISMS: SaslMechanismName[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'];

/** The mechanism in Kafka's spelling; older settings wrote it in lower case. */
export function saslMechanismOf(c: ClusterConfig): SaslMechanismName | undefined {
  if (!c.saslMechanism || c.saslMechanism === 'none') return undefined;
  const found = MECHANISMS.find((m) => m === String(c.saslMechanism).toUpperCase());
  if (!found)
    throw new UserError(
      `cluster "${c.name}": saslMechanism "${c.saslMechanism}" is not one of ${MECHANISMS.join(', ')}`,
    );
  return found;
}

/** `securityProtocol`, or what older settings meant with `ssl` and `saslMechanism`. */
export function securityProtocolOf(c: ClusterConfig): SecurityProtocol {
  if (c.securityProtocol !== undefined) {
    if (!PROTOCOLS.includes(c.securityProtocol)) {
      throw new UserError(
        `cluster "${c.name}": securityProtocol "${c.securityProtocol}" is not one of ${PROTOCOLS.join(', ')}`,
      );
    }
    return c.securityProtocol;
  }
  const sasl = saslMechanismOf(c) !== undefined;
  if (c.ssl) return sasl ? 'SASL_SSL' : 'SSL';
  return sasl ? 'SASL_PLAINTEXT' : 'PLAINTEXT';
}

/** An absolute path: `~/` is the home folder, a relative path is under the workspace folder. */
export function resolveClusterPath(file: string, workspaceRoot: string | undefined): string {
  if (file === '~' || file.startsWith('~/')) return path.join(os.homedir(), file.slice(1));
  if (path.isAbsolute(file) || !workspaceRoot) return file;
  return path.resolve(workspaceRoot, file);
}

/** What settings store for `file`: relative when it lies inside the workspace folder. */
export function settingsPath(file: string, workspaceRoot: string | undefined): string {
  if (!workspaceRoot) return file;
  const relative = path.relative(workspaceRoot, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

function tlsSpec(c: ClusterConfig, root: string | undefined, secrets: ClusterSecrets): TlsSpec {
  const file = (p: string | undefined) =>
    typeof p === 'string' && p.trim() ? resolveClusterPath(p.trim(), root) : undefined;
  const caFiles = Array.isArray(c.caFiles) ? c.caFiles.map(file).filter((f): f is string => f !== undefined) : [];
  return withoutEmpty({
    caFiles: caFiles.length > 0 ? caFiles : undefined,
    certFile: file(c.certFile),
    keyFile: file(c.keyFile),
    keyPassword: secrets.keyPassword,
    keystoreFile: file(c.keystoreFile),
    keystorePassword: secrets.keystorePassword,
    truststoreFile: file(c.truststoreFile),
    truststorePassword: secrets.truststorePassword,
    serverName: c.serverName?.trim() || undefined,
    skipHostnameVerification: c.skipHostnameVerification === true ? true : undefined,
    insecureSkipVerify: c.insecureSkipVerify === true ? true : undefined,
  });
}

/** The connection description of a cluster (bootstrap servers are checked by the caller). */
export function clusterSpec(
  c: ClusterConfig,
  workspaceRoot: string | undefined,
  secrets: ClusterSecrets = {},
): ConnectionSpec {
  const securityProtocol = securityProtocolOf(c);
  const spec: ConnectionSpec = { securityProtocol };
  if (usesSasl(spec)) {
    const mechanism = saslMechanismOf(c);
    if (!mechanism)
      throw new UserError(
        `cluster "${c.name}": securityProtocol ${securityProtocol} needs a saslMechanism (${MECHANISMS.join(', ')})`,
      );
    spec.sasl = withoutEmpty({
      mechanism,
      username: c.username,
      password: secrets.password,
      token: secrets.token,
      tokenCommand: secrets.tokenCommand,
    });
  }
  if (usesTls(spec)) spec.tls = tlsSpec(c, workspaceRoot, secrets);
  return spec;
}

function tlsSettings(tls: TlsSpec, root: string | undefined): Partial<ClusterConfig> {
  const file = (p: string | undefined) => (p ? settingsPath(p, root) : undefined);
  return withoutEmpty({
    caFiles: tls.caFiles?.length ? tls.caFiles.map((f) => settingsPath(f, root)) : undefined,
    certFile: file(tls.certFile),
    keyFile: file(tls.keyFile),
    keystoreFile: file(tls.keystoreFile),
    truststoreFile: file(tls.truststoreFile),
    serverName: tls.serverName,
    skipHostnameVerification: tls.skipHostnameVerification ? true : undefined,
    insecureSkipVerify: tls.insecureSkipVerify ? true : undefined,
  });
}

/** A settings entry and the secrets for `spec` (bootstrap servers come from the spec). */
export function clusterFromSpec(
  name: string,
  spec: ConnectionSpec,
  workspaceRoot: string | undefined,
): { config: ClusterConfig; secrets: ClusterSecrets } {
  const config: ClusterConfig = {
    name,
    bootstrapServers: (spec.bootstrapServers ?? []).join(','),
    securityProtocol: spec.securityProtocol,
  };
  if (spec.sasl && usesSasl(spec)) {
    config.saslMechanism = spec.sasl.mechanism;
    if (spec.sasl.username) config.username = spec.sasl.username;
  }
  if (spec.tls && usesTls(spec)) Object.assign(config, tlsSettings(spec.tls, workspaceRoot));
  const secrets = withoutEmpty<ClusterSecrets>({
    password: spec.sasl?.password,
    token: spec.sasl?.token,
    tokenCommand: spec.sasl?.tokenCommand,
    keyPassword: spec.tls?.keyPassword,
    keystorePassword: spec.tls?.keystorePassword,
    truststorePassword: spec.tls?.truststorePassword,
  });
  return { config, secrets };
}

/** What is still needed before the cluster can log in (asked for by the import). */
export function missingLogin(spec: ConnectionSpec): Array<'username' | 'password' | 'token'> {
  const sasl = spec.sasl;
  if (!sasl || !usesSasl(spec)) return [];
  if (sasl.mechanism === 'OAUTHBEARER') return sasl.token || sasl.tokenCommand ? [] : ['token'];
  return [...(sasl.username ? [] : ['username' as const]), ...(sasl.password ? [] : ['password' as const])];
}
