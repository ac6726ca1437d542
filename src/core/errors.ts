// Turns errors from Kafka clients, the OS and our own code into one readable line.
// Pure: no editor, no client library; it inspects names, codes and messages only.

/** An error whose message is already written for a person. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'UserError';
  }
}

const UNREACHABLE = 'cannot reach the Kafka broker (is it running, and is the address right?)';
const NO_ANSWER = 'the broker did not answer in time';
const UNRESOLVED = 'the broker host name does not resolve';
const AUTH_FAILED = 'authentication with the broker failed (check user name, password and mechanism)';

/** Client error classes (by name), OS error codes and Kafka protocol error types we can name. */
const HINT_BY_KIND: Record<string, string> = {
  KafkaJSConnectionError: UNREACHABLE,
  KafkaJSConnectionClosedError: UNREACHABLE,
  KafkaJSBrokerNotFound: UNREACHABLE,
  ECONNREFUSED: UNREACHABLE,
  ECONNRESET: UNREACHABLE,
  EHOSTUNREACH: UNREACHABLE,
  ENETUNREACH: UNREACHABLE,
  ETIMEDOUT: UNREACHABLE,
  ENOTFOUND: UNRESOLVED,
  EAI_AGAIN: UNRESOLVED,
  KafkaJSRequestTimeoutError: NO_ANSWER,
  REQUEST_TIMED_OUT: NO_ANSWER,
  KafkaJSSASLAuthenticationError: AUTH_FAILED,
  SASL_AUTHENTICATION_FAILED: AUTH_FAILED,
  UNKNOWN_TOPIC_OR_PARTITION: 'the topic does not exist',
  TOPIC_ALREADY_EXISTS: 'the topic already exists',
  INVALID_TOPIC_EXCEPTION: 'the broker refused the topic name',
  INVALID_REPLICATION_FACTOR: 'the replication factor is larger than the number of brokers',
  MESSAGE_TOO_LARGE: 'the message is larger than the broker accepts (message.max.bytes)',
  NON_EMPTY_GROUP: 'the consumer group still has active members; stop them first',
  GROUP_ID_NOT_FOUND: 'the consumer group does not exist',
};

/** Last resort for errors that carry no name or code we know: their message text. */
const HINT_BY_MESSAGE: Array<[RegExp, string]> = [
  [/ECONNREFUSED|Connection error|Failed to connect|Closed connection|Connection timeout/i, UNREACHABLE],
  [/getaddrinfo/i, UNRESOLVED],
  [/SASL|Authentication failed/i, AUTH_FAILED],
  [/This server does not host this topic-partition/i, 'the topic does not exist'],
  [/Request timed out/i, NO_ANSWER],
];

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string | number;
  type?: string;
  cause?: unknown;
  originalError?: unknown;
}

/** `e` and the errors it wraps (`cause`, kafkajs' `originalError`), outermost first. */
function causeChain(e: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let current = e; current && typeof current === 'object' && chain.length < 8;) {
    const err = current as ErrorLike;
    if (chain.includes(err)) break;
    chain.push(err);
    current = err.cause ?? err.originalError;
  }
  return chain;
}

function hintFor(chain: ErrorLike[]): string | undefined {
  for (const err of chain) {
    for (const kind of [err.type, typeof err.code === 'string' ? err.code : undefined, err.name]) {
      if (kind && Object.hasOwn(HINT_BY_KIND, kind)) return HINT_BY_KIND[kind];
    }
  }
  for (const err of chain) {
    const text = `${err.name ?? ''} ${err.message ?? ''}`;
    const match = HINT_BY_MESSAGE.find(([pattern]) => pattern.test(text));
    if (match) return match[1];
  }
  return undefined;
}

/** How the failed client connected: what only that can explain (the user, TLS or not). Never a password. */
export interface ConnectionContext {
  tls: boolean;
  /** e.g. PLAIN, SCRAM-SHA-512; absent without SASL. */
  saslMechanism?: string;
  username?: string;
}

