import assert from 'node:assert/strict';
import { ReadTally } from '../../../src/core/verify/readTally';
import { VerifyTally } from '../../../src/core/verify/verifyTally';

/** Messages as [line header, source header]; undefined: a message without our headers. */
type Tagged = [string | undefined, string | undefined];

function readAll(messages: Tagged[], tally = new ReadTally()): ReadTally {
  for (const [line, source] of messages) tally.addMessage(null, line, source);
  return tally;
}

describe('ReadTally against the acknowledged count (the dashboard\'s "Sent vs read")', () => {
  it('counts duplicates, missing and other messages by line number and file id', () => {
    const tally = readAll([
      ['1', 'file-a'],
      ['2', 'file-a'],
      ['3', 'file-a'],
      ['3', 'file-a'],
      ['5', 'file-a'],
      ['1', 'file-b'],
      [undefined, undefined],
    ]);
    // read 5 = 4 lines + 1 extra copy; other 2 = file-b's message and the untagged one
    assert.deepEqual(tally.againstAcked(5, 'file-a'), {
      sent: 5,
      messages: 7,
      matched: 4,
      missing: 1,
      duplicates: 1,
      unexpected: 2,
      mode: 'line-number',
    });
  });

  it('counts every tagged message as the file when its id is not known', () => {
    const tally = readAll([
      ['1', 'x'],
      ['2', 'x'],
    ]);
    assert.deepEqual(tally.againstAcked(2), {
      sent: 2,
      messages: 2,
      matched: 2,
      missing: 0,
      duplicates: 0,
      unexpected: 0,
      mode: 'line-number',
    });
  });

  it('falls back to every file id when the named file has none of the messages, as verify does', () => {
    const r = readAll([['1', 'other']]).againstAcked(3, 'mine');
    assert.deepEqual([r.matched + r.duplicates, r.missing, r.unexpected], [1, 2, 0]);
  });

  it('compares counts only when messages carry no line numbers', () => {
    const tally = readAll([
      [undefined, undefined],
      ['not a number', undefined],
    ]);
    assert.deepEqual(tally.againstAcked(3), {
      sent: 3,
      messages: 2,
      matched: 2,
      missing: 1,
      duplicates: 0,
      unexpected: 0,
      mode: 'content',
    });
  });

  it('counts line numbers beyond its typed array without allocating for them', () => {
    const r = readAll([
      ['4000000000', 's'],
      ['4000000000', 's'],
      ['1', 's'],
    ]).againstAcked(2, 's');
    assert.deepEqual([r.matched, r.duplicates, r.missing], [2, 1, 0]);
  });
});

describe('verify and the live "Sent vs read" give the same numbers', () => {
  const fileLines = ['a', 'b', 'c', 'd', 'e'];
  const cases: Array<{ name: string; messages: Tagged[]; own?: string }> = [
    {
      name: 'every line once',
      messages: [
        ['1', 's'],
        ['2', 's'],
        ['3', 's'],
        ['4', 's'],
        ['5', 's'],
      ],
      own: 's',
    },
    {
      name: 'a lost line and a doubled one',
      messages: [
        ['1', 's'],
        ['1', 's'],
        ['2', 's'],
        ['3', 's'],
        ['5', 's'],
      ],
      own: 's',
    },
    {
      name: 'another file and an untagged message',
      messages: [
        ['1', 's'],
        ['2', 's'],
        ['3', 's'],
        ['1', 't'],
        [undefined, undefined],
      ],
      own: 's',
    },
    {
      name: 'the own id absent',
      messages: [
        ['1', 'x'],
        ['2', 'y'],
        ['2', 'y'],
        ['4', 'x'],
      ],
      own: 's',
    },
    {
      name: 'no file id given',
      messages: [
        ['5', 'x'],
        ['3', 'x'],
        ['3', 'x'],
      ],
    },
  ];
  for (const { name, messages, own } of cases) {
    it(name, () => {
      const verify = readAll(messages, new VerifyTally()) as VerifyTally;
      verify.startFile(own);
      fileLines.forEach((line, i) => verify.addFileLine(i + 1, Buffer.from(line)));
      const file = verify.result();
      const live = readAll(messages).againstAcked(fileLines.length, own);
      assert.deepEqual(
        [live.messages, live.missing, live.duplicates, live.unexpected, live.mode],
        [file.messages, file.missing, file.duplicates, file.unexpected, file.mode],
      );
    });
  }
});
