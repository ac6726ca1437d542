import assert from 'node:assert/strict';
import { labMessageKey, labMessages } from '../../../src/core/lab/labMessages';
import { parseLine } from '../../../src/core/parse';

describe('lab messages', () => {
  it('are exactly `count` nginx access-log lines with unique, numbered keys', () => {
    const messages = labMessages('run1', 500, 2500, Date.UTC(2025, 9, 16));
    assert.equal(messages.length, 2500);
    assert.equal(messages[0].key, labMessageKey('run1', 500));
    assert.equal(messages[2499].key, 'run1-2999');
    assert.equal(new Set(messages.map((m) => m.key)).size, 2500);
    for (const m of messages.slice(0, 50)) assert.ok(parseLine('nginx', String(m.value)), String(m.value));
  });

  it('nothing for a count of zero', () => {
    assert.deepEqual(labMessages('r', 0, 0, 0), []);
  });
});