const UNTRUSTED_CERT_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
]);
const TRUST_HINT = 'give the certificate authority that signed it with ssl.ca.location=ca.pem';
const NOT_TLS =
  'the broker did not answer with TLS: this port looks like a PLAINTEXT listener ' +
  '(use security.protocol=PLAINTEXT or SASL_PLAINTEXT, or the TLS port)';
const CLIENT_CERT =
  'the broker refused the client certificate or needs one it trusts ' +
  '(ssl.certificate.location and ssl.key.location, or ssl.keystore.location)';

function kinds(err: ErrorLike): string[] {
  return [err.type, typeof err.code === 'string' ? err.code : undefined, err.name].filter((k): k is string => !!k);
}

function saslHint(chain: ErrorLike[], ctx?: ConnectionContext): string | undefined {
  const failed = chain.find(
    (err) =>
      kinds(err).some((k) => k === 'KafkaJSSASLAuthenticationError' || k === 'SASL_AUTHENTICATION_FAILED') ||
      /SASL \S+ authentication failed/i.test(err.message ?? ''),
  );
  if (!failed) return undefined;
  const unsupported = (err: ErrorLike) =>
    err.type === 'UNSUPPORTED_SASL_MECHANISM' || /mechanism.*not enabled/i.test(err.message ?? '');
  if (chain.some(unsupported)) {
    const mechanism = ctx?.saslMechanism ?? /SASL (\S+)/.exec(failed.message ?? '')?.[1] ?? 'this mechanism';
    return `the broker does not accept SASL ${mechanism} on this listener (check sasl.mechanism)`;
  }
  const mechanism = ctx?.saslMechanism ?? /SASL (\S+) authentication failed/i.exec(failed.message ?? '')?.[1];
  const user = ctx?.username ? ` for user ${ctx.username}` : '';
  return (
    `authentication failed${user}${mechanism ? ` (SASL ${mechanism})` : ''}: check the user name, password ` +
    'and sasl.mechanism'
  );
}

function tlsHint(chain: ErrorLike[]): string | undefined {
  for (const err of chain) {
    const codes = kinds(err);
    const code = codes.find((k) => UNTRUSTED_CERT_CODES.has(k));
    if (code) return `the broker's TLS certificate is not trusted (${code}); ${TRUST_HINT}`;
    if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')) {
      return (
        "the broker's TLS certificate does not name the host connected to: connect by a name the " +
        'certificate holds (or, less safe, set ssl.endpoint.identification.algorithm= to skip this check)'
      );
    }
    if (codes.includes('CERT_HAS_EXPIRED')) return "the broker's TLS certificate has expired";
    if (codes.includes('CERT_NOT_YET_VALID')) return "the broker's TLS certificate is not valid yet (check the clock)";
    const text = err.message ?? '';
    if (codes.includes('ERR_SSL_WRONG_VERSION_NUMBER') || /wrong version number|packet length too long/i.test(text)) {
      return NOT_TLS;
    }
    if (/certificate required|bad certificate|unknown ca|ALERT_CERTIFICATE/i.test(`${codes.join(' ')} ${text}`)) {
      return CLIENT_CERT;
    }
  }
  return undefined;
}

const CLOSED_OR_SILENT = new RegExp(
  'KafkaJSConnectionClosedError|KafkaJSRequestTimeoutError|REQUEST_TIMED_OUT|Closed connection|ECONNRESET|' +
    'Request timed out|disconnected before secure TLS',
  'i',
);

