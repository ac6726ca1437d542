// What each client property means for a ConnectionSpec, in both dialects: librdkafka/Confluent
// (sasl.mechanisms, sasl.username, ssl.ca.location, …) and Java (sasl.jaas.config, ssl.truststore.*, …).
// Used for client.properties files and -X overrides alike.
import path from 'node:path';
import { UserError } from '../../errors';
import { parseBrokerList } from '../client';
import type { ConnectionSpec, SaslMechanismName, SecurityProtocol, TlsSpec } from './connectionSpec';
import { parseJaasConfig } from './jaasConfig';

export interface PropertyContext {
  /** Where the value came from, for messages: `client.properties:4` or `-X ssl.ca.location`. */
  where: string;
  /** Folder relative file names are resolved against. */
  baseDir: string;
}

type Apply = (spec: ConnectionSpec, value: string, ctx: PropertyContext) => void;

const PROTOCOLS: SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
const MECHANISMS: SaslMechanismName[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'];

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  key: string,
  ctx: PropertyContext,
  hint = '',
): T {
  const upper = value.toUpperCase() as T;
  if (allowed.includes(upper)) return upper;
  throw new UserError(`${ctx.where}: ${key}="${value}" is not supported${hint}; use one of ${allowed.join(', ')}`);
}

function bool(value: string, key: string, ctx: PropertyContext): boolean {
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new UserError(`${ctx.where}: ${key}="${value}" is not true or false`);
}

function filePath(value: string, key: string, ctx: PropertyContext): string {
  if (value === '') throw new UserError(`${ctx.where}: ${key} is empty; give a file name`);
  return path.resolve(ctx.baseDir, value);
}

function sasl(spec: ConnectionSpec): NonNullable<ConnectionSpec['sasl']> {
  spec.sasl ??= { mechanism: 'PLAIN' };
  return spec.sasl;
}

function tls(spec: ConnectionSpec): TlsSpec {
  spec.tls ??= {};
  return spec.tls;
}

function mechanism(key: string): Apply {
  return (spec, value, ctx) => {
    const hint = /^GSSAPI$/i.test(value) ? ' (Kerberos is not supported)' : '';
    const name = oneOf(value, MECHANISMS, key, ctx, hint);
    spec.sasl = { ...spec.sasl, mechanism: name };
  };
}

function storeType(key: string): Apply {
  return (_spec, value, ctx) => {
    if (/^JKS$/i.test(value)) {
      throw new UserError(
        `${ctx.where}: ${key}=JKS cannot be read here; convert the store to PKCS12 once with ` +
          '`keytool -importkeystore -srckeystore STORE.jks -destkeystore STORE.p12 -deststoretype PKCS12`',
      );
    }
    oneOf(value, ['PKCS12', 'PEM'] as const, key, ctx);
  };
}

const LOGIN_MODULES: Record<string, SaslMechanismName[]> = {
  PlainLoginModule: ['PLAIN'],
  ScramLoginModule: ['SCRAM-SHA-256', 'SCRAM-SHA-512'],
};

const applyJaas: Apply = (spec, value, ctx) => {
  const login = parseJaasConfig(value, ctx.where);
  if (login.module === 'OAuthBearerLoginModule') {
    throw new UserError(
      `${ctx.where}: sasl.jaas.config with OAuthBearerLoginModule is not supported; give ` +
        'sasl.oauthbearer.token=TOKEN or sasl.oauthbearer.token.command=COMMAND (prints a token) instead',
    );
  }
  if (!LOGIN_MODULES[login.module]) {
    throw new UserError(
      `${ctx.where}: sasl.jaas.config login module ${login.module} is not supported; ` +
        'use PlainLoginModule or ScramLoginModule',
    );
  }
  const { username, password } = login.options;
  if (username === undefined || password === undefined) {
    throw new UserError(`${ctx.where}: sasl.jaas.config ${login.module} needs username="…" and password="…"`);
  }
  const target = sasl(spec);
  if (!LOGIN_MODULES[login.module].includes(target.mechanism)) target.mechanism = LOGIN_MODULES[login.module][0];
  Object.assign(target, { username, password });
};

