import assert from 'node:assert/strict';
import { VerifyTally, contentKey } from '../../../src/core/verify/verifyTally';

const b = (text: string) => Buffer.from(text, 'utf8');

/** Feeds the file's lines (1-based, as `produce` numbers them) and returns the result. */
function compare(tally: VerifyTally, fileLines: string[], ownSource?: string) {
  tally.startFile(ownSource);
  fileLines.forEach((line, i) => tally.addFileLine(i + 1, b(line)));
  return tally.result();
}

function byLineNumber(lines: number[], source = 'src1'): VerifyTally {
  const tally = new VerifyTally();
  for (const n of lines) tally.addMessage(b(`value of ${n}`), String(n), source);
  return tally;
}

function byContent(values: string[]): VerifyTally {
  const tally = new VerifyTally();
  for (const v of values) tally.addMessage(b(v));
  return tally;
}

describe('VerifyTally by line number', () => {
  const file = ['a', 'b', '', 'c', 'a'];

  it('reports 0/0/0 when each non-empty line arrived once, in any order', () => {
    const result = compare(byLineNumber([5, 2, 4, 1]), file, 'src1');
    assert.deepEqual(
      { ...result },
      {
        lines: 4,
        emptyLines: 1,
        messages: 4,
        missing: 0,
        duplicates: 0,
        unexpected: 0,
        mode: 'line-number',
        firstMissing: [],
        firstDuplicated: [],
        unparsedLines: 0,
      },
    );
  });

  it('tells a dropped line from a doubled one even when their contents are equal', () => {
    // Lines 1 and 5 are both "a": content matching could not tell which one was lost.
    const result = compare(byLineNumber([1, 1, 2, 4]), file, 'src1');
    assert.equal(result.missing, 1);
    assert.deepEqual(result.firstMissing, [5]);
    assert.equal(result.duplicates, 1);
    assert.deepEqual(result.firstDuplicated, [1]);
    assert.equal(result.unexpected, 0);
  });

  it('counts messages without our headers, for empty lines or past the end as unexpected', () => {
    const tally = byLineNumber([1, 2, 4, 5, 3, 99]);
    tally.addMessage(b('from kcat'));
    tally.addMessage(b('bad header'), 'x', 'src1');
    const result = compare(tally, file, 'src1');
    assert.equal(result.messages, 8);
    assert.equal(result.missing, 0);
    assert.equal(result.duplicates, 0);
    assert.equal(result.unexpected, 4);
  });

  it('prefers its own source id and counts other files as unexpected', () => {
    const tally = byLineNumber([1, 2, 4, 5], 'mine');
    for (const n of [1, 2]) tally.addMessage(b('other'), String(n), 'other-file');
    const result = compare(tally, file, 'mine');
    assert.deepEqual([result.missing, result.duplicates, result.unexpected], [0, 0, 2]);
  });

  it('falls back to every source when its own id is absent (file produced from another path)', () => {
    const result = compare(byLineNumber([1, 2, 4, 5], 'elsewhere'), file, 'mine');
    assert.deepEqual([result.missing, result.duplicates, result.unexpected], [0, 0, 0]);
  });

  it('lists at most 10 first missing lines, in file order', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `l${i + 1}`);
    const result = compare(byLineNumber([1, 2, 3]), lines);
    assert.equal(result.missing, 27);
    assert.deepEqual(result.firstMissing, [4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('handles line numbers far beyond its initial capacity', () => {
    const tally = byLineNumber([100000, 100000]);
    tally.startFile();
    tally.addFileLine(100000, b('x'));
    const result = tally.result();
    assert.deepEqual([result.missing, result.duplicates, result.unexpected], [0, 1, 0]);
  });
});

describe('VerifyTally by content', () => {
  it('reports 0/0/0 for the same multiset of lines', () => {
    const result = compare(byContent(['b', 'a', 'a', 'c']), ['a', 'b', 'c', '', 'a']);
    assert.deepEqual(
      [result.lines, result.messages, result.missing, result.duplicates, result.unexpected],
      [4, 4, 0, 0, 0],
    );
    assert.equal(result.mode, 'content');
  });

  it("counts copies beyond the file's own count as duplicates and foreign values as unexpected", () => {
    const result = compare(byContent(['a', 'a', 'a', 'b', 'zzz', '']), ['a', 'a', 'b', 'c']);
    assert.equal(result.missing, 1);
    assert.deepEqual(result.firstMissing, [4]);
    assert.equal(result.duplicates, 1);
    assert.deepEqual(result.firstDuplicated, [1], 'the first line whose content arrived too often');
    assert.equal(result.unexpected, 2, 'the foreign value and the empty message');
  });

  it('names the first line of each duplicated content, in file order, at most 10', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `l${i + 1}`);
    const values = [...lines, ...lines.slice(5).reverse(), 'l7'];
    const result = compare(byContent(values), ['x', ...lines]);
    assert.equal(result.duplicates, 26);
    assert.deepEqual(result.firstDuplicated, [7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    assert.deepEqual(result.firstMissing, [1]);
  });

  it('counts lines that do not become a message as unparsed, neither expected nor missing', () => {
    const tally = byContent(['{"a":1}']);
    tally.startFile();
    tally.addFileLine(1, b('{"a":1}'));
    tally.addUnparsedLine();
    const result = tally.result();
    assert.deepEqual([result.lines, result.unparsedLines, result.missing, result.unexpected], [1, 1, 0, 0]);
  });

  it('says whether a content was read, before the file takes it', () => {
    const tally = byContent(['a']);
    assert.equal(tally.holdsContent(b('a\r\n')), true);
    assert.equal(tally.holdsContent(b('b')), false);
  });

  it('compares bytes exactly, ignoring only a BOM and a trailing line break', () => {
    assert.equal(contentKey(b('\ufeffhello\r\n')), contentKey(b('hello')));
    assert.equal(contentKey(b('hello\n')), contentKey(b('hello')));
    assert.notEqual(contentKey(b('héllo')), contentKey(b('hello')));
    assert.notEqual(
      contentKey(Buffer.from([0xff, 0x41])),
      contentKey(Buffer.from([0xfe, 0x41])),
      'distinct invalid UTF-8 stays distinct',
    );
    assert.equal(contentKey(null), '');
  });
});
