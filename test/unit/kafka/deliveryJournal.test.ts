import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DeliveryJournal,
  entryOf,
  journalledOffsets,
  readJournal,
  unjournalledOffsets,
} from '../../../src/core/kafka/deliveryJournal';
import { UnjournalledMessages, contentOf } from '../../../src/core/kafka/resumeWindow';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-journal-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('delivery journal', () => {
  it('reads back what was appended and ignores a torn last line', () => {
    const file = path.join(dir, 'torn.journal');
    const journal = new DeliveryJournal(file, true);
    journal.append({
      from: 1,
      to: 10,
      at: [
        [0, 0, 4],
        [1, 0, 6],
      ],
    });
    journal.append({ from: 11, to: 20, at: [[2, 0, 10]] });
    journal.close();
    fs.appendFileSync(file, '{"from":21,"to":3');
    assert.deepEqual(readJournal(file), [
      {
        from: 1,
        to: 10,
        at: [
          [0, 0, 4],
          [1, 0, 6],
        ],
      },
      { from: 11, to: 20, at: [[2, 0, 10]] },
    ]);
    const resumed = new DeliveryJournal(file, false);
    resumed.append({ from: 21, to: 21, at: [[0, 4, 1]] });
    resumed.close();
    assert.equal(readJournal(file)!.length, 3, 'a resume appends after the torn line');
    assert.equal(readJournal(path.join(dir, 'none.journal')), undefined);
  });

  it('starts empty for a new run', () => {
    const file = path.join(dir, 'fresh.journal');
    fs.writeFileSync(file, '{"from":1,"to":2,"at":[]}\n');
    new DeliveryJournal(file, true).close();
    assert.deepEqual(readJournal(file), []);
  });

  it("builds an entry from a send's lines and the broker's base offsets", () => {
    const sent = [
      { line: 3, message: { partition: 1 } },
      { line: 4, message: { partition: 0 } },
      { line: 7, message: { partition: 1 } },
    ];
    const reports = [
      { partition: 1, baseOffset: '40' },
      { partition: 0, baseOffset: '12' },
    ];
    assert.deepEqual(entryOf(sent, reports), {
      from: 3,
      to: 7,
      at: [
        [1, 40, 2],
        [0, 12, 1],
      ],
    });
    assert.equal(entryOf(sent, [{ partition: 1, baseOffset: '40' }]), undefined, 'a partition without an answer');
    assert.equal(entryOf(sent, [...reports.slice(0, 1), { partition: 0, baseOffset: '' }]), undefined);
  });

  it('finds the offsets no acknowledged send accounts for', () => {
    const covered = journalledOffsets([
      { from: 1, to: 5, at: [[0, 10, 5]] },
      { from: 9, to: 9, at: [[0, 20, 1]] },
      { from: 6, to: 8, at: [[0, 15, 3]] },
    ]).get(0)!;
    assert.deepEqual(covered, [
      [10, 18],
      [20, 21],
    ]);
    assert.deepEqual(unjournalledOffsets(covered, 10, 25), [
      [18, 20],
      [21, 25],
    ]);
    assert.deepEqual(unjournalledOffsets(covered, 0, 21), [
      [0, 10],
      [18, 20],
    ]);
    assert.deepEqual(unjournalledOffsets([], 5, 5), []);
  });
});

describe('messages whose send was never confirmed', () => {
  it('gives each line one message of its own content in its own partition, with its offset', () => {
    const window = new UnjournalledMessages();
    window.add(0, 7, contentOf('k', Buffer.from('same')));
    window.add(0, 9, contentOf('k', Buffer.from('same')));
    window.add(1, 3, contentOf(null, Buffer.from('same')));
    const line = { key: 'k', value: Buffer.from('same'), partition: 0 };
    assert.equal(window.take(0, line), 7);
    assert.equal(window.take(0, line), 9, 'a repeated line takes the next copy');
    assert.equal(window.take(0, line), undefined, 'no third copy arrived');
    assert.equal(window.take(1, { key: 'k', value: 'same' }), undefined, 'the key is part of the content');
    assert.equal(window.take(1, { key: null, value: 'same' }), 3);
  });

  it('tells keys and values apart byte for byte', () => {
    assert.notEqual(contentOf('ab', 'c'), contentOf('a', 'bc'));
    assert.notEqual(contentOf(null, 'x'), contentOf('', 'x'));
    assert.equal(contentOf('é', 'x'), contentOf(Buffer.from('é'), Buffer.from('x')));
  });
});
