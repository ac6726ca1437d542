import assert from 'node:assert/strict';
import { formatTable } from '../../../src/cli/textTable';

describe('formatTable', () => {
  it('aligns columns, numbers to the right with thousands separators, and shows missing values as -', () => {
    assert.deepEqual(
      formatTable(
        ['topic', 'messages'],
        [
          ['a', 5],
          ['longer-name', 1200],
          ['c', null],
        ],
      ),
      [
        'topic        messages',
        '-----------  --------',
        'a                   5',
        'longer-name     1,200',
        'c                   -',
      ],
    );
  });

  it('prints identifier columns as they are', () => {
    assert.deepEqual(
      formatTable(['partition', 'leader', 'messages'], [[0, 1001, 3000]], { identifiers: ['partition', 'leader'] }),
      ['partition  leader  messages', '---------  ------  --------', '        0    1001     3,000'],
    );
  });
});