/** The connection was accepted, then closed or left unanswered: what the client's settings suggest. */
function mismatchHint(chain: ErrorLike[], ctx: ConnectionContext): string | undefined {
  if (!chain.some((err) => CLOSED_OR_SILENT.test(`${kinds(err).join(' ')} ${err.message ?? ''}`))) return undefined;
  if (ctx.tls && chain.some((err) => /before secure TLS connection/i.test(err.message ?? ''))) {
    return (
      'the broker closed the connection during the TLS handshake: this port may be a PLAINTEXT listener, ' +
      'or it requires a client certificate (ssl.certificate.location, ssl.keystore.location)'
    );
  }
  if (ctx.tls) return undefined;
  const missing = ctx.saslMechanism ? 'TLS' : 'TLS or SASL';
  return (
    `the broker closed the connection or did not answer: this port may expect ${missing} ` +
    '(set security.protocol=SSL or SASL_SSL, e.g. in --config)'
  );
}

function securityHint(chain: ErrorLike[], ctx?: ConnectionContext): string | undefined {
  return saslHint(chain, ctx) ?? tlsHint(chain) ?? (ctx ? mismatchHint(chain, ctx) : undefined);
}

/** OpenSSL's "80CC…:error:0A000412:SSL routines:fn:reason:file.c:1601:SSL alert number 42" as "reason (…)". */
function withoutOpenSslDetail(message: string): string {
  return message.replace(/[0-9A-F]{8,}:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):[^:]*:\d+:?\s*(.*)$/, (_, reason, rest) =>
    rest ? `${reason} (${rest})` : reason,
  );
}

/**
 * One line describing `e`, with a hint for well-known Kafka failures; `ctx` (how the client
 * connected) lets it name the user and tell a TLS/plaintext mismatch from an unreachable broker.
 */
export function describeError(e: unknown, ctx?: ConnectionContext): string {
  if (e instanceof UserError) return e.message;
  const chain = causeChain(e);
  const text = chain.length > 0 ? chain[0].message : e === undefined || e === null ? '' : String(e);
  const message = withoutOpenSslDetail((text ?? '').split('\n')[0].trim());
  const hint = securityHint(chain, ctx) ?? hintFor(chain);
  if (hint) return message && !message.includes(hint) && !hint.includes(message) ? `${hint}: ${message}` : hint;
  return message || 'unknown error';
}

/** Whether `ctx` explains `e` better than describeError without it (a security problem). */
export function isSecurityError(e: unknown, ctx?: ConnectionContext): boolean {
  return !(e instanceof UserError) && securityHint(causeChain(e), ctx) !== undefined;
}

/** Kafka's answers for a coordinator or leader that is moving or not up yet (kafkajs names and protocol types). */
const AWAY_KINDS = new Set([
  'KafkaJSGroupCoordinatorNotFound',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
  'NOT_COORDINATOR',
  'GROUP_LOAD_IN_PROGRESS',
  'COORDINATOR_LOAD_IN_PROGRESS',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
]);
const AWAY_MESSAGE = /group coordinator|not the correct coordinator|leader not available|no leader/i;

/**
 * Whether `e` says the broker is away for now (unreachable, silent, or its coordinator or
 * leader not there yet) rather than that the request itself is wrong: a client that failed
 * this way should wait for the broker, not report an error of its own.
 */
export function isBrokerAway(e: unknown): boolean {
  if (e instanceof UserError) return false;
  const chain = causeChain(e);
  const hint = hintFor(chain);
  if (hint === UNREACHABLE || hint === NO_ANSWER) return true;
  return chain.some((err) => kinds(err).some((k) => AWAY_KINDS.has(k)) || AWAY_MESSAGE.test(err.message ?? ''));
}

/**
 * The most specific name of `e`: a Kafka protocol error's type (NOT_ENOUGH_REPLICAS…) under the
 * client's wrappers (retries exceeded), else the first error class that is not a plain Error.
 */
export function errorKind(e: unknown): string {
  const chain = causeChain(e);
  const typed = chain.find((err) => typeof err.type === 'string' && err.type !== '');
  return typed?.type ?? chain.find((err) => err.name && err.name !== 'Error')?.name ?? String(e);
}
