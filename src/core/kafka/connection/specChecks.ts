// Settings that cannot work together, found before connecting (a file and -X may each be fine alone).
import { UserError } from '../../errors';
import type { ConnectionSpec } from './connectionSpec';

export function usesTls(spec: ConnectionSpec): boolean {
  return spec.securityProtocol === 'SSL' || spec.securityProtocol === 'SASL_SSL';
}

export function usesSasl(spec: ConnectionSpec): boolean {
  return spec.securityProtocol === 'SASL_PLAINTEXT' || spec.securityProtocol === 'SASL_SSL';
}

function hasTlsSettings(spec: ConnectionSpec): boolean {
  return Object.values(spec.tls ?? {}).some((v) => v !== undefined && v !== false);
}

function saslProblem(spec: ConnectionSpec): string | undefined {
  const sasl = spec.sasl;
  const protocol = spec.securityProtocol;
  if (!usesSasl(spec)) {
    if (!sasl) return undefined;
    return `SASL settings are given but security.protocol is ${protocol}; use SASL_SSL or SASL_PLAINTEXT`;
  }
  if (!sasl) {
    return `security.protocol=${protocol} needs sasl.mechanism (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER)`;
  }
  if (sasl.mechanism === 'OAUTHBEARER') {
    if (sasl.token === undefined && sasl.tokenCommand === undefined) {
      return 'sasl.mechanism=OAUTHBEARER needs sasl.oauthbearer.token or sasl.oauthbearer.token.command';
    }
    if (sasl.token !== undefined && sasl.tokenCommand !== undefined) {
      return 'give either sasl.oauthbearer.token or sasl.oauthbearer.token.command, not both';
    }
    return undefined;
  }
  if (!sasl.username) return `sasl.mechanism=${sasl.mechanism} needs a user name (sasl.username or sasl.jaas.config)`;
  if (sasl.password === undefined) {
    return `sasl.mechanism=${sasl.mechanism} needs a password (sasl.password or sasl.jaas.config)`;
  }
  return undefined;
}

function tlsProblem(spec: ConnectionSpec): string | undefined {
  const tls = spec.tls ?? {};
  if (!usesTls(spec) && hasTlsSettings(spec)) {
    return `TLS settings (ssl.*) are given but security.protocol is ${spec.securityProtocol}; use SSL or SASL_SSL`;
  }
  if ((tls.certFile === undefined) !== (tls.keyFile === undefined)) {
    return 'a client certificate needs both ssl.certificate.location and ssl.key.location';
  }
  if (tls.keystoreFile !== undefined && tls.certFile !== undefined) {
    return 'give the client certificate either as ssl.keystore.location or as ssl.certificate.location, not both';
  }
  return undefined;
}

/** Throws a UserError naming the first contradiction or missing setting in `spec`. */
export function checkSpec(spec: ConnectionSpec, source = 'connection settings'): void {
  const problem = saslProblem(spec) ?? tlsProblem(spec);
  if (problem) throw new UserError(`${source}: ${problem}`);
}
