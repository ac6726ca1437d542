import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readRecord, recordPath, writeRecordAtomically } from '../../../src/core/io/keyedRecordStore';
import { useTempDir, writeFile } from '../tempFiles';

describe('keyedRecordStore', () => {
  const dir = useTempDir();

  it('names a record by the sha1 of its key, cut to the digits asked for', () => {
    // sha1('abc') = a9993e364706816aba3e25717850c26c9cd0d89d
    assert.equal(recordPath('/cache', 'abc'), path.join('/cache', 'a9993e364706816aba3e25717850c26c9cd0d89d.json'));
    assert.equal(recordPath('/cache', 'abc', 16), path.join('/cache', 'a9993e364706816a.json'));
  });

  it('reads back what it wrote, creating the folder, with the indent asked for', () => {
    const file = recordPath(path.join(dir(), 'nested', 'records'), 'topic-a');
    writeRecordAtomically(file, { topic: 'topic-a', counts: [1, 2] }, { indent: 2 });
    assert.deepEqual(readRecord(file), { topic: 'topic-a', counts: [1, 2] });
    assert.equal(fs.readFileSync(file, 'utf8'), JSON.stringify({ topic: 'topic-a', counts: [1, 2] }, null, 2));
  });

  it('replaces an earlier record and leaves no temp file behind', () => {
    const records = path.join(dir(), 'replaced');
    const file = recordPath(records, 'key');
    writeRecordAtomically(file, { n: 1 });
    writeRecordAtomically(file, { n: 2 });
    assert.deepEqual(readRecord(file), { n: 2 });
    assert.deepEqual(fs.readdirSync(records), [path.basename(file)]);
  });

  it('has no record for a missing file', () => {
    assert.equal(readRecord(recordPath(dir(), 'never written')), undefined);
    assert.equal(readRecord(path.join(dir(), 'no-such-folder', 'x.json')), undefined);
  });

  it('has no record for a file that is not JSON', () => {
    assert.equal(readRecord(writeFile(dir(), 'corrupt.json', '{"topic": "cut sh')), undefined);
  });
});
