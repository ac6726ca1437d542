import assert from 'node:assert/strict';
import { formatFields, formatTable } from '../../../src/cli/textTable';

describe('formatTable', () => {
  it('aligns columns, numbers to the right, and shows missing values as -', () => {
    assert.deepEqual(formatTable(['topic', 'messages'], [['a', 5], ['longer-name', 1200], ['c', null]]), [
      'topic        messages',
      '-----------  --------',
      'a                   5',
      'longer-name      1200',
      'c                   -',
    ]);
  });
});

describe('formatFields', () => {
  it('flattens nested fields and puts counters on one line, largest first', () => {
    const lines = formatFields({ messages: 3, sessions: { closed: 1 }, pages: { home: 1, faq: 4, cart: 2, about: 3 }, samples: [] });
    assert.deepEqual(lines, ['messages: 3', 'sessions.closed: 1', 'pages: faq 4, about 3, cart 2, home 1', 'samples: -']);
  });
});
