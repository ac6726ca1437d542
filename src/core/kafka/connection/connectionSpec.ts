// One description of how to reach a Kafka cluster (addresses, TLS, SASL), whichever way it
// was given: a client.properties file (librdkafka/Confluent or Java dialect), -X overrides,
// or the editor's cluster settings. Everything that connects turns it into client options here.
import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import type { ClientSasl } from '../ports';

export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanismName = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512' | 'OAUTHBEARER';

export interface SaslSpec {
  mechanism: SaslMechanismName;
  username?: string;
  password?: string;
  /** OAUTHBEARER: a fixed token. */
  token?: string;
  /** OAUTHBEARER: a shell command whose standard output is a fresh token, run on every refresh. */
  tokenCommand?: string;
}

export interface TlsSpec {
  /** PEM files of the certificate authorities to trust (instead of Node's default list). */
  caFiles?: string[];
  /** PEM client certificate and key (mutual TLS). */
  certFile?: string;
  keyFile?: string;
  keyPassword?: string;
  /** PKCS12 file with the client certificate and key. */
  keystoreFile?: string;
  keystorePassword?: string;
  /** PKCS12 file with the certificate authorities to trust. */
  truststoreFile?: string;
  truststorePassword?: string;
  /** Host name to check the broker certificate against (and to send as SNI). */
  serverName?: string;
  /** Check the certificate chain but not that it names the broker host (Java's empty endpoint algorithm). */
  skipHostnameVerification?: boolean;
  /** Accept any broker certificate. Insecure: every use is reported as a warning. */
  insecureSkipVerify?: boolean;
}

export interface ConnectionSpec {
  bootstrapServers?: string[];
  securityProtocol: SecurityProtocol;
  sasl?: SaslSpec;
  tls?: TlsSpec;
}

/** What a Kafka client needs besides the addresses: see toClientSecurity. */
export interface ClientSecurity {
  ssl?: TlsConnectionOptions | boolean;
  sasl?: ClientSasl;
  /** Lines to show the person loudly (e.g. certificate checks turned off). */
  warnings: string[];
}

export interface ParsedClientProperties {
  spec: ConnectionSpec;
  /** Keys that were ignored, e.g. `client.properties:4: acks ignored (not a connection setting)`. */
  notes: string[];
}

export { parseClientProperties, readClientPropertiesFile } from './clientProperties';
export { applyOverrides } from './overrides';
export { describeSecurity, securityWarnings, shortSecurityLabel } from './describeSecurity';
export { toClientSecurity } from './clientSecurity';
export { maskSecrets, scrubSecrets } from './maskSecrets';