const HOSTNAME_ALGORITHMS = ['HTTPS', '', 'NONE'] as const;

export const PROPERTY_KEYS: Record<string, Apply> = {
  'bootstrap.servers': (spec, value, ctx) => {
    spec.bootstrapServers = parseBrokerList(value, `${ctx.where}: bootstrap.servers`);
  },
  'security.protocol': (spec, value, ctx) => {
    spec.securityProtocol = oneOf(value, PROTOCOLS, 'security.protocol', ctx);
  },
  'sasl.mechanism': mechanism('sasl.mechanism'),
  'sasl.mechanisms': mechanism('sasl.mechanisms'),
  'sasl.username': (spec, value) => void (sasl(spec).username = value),
  'sasl.password': (spec, value) => void (sasl(spec).password = value),
  'sasl.jaas.config': applyJaas,
  'sasl.oauthbearer.token': (spec, value) => void (sasl(spec).token = value),
  'sasl.oauthbearer.token.command': (spec, value) => void (sasl(spec).tokenCommand = value),
  'ssl.ca.location': (spec, value, ctx) => {
    // librdkafka's "probe" means the system's certificate authorities: Node's default trust.
    if (/^probe$/i.test(value)) delete tls(spec).caFiles;
    else tls(spec).caFiles = [filePath(value, 'ssl.ca.location', ctx)];
  },
  'ssl.certificate.location': (spec, v, ctx) =>
    void (tls(spec).certFile = filePath(v, 'ssl.certificate.location', ctx)),
  'ssl.key.location': (spec, v, ctx) => void (tls(spec).keyFile = filePath(v, 'ssl.key.location', ctx)),
  'ssl.key.password': (spec, value) => void (tls(spec).keyPassword = value),
  'ssl.keystore.location': (spec, v, ctx) => void (tls(spec).keystoreFile = filePath(v, 'ssl.keystore.location', ctx)),
  'ssl.keystore.password': (spec, value) => void (tls(spec).keystorePassword = value),
  'ssl.keystore.type': storeType('ssl.keystore.type'),
  'ssl.truststore.location': (spec, v, ctx) =>
    void (tls(spec).truststoreFile = filePath(v, 'ssl.truststore.location', ctx)),
  'ssl.truststore.password': (spec, value) => void (tls(spec).truststorePassword = value),
  'ssl.truststore.type': storeType('ssl.truststore.type'),
  'ssl.endpoint.identification.algorithm': (spec, value, ctx) => {
    const algorithm = oneOf(value, HOSTNAME_ALGORITHMS, 'ssl.endpoint.identification.algorithm', ctx);
    tls(spec).skipHostnameVerification = algorithm !== 'HTTPS';
  },
  'enable.ssl.certificate.verification': (spec, value, ctx) => {
    tls(spec).insecureSkipVerify = !bool(value, 'enable.ssl.certificate.verification', ctx);
  },
};

/** Keys that change how the client authenticates or encrypts: an unknown one must not be skipped silently. */
function securityRelevant(key: string): boolean {
  return /^(sasl|ssl|security)\./.test(key) || key === 'enable.ssl.certificate.verification';
}

/**
 * Applies one property to `spec` (mutating it). Returns a note when the key is ignored because
 * it does not concern the connection (acks, linger.ms, client.id, …); throws for unknown security keys.
 */
export function applyProperty(
  spec: ConnectionSpec,
  key: string,
  value: string,
  ctx: PropertyContext,
): string | undefined {
  const apply = Object.hasOwn(PROPERTY_KEYS, key) ? PROPERTY_KEYS[key] : undefined;
  if (apply) {
    apply(spec, value.trim(), ctx);
    return undefined;
  }
  if (securityRelevant(key)) {
    throw new UserError(
      `${ctx.where}: unknown security setting "${key}"; supported: ` +
        Object.keys(PROPERTY_KEYS)
          .filter((k) => k !== 'bootstrap.servers')
          .join(', '),
    );
  }
  return `${ctx.where}: ${key} ignored (not a connection setting)`;
}
