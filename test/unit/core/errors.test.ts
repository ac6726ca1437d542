import assert from 'node:assert/strict';
import { UserError, describeError } from '../../../src/core/errors';

/** An error shaped like the client library's: a class name, maybe a protocol type, maybe a cause. */
function clientError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

describe('describeError', () => {
  it('calls a closed or timed-out connection "cannot reach", like a refused one', () => {
    for (const e of [
      clientError('KafkaJSConnectionClosedError', 'Closed connection'),
      clientError('KafkaJSConnectionError', 'Connection timeout'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    ]) {
      assert.match(describeError(e), /^cannot reach the Kafka broker \(is it running, and is the address right\?\)/, e.message);
    }
  });

  it('looks through the errors a failure wraps', () => {
    const wrapped = clientError('KafkaJSNumberOfRetriesExceeded', 'Closed connection', {
      cause: clientError('KafkaJSConnectionClosedError', 'Closed connection'),
    });
    assert.equal(describeError(wrapped), 'cannot reach the Kafka broker (is it running, and is the address right?): Closed connection');
    const viaOriginal = clientError('KafkaJSNonRetriableError', 'gave up', { originalError: Object.assign(new Error('x'), { code: 'ENOTFOUND' }) });
    assert.match(describeError(viaOriginal), /^the broker host name does not resolve: gave up/);
  });

  it('names protocol errors by their type, not their wording', () => {
    const e = clientError('KafkaJSProtocolError', 'This server does not host this topic-partition', { type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    assert.equal(describeError(e), 'the topic does not exist: This server does not host this topic-partition');
  });

  it('does not call a timeout that is not the broker\'s a broker timeout', () => {
    assert.equal(describeError(new Error('Timed out while waiting for the file lock')), 'Timed out while waiting for the file lock');
  });

  it('keeps a UserError as written, with its cause', () => {
    const cause = new Error('low level');
    const e = new UserError('readable', 'more detail', cause);
    assert.equal(describeError(e), 'readable');
    assert.equal(e.cause, cause);
    assert.equal(e.detail, 'more detail');
  });

  it('never says undefined for odd values', () => {
    assert.equal(describeError(undefined), 'unknown error');
    assert.equal(describeError(null), 'unknown error');
    assert.equal(describeError(new Error('')), 'unknown error');
    assert.equal(describeError('plain text'), 'plain text');
  });
});
