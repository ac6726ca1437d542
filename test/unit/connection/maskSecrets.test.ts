import assert from 'node:assert/strict';
import { describeError } from '../../../src/core/errors';
import { withConnectionContext } from '../../../src/core/kafka/connection/connectionContext';
import { maskSecrets, scrubSecrets } from '../../../src/core/kafka/connection/maskSecrets';
import type { AdminPort, KafkaClient } from '../../../src/core/kafka/ports';

describe('maskSecrets and scrubSecrets', () => {
  it('masks password, token, key and pfx fields at any depth, keeping the rest', () => {
    const connection = {
      brokers: ['b:9092'],
      sasl: { mechanism: 'plain', username: 'u', password: 'hunter22' },
      ssl: {
        ca: [Buffer.from('CA')],
        key: Buffer.from('KEY'),
        passphrase: 'kp',
        pfx: Buffer.from('P'),
        rejectUnauthorized: true,
      },
      oauth: { token: 'tok', accessToken: 'abc' },
    };
    const text = JSON.stringify(maskSecrets(connection));
    for (const secret of ['hunter22', 'KEY', '"kp"', 'tok"', 'abc'])
      assert.ok(!text.includes(secret), `${secret} in ${text}`);
    assert.deepEqual(maskSecrets(connection), {
      brokers: ['b:9092'],
      sasl: { mechanism: 'plain', username: 'u', password: '***' },
      ssl: { ca: ['<2 bytes>'], key: '***', passphrase: '***', pfx: '***', rejectUnauthorized: true },
      oauth: { token: '***', accessToken: '***' },
    });
  });

  it('replaces known secret values inside free text', () => {
    assert.equal(
      scrubSecrets('auth with hunter22 failed; hunter22 again', ['hunter22', undefined, '']),
      'auth with *** failed; *** again',
    );
  });
});

describe('withConnectionContext', () => {
  function failingClient(error: Error): KafkaClient {
    const admin = { connect: () => Promise.reject(error), disconnect: async () => undefined } as unknown as AdminPort;
    return {
      admin: () => admin,
      producer: () => {
        throw new Error('unused');
      },
      consumer: () => {
        throw new Error('unused');
      },
    };
  }

  it('rewords security failures with the user and protocol, keeping the original as cause', async () => {
    const original = Object.assign(new Error('SASL SCRAM-SHA-512 authentication failed: bad'), {
      name: 'KafkaJSSASLAuthenticationError',
    });
    const spec = {
      securityProtocol: 'SASL_SSL' as const,
      sasl: { mechanism: 'SCRAM-SHA-512' as const, username: 'bob', password: 'pw-never-shown' },
    };
    const client = withConnectionContext(failingClient(original), spec);
    await assert.rejects(client.admin().connect(), (e: Error) => {
      assert.equal(e.name, 'UserError');
      assert.match(describeError(e), /^authentication failed for user bob \(SASL SCRAM-SHA-512\)/);
      assert.ok(!e.message.includes('pw-never-shown'));
      assert.equal(e.cause, original);
      return true;
    });
  });

  it('passes other failures through unchanged', async () => {
    const other = Object.assign(new Error('the topic'), { type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    const client = withConnectionContext(failingClient(other), { securityProtocol: 'PLAINTEXT' });
    await assert.rejects(client.admin().connect(), (e) => e === other);
  });
});
