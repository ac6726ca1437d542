// Turns errors from Kafka clients, the OS and our own code into one readable line.
// Pure: no editor, no client library; it inspects names, codes and messages only.

/** An error whose message is already written for a person. */
export class UserError extends Error {
  constructor(message: string, readonly detail?: string) {
    super(message);
    this.name = 'UserError';
  }
}

const KAFKA_HINTS: Array<[RegExp, string]> = [
  [/ECONNREFUSED|Connection error|KafkaJSConnectionError|Failed to connect/i, 'cannot reach the Kafka broker (is it running, and is the address right?)'],
  [/ENOTFOUND|getaddrinfo/i, 'the broker host name does not resolve'],
  [/SASL|Authentication failed|SaslAuthenticationFailed/i, 'authentication with the broker failed (check user name, password and mechanism)'],
  [/UNKNOWN_TOPIC_OR_PARTITION|This server does not host this topic-partition/i, 'the topic does not exist'],
  [/TOPIC_ALREADY_EXISTS|Topic with this name already exists/i, 'the topic already exists'],
  [/INVALID_REPLICATION_FACTOR|Replication factor: .* larger than available brokers/i, 'the replication factor is larger than the number of brokers'],
  [/MESSAGE_TOO_LARGE|The request included a message larger than the max message size/i, 'the message is larger than the broker accepts (message.max.bytes)'],
  [/NON_EMPTY_GROUP|The group is not empty/i, 'the consumer group still has active members; stop them first'],
  [/GROUP_ID_NOT_FOUND|The group id does not exist/i, 'the consumer group does not exist'],
  [/Request timed out|KafkaJSRequestTimeoutError|timed out/i, 'the broker did not answer in time'],
];

/** One line describing `e`, with a hint for well-known Kafka failures. */
export function describeError(e: unknown): string {
  if (e instanceof UserError) return e.message;
  const err = e as { name?: string; message?: string; code?: string; type?: string; cause?: unknown };
  const message = (err?.message ?? String(e)).split('\n')[0].trim();
  const haystack = `${err?.name ?? ''} ${err?.type ?? ''} ${err?.code ?? ''} ${message}`;
  for (const [pattern, hint] of KAFKA_HINTS) {
    if (pattern.test(haystack)) return message && !message.includes(hint) ? `${hint}: ${message}` : hint;
  }
  if (err?.code === 'ENOENT' && message) return message;
  return message || 'unknown error';
}
