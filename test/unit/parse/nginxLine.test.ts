import assert from 'node:assert/strict';
import { parseLine, parseNginxLine, parseNginxTime, visitorOf } from '../../../src/core/parse';
import { SeededRandom } from '../../../src/core/generate/random';
import { INVALID_LINES, VALID_LINES } from '../fixtures/nginxCorpus';

describe('nginx parser', () => {
  for (const c of VALID_LINES) {
    it(`reads ${c.name}`, () => {
      const record = parseNginxLine(c.line);
      assert.ok(record, 'the line should parse');
      for (const [field, value] of Object.entries(c.expect)) {
        assert.deepEqual(record[field as keyof typeof record], value, `field ${field}`);
      }
    });
  }

  for (const c of INVALID_LINES) {
    it(`rejects ${c.name}`, () => assert.equal(parseNginxLine(c.line), undefined));
  }

  it('returns JSON-serialisable records', () => {
    const record = parseNginxLine(VALID_LINES[0].line);
    assert.deepEqual(JSON.parse(JSON.stringify(record)), record);
  });

  it('never throws on any prefix or random corruption of real lines', () => {
    const random = new SeededRandom('nginx-fuzz');
    for (const c of VALID_LINES) {
      if (c.line.length > 2000) continue;
      for (let end = 0; end <= c.line.length; end++) parseNginxLine(c.line.slice(0, end));
      for (let k = 0; k < 200; k++) {
        const chars = [...c.line];
        const at = random.int(chars.length);
        chars[at] = random.pick(['"', '\\', ' ', '[', ']', '-', '\u0000', '\uFEFF', 'é']);
        const record = parseNginxLine(chars.join(''));
        if (record) assert.equal(typeof record.ts, 'number');
      }
    }
  });

  it('uses the client address as the visitor, except for "-"', () => {
    const record = parseLine('nginx', VALID_LINES[1].line);
    assert.ok(record);
    assert.equal(visitorOf('nginx', record), '2001:db8:85a3::8a2e:370:7334');
    const anonymous = parseLine('nginx', '- - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 200 1 "-" "-"');
    assert.ok(anonymous);
    assert.equal(visitorOf('nginx', anonymous), undefined);
  });

  it('applies the time zone and rejects impossible times', () => {
    assert.equal(parseNginxTime('16/Oct/2025:21:16:47 +0000'), Date.UTC(2025, 9, 16, 21, 16, 47));
    assert.equal(parseNginxTime('16/Oct/2025:23:16:47 +0200'), Date.UTC(2025, 9, 16, 21, 16, 47));
    assert.equal(parseNginxTime('16/Oct/2025:21:16:47 -0930'), Date.UTC(2025, 9, 17, 6, 46, 47));
    assert.ok(Number.isNaN(parseNginxTime('32/Oct/2025:21:16:47 +0000')));
    assert.ok(Number.isNaN(parseNginxTime('16/Oct/2025:21:60:47 +0000')));
    assert.ok(Number.isNaN(parseNginxTime('16/Oct/2025 21:16:47 +0000')));
  });
});
