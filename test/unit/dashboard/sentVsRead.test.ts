import assert from 'node:assert/strict';
import { SentVsReadTally } from '../../../src/host/dashboard/sentVsRead';

describe('SentVsReadTally', () => {
  it('counts duplicates, missing and other messages by line number and file id', () => {
    const tally = new SentVsReadTally();
    for (const n of [1, 2, 3, 3, 5]) tally.add(String(n), 'file-a');
    tally.add('1', 'file-b');
    tally.add(undefined, undefined);
    assert.deepEqual(tally.result({ file: 'a.log', acked: 5, sourceId: 'file-a' }),
      { file: 'a.log', produced: 5, read: 5, duplicates: 1, missing: 1, other: 2, exact: true });
  });

  it('counts every tagged message as the file when its id is not known', () => {
    const tally = new SentVsReadTally();
    for (const n of [1, 2]) tally.add(String(n), 'x');
    assert.deepEqual(tally.result({ file: 'a.log', acked: 2 }),
      { file: 'a.log', produced: 2, read: 2, duplicates: 0, missing: 0, other: 0, exact: true });
  });

  it('reads nothing of a named file that has not arrived yet', () => {
    const tally = new SentVsReadTally();
    tally.add('1', 'other');
    const r = tally.result({ file: 'a.log', acked: 3, sourceId: 'mine' });
    assert.deepEqual([r.read, r.missing, r.other], [0, 3, 1]);
  });

  it('compares counts only when messages carry no line numbers', () => {
    const tally = new SentVsReadTally();
    tally.add(undefined, undefined);
    tally.add('not a number', undefined);
    assert.deepEqual(tally.result({ file: 'a.log', acked: 3 }),
      { file: 'a.log', produced: 3, read: 2, duplicates: 0, missing: 1, other: 0, exact: false });
  });
});
