import assert from 'node:assert/strict';
import { isTransientMetadataError, retryTransient } from '../../../src/core/kafka/transientRetry';

describe('retryTransient', () => {
  it('retries leadership errors until the call succeeds', async () => {
    let calls = 0;
    const result = await retryTransient(async () => {
      if (++calls < 3)
        throw Object.assign(new Error('This server is not the leader for that topic-partition'), {
          type: 'NOT_LEADER_FOR_PARTITION',
        });
      return 'ok';
    });
    assert.equal(result, 'ok');
    assert.equal(calls, 3);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await assert.rejects(
      retryTransient(async () => {
        calls++;
        throw new Error('Connection error: connect ECONNREFUSED');
      }),
      /ECONNREFUSED/,
    );
    assert.equal(calls, 1);
  });

  it('classifies errors by type and message', () => {
    assert.equal(isTransientMetadataError({ type: 'LEADER_NOT_AVAILABLE', message: '' }), true);
    assert.equal(isTransientMetadataError(new Error('The group is not empty')), false);
  });
});
