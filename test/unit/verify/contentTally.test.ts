import assert from 'node:assert/strict';
import { ContentTally } from '../../../src/core/verify/contentTally';

const lines = (...texts: string[]) => texts.map((t) => Buffer.from(t));

describe('ContentTally (live sent vs read by content)', () => {
  it('says nothing until the file is known, then matches what was read before and after', () => {
    const tally = new ContentTally();
    tally.add(Buffer.from('a'));
    assert.equal(tally.againstAcked(3), undefined);
    tally.expect(lines('a', 'b', '', 'a'));
    tally.add(Buffer.from('b'));
    const r = tally.againstAcked(3)!;
    assert.deepEqual([r.matched, r.missing, r.duplicates, r.unexpected, r.exact], [2, 1, 0, 0, true]);
  });

  it('tells a duplicate from a repeated line of the file, and counts foreign messages', () => {
    const tally = new ContentTally();
    tally.expect(lines('x', 'x', 'y'));
    for (const v of ['x', 'x', 'x', 'y', 'z']) tally.add(Buffer.from(v));
    const r = tally.againstAcked(3)!;
    assert.deepEqual([r.matched, r.missing, r.duplicates, r.unexpected], [3, 0, 1, 1]);
  });

  it('ignores a trailing CRLF and a BOM as verify does', () => {
    const tally = new ContentTally();
    tally.expect(lines('line one'));
    tally.add(Buffer.from('\ufeffline one\r\n'));
    assert.equal(tally.againstAcked(1)!.matched, 1);
  });
});
