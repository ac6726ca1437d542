// Turns errors from Kafka clients, the OS and our own code into one readable line.
// Pure: no editor, no client library; it inspects names, codes and messages only.

/** An error whose message is already written for a person. */
export class UserError extends Error {
  constructor(message: string, readonly detail?: string, cause?: unknown) {
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
  for (let current = e; current && typeof current === 'object' && chain.length < 8; ) {
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

/** One line describing `e`, with a hint for well-known Kafka failures. */
export function describeError(e: unknown): string {
  if (e instanceof UserError) return e.message;
  const chain = causeChain(e);
  const text = chain.length > 0 ? chain[0].message : e === undefined || e === null ? '' : String(e);
  const message = (text ?? '').split('\n')[0].trim();
  const hint = hintFor(chain);
  if (hint) return message && !message.includes(hint) && !hint.includes(message) ? `${hint}: ${message}` : hint;
  return message || 'unknown error';
}
