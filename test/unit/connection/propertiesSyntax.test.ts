import assert from 'node:assert/strict';
import { parsePropertiesText } from '../../../src/core/kafka/connection/propertiesSyntax';

function entries(text: string): Array<[string, string, number]> {
  return parsePropertiesText(text, 'client.properties').map((e) => [e.key, e.value, e.line]);
}

describe('parsePropertiesText (Java .properties syntax)', () => {
  it('reads key=value, key: value and key value, skipping # and ! comments and blank lines', () => {
    const text = '# comment\n! also a comment\n\na=1\nb: 2\nc 3\n  d  =  4\ne\n';
    assert.deepEqual(entries(text), [
      ['a', '1', 4],
      ['b', '2', 5],
      ['c', '3', 6],
      ['d', '4', 7],
      ['e', '', 8],
    ]);
  });

  it('joins continued lines, dropping the leading blanks of the next line, and keeps the first line number', () => {
    const text = 'x=1\nsasl.jaas.config=org.Plain required \\\n    username="u" \\\n    password="p";\ny=2';
    assert.deepEqual(entries(text), [
      ['x', '1', 1],
      ['sasl.jaas.config', 'org.Plain required username="u" password="p";', 2],
      ['y', '2', 5],
    ]);
  });

  it('does not continue a line ending in an escaped backslash', () => {
    assert.deepEqual(entries('path=C:\\\\\nnext=1'), [
      ['path', 'C:\\', 1],
      ['next', '1', 2],
    ]);
  });

  it('unescapes \\t \\n \\uXXXX, escaped separators in keys and any other escaped character', () => {
    assert.deepEqual(entries('my\\=key\\ x=a\\tb\\n\\u00e9\\#\\q'), [['my=key x', 'a\tb\n\u00e9#q', 1]]);
  });

  it('accepts CRLF and CR line ends and a byte order mark', () => {
    assert.deepEqual(entries('\uFEFFa=1\r\nb=2\rc=3'), [
      ['a', '1', 1],
      ['b', '2', 2],
      ['c', '3', 3],
    ]);
  });

  it('refuses a malformed \\u escape, naming file and line', () => {
    assert.throws(() => parsePropertiesText('a=1\nb=\\u12G4', 'client.properties'), {
      name: 'UserError',
      message: 'client.properties:2: malformed \\u escape "\\u12G4" (expected 4 hex digits)',
    });
  });
});
