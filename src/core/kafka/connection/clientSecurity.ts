// A ConnectionSpec as the TLS and SASL options of a Kafka client (see KafkaConnection in ../ports).
import type { ClientSasl } from '../ports';
import type { ClientSecurity, ConnectionSpec } from './connectionSpec';
import { securityWarnings } from './describeSecurity';
import { checkSpec, usesSasl, usesTls } from './specChecks';
import { tlsOptions } from './tlsFiles';
import { runTokenCommand } from './tokenCommand';

function clientSasl(spec: ConnectionSpec): ClientSasl | undefined {
  const sasl = spec.sasl;
  if (!usesSasl(spec) || !sasl) return undefined;
  if (sasl.mechanism === 'OAUTHBEARER') {
    const { token, tokenCommand } = sasl;
    const fetch = tokenCommand ? () => runTokenCommand(tokenCommand) : async () => token ?? '';
    return { mechanism: 'oauthbearer', token: fetch };
  }
  const mechanism = sasl.mechanism.toLowerCase() as 'plain' | 'scram-sha-256' | 'scram-sha-512';
  return { mechanism, username: sasl.username ?? '', password: sasl.password ?? '' };
}

/**
 * The client's `ssl` and `sasl` options for `spec`, after checking the settings fit together and
 * reading every certificate file (each missing or unusable one named). `source` prefixes setting errors.
 */
export async function toClientSecurity(spec: ConnectionSpec, source?: string): Promise<ClientSecurity> {
  checkSpec(spec, source);
  const result: ClientSecurity = { warnings: securityWarnings(spec) };
  if (usesTls(spec)) {
    const options = await tlsOptions(spec.tls ?? {});
    result.ssl = Object.keys(options).length > 0 ? options : true;
  }
  const sasl = clientSasl(spec);
  if (sasl) result.sasl = sasl;
  return result;
}
