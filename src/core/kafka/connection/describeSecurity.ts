// Short words for how a connection is secured (tooltips, CLI status lines) and loud warnings when it is weak.
import path from 'node:path';
import type { ConnectionSpec } from './connectionSpec';
import { usesSasl, usesTls } from './specChecks';

function tlsParts(spec: ConnectionSpec): string[] {
  const tls = spec.tls ?? {};
  const parts: string[] = [];
  if (tls.caFiles?.length) parts.push(`CA: ${tls.caFiles.map((f) => path.basename(f)).join(', ')}`);
  if (tls.truststoreFile) parts.push(`truststore: ${path.basename(tls.truststoreFile)}`);
  if (tls.certFile) parts.push(`client cert: ${path.basename(tls.certFile)}`);
  if (tls.keystoreFile) parts.push(`keystore: ${path.basename(tls.keystoreFile)}`);
  if (tls.insecureSkipVerify) parts.push('certificate NOT verified');
  else if (tls.skipHostnameVerification) parts.push('host name not verified');
  return parts;
}

/** e.g. "SASL_SSL · SCRAM-SHA-512 · CA: ca.pem"; never shows a password or token. */
export function describeSecurity(spec: ConnectionSpec): string {
  const parts: string[] = [spec.securityProtocol];
  if (usesSasl(spec) && spec.sasl) parts.push(spec.sasl.mechanism);
  if (usesTls(spec)) parts.push(...tlsParts(spec));
  return parts.join(' · ');
}

/** The short form a list row shows, e.g. "SSL, SASL PLAIN"; empty for a plaintext connection. */
export function shortSecurityLabel(spec: ConnectionSpec): string {
  return [usesTls(spec) ? 'SSL' : '', usesSasl(spec) && spec.sasl ? `SASL ${spec.sasl.mechanism}` : '']
    .filter(Boolean)
    .join(', ');
}

/** Lines a person must see before connecting: settings that make the connection unsafe. */
export function securityWarnings(spec: ConnectionSpec): string[] {
  const warnings: string[] = [];
  if (usesTls(spec) && spec.tls?.insecureSkipVerify) {
    warnings.push(
      'WARNING: broker certificate verification is OFF (enable.ssl.certificate.verification=false): ' +
        'anyone between you and the broker can impersonate it and read the traffic, including the password.',
    );
  } else if (usesTls(spec) && spec.tls?.skipHostnameVerification) {
    warnings.push(
      'WARNING: the broker certificate is not checked against the host name ' +
        '(ssl.endpoint.identification.algorithm is empty).',
    );
  }
  if (spec.securityProtocol === 'SASL_PLAINTEXT' && spec.sasl?.mechanism === 'PLAIN') {
    warnings.push('WARNING: SASL PLAIN over SASL_PLAINTEXT sends the password unencrypted; use SASL_SSL.');
  }
  return warnings;
}
