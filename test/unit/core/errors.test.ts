import assert from 'node:assert/strict';
import { UserError, describeError, isBrokerAway } from '../../../src/core/errors';

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
      assert.match(
        describeError(e),
        /^cannot reach the Kafka broker \(is it running, and is the address right\?\)/,
        e.message,
      );
    }
  });

  it('looks through the errors a failure wraps', () => {
    const wrapped = clientError('KafkaJSNumberOfRetriesExceeded', 'Closed connection', {
      cause: clientError('KafkaJSConnectionClosedError', 'Closed connection'),
    });
    assert.equal(
      describeError(wrapped),
      'cannot reach the Kafka broker (is it running, and is the address right?): Closed connection',
    );
    const viaOriginal = clientError('KafkaJSNonRetriableError', 'gave up', {
      originalError: Object.assign(new Error('x'), { code: 'ENOTFOUND' }),
    });
    assert.match(describeError(viaOriginal), /^the broker host name does not resolve: gave up/);
  });

  it('names protocol errors by their type, not their wording', () => {
    const e = clientError('KafkaJSProtocolError', 'This server does not host this topic-partition', {
      type: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
    assert.equal(describeError(e), 'the topic does not exist: This server does not host this topic-partition');
  });

  it("does not call a timeout that is not the broker's a broker timeout", () => {
    assert.equal(
      describeError(new Error('Timed out while waiting for the file lock')),
      'Timed out while waiting for the file lock',
    );
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

describe('describeError for secured connections', () => {
  const saslFailure = () =>
    clientError(
      'KafkaJSSASLAuthenticationError',
      'SASL PLAIN authentication failed: Authentication failed: Invalid username or password',
    );

  it('names the user and mechanism of a failed SASL login', () => {
    assert.equal(
      describeError(saslFailure(), { tls: true, saslMechanism: 'PLAIN', username: 'APIKEY' }),
      'authentication failed for user APIKEY (SASL PLAIN): check the user name, password and sasl.mechanism: ' +
        'SASL PLAIN authentication failed: Authentication failed: Invalid username or password',
    );
    assert.match(describeError(saslFailure()), /^authentication failed \(SASL PLAIN\): check the user name/);
    const byType = clientError('KafkaJSProtocolError', 'Authentication failed', { type: 'SASL_AUTHENTICATION_FAILED' });
    assert.match(
      describeError(byType, { tls: false, saslMechanism: 'SCRAM-SHA-512', username: 'bob' }),
      /^authentication failed for user bob \(SASL SCRAM-SHA-512\)/,
    );
  });

  it('says when the listener does not offer the mechanism', () => {
    const e = clientError(
      'KafkaJSSASLAuthenticationError',
      'SASL SCRAM-SHA-256 mechanism is not enabled by the server',
      {
        type: 'UNSUPPORTED_SASL_MECHANISM',
      },
    );
    assert.match(describeError(e), /^the broker does not accept SASL SCRAM-SHA-256 on this listener/);
  });

  const certificateCases: Array<[string, RegExp]> = [
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\); .*ssl.ca.location/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /not trusted \(SELF_SIGNED_CERT_IN_CHAIN\); .*ssl.ca.location=ca.pem/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /does not name the host connected to/],
    ['CERT_HAS_EXPIRED', /certificate has expired/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', /did not answer with TLS: this port looks like a PLAINTEXT listener/],
  ];
  for (const [code, expected] of certificateCases) {
    it(`names the certificate problem behind ${code}`, () => {
      const e = clientError('KafkaJSConnectionError', `Connection error: ${code.toLowerCase()}`, { code });
      assert.match(describeError(e), /^the broker/);
      assert.match(describeError(e), expected);
    });
  }

  it('recognises the EPROTO "wrong version number" of a TLS client on a plaintext port', () => {
    const e = clientError('KafkaJSConnectionError', 'Connection error: ssl3_get_record:wrong version number', {
      code: 'EPROTO',
    });
    assert.match(describeError(e), /PLAINTEXT listener/);
  });

  it('calls a closed connection a likely TLS mismatch only for a client without TLS', () => {
    const closed = clientError('KafkaJSConnectionClosedError', 'Closed connection');
    assert.match(
      describeError(closed, { tls: false }),
      /^the broker closed the connection or did not answer: this port may expect TLS or SASL/,
    );
    assert.match(describeError(closed, { tls: false, saslMechanism: 'PLAIN' }), /may expect TLS \(/);
    assert.match(describeError(closed, { tls: true }), /^cannot reach the Kafka broker/);
    assert.match(describeError(closed), /^cannot reach the Kafka broker/);
    const timeout = clientError('KafkaJSRequestTimeoutError', 'Request timed out');
    assert.match(describeError(timeout, { tls: false }), /this port may expect TLS/);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    assert.match(describeError(refused, { tls: false }), /^cannot reach the Kafka broker/);
  });

  it('names a handshake the broker ended, and a refused client certificate, in words', () => {
    const handshake = clientError(
      'KafkaJSConnectionError',
      'Connection error: Client network socket disconnected before secure TLS connection was established',
      { code: 'ECONNRESET' },
    );
    assert.match(describeError(handshake, { tls: true }), /closed the connection during the TLS handshake/);
    const alert = clientError(
      'KafkaJSConnectionError',
      'Connection error: 80CC8422327F0000:error:0A000412:SSL ' +
        'routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/ssl/rec_layer_s3.c:1601:' +
        'SSL alert number 42',
    );
    assert.equal(
      describeError(alert, { tls: true }),
      'the broker refused the client certificate or needs one it ' +
        'trusts (ssl.certificate.location and ssl.key.location, or ssl.keystore.location): Connection error: ' +
        'sslv3 alert bad certificate (SSL alert number 42)',
    );
  });
});

describe('isBrokerAway', () => {
  it('is true for an unreachable or silent broker and for a coordinator or leader not there yet', () => {
    for (const e of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      clientError('KafkaJSConnectionClosedError', 'Closed connection'),
      clientError('KafkaJSRequestTimeoutError', 'Request timed out'),
      clientError('KafkaJSNonRetriableError', 'Failed to find group coordinator'),
      clientError('KafkaJSNumberOfRetriesExceeded', 'x', {
        cause: clientError('KafkaJSProtocolError', 'y', { type: 'LEADER_NOT_AVAILABLE' }),
      }),
      clientError('KafkaJSProtocolError', 'This is not the correct coordinator for this group', {
        type: 'NOT_COORDINATOR_FOR_GROUP',
      }),
    ]) {
      assert.equal(isBrokerAway(e), true, e.message);
    }
  });

  it('is false for a request that is wrong in itself', () => {
    for (const e of [
      new UserError('topic "x" does not exist'),
      clientError('KafkaJSProtocolError', 'Not authorized to access group', { type: 'GROUP_AUTHORIZATION_FAILED' }),
      clientError('KafkaJSSASLAuthenticationError', 'SASL PLAIN authentication failed'),
      new Error('unexpected'),
    ]) {
      assert.equal(isBrokerAway(e), false, e.message);
    }
  });
});
