import assert from 'node:assert/strict';
import { UserError } from '../../../src/core/errors';
import { checkProducibleFile } from '../../../src/core/kafka/producibleFile';
import { useTempDir, writeFile } from '../tempFiles';

describe('producible file check', () => {
  const dir = useTempDir();

  it('accepts a file of log lines', async () => {
    const file = writeFile(dir(), 'web.log', 'a line\nanother line\n');
    assert.deepEqual(await checkProducibleFile(file), { kind: 'lines' });
  });

  it('calls an empty file empty and says that nothing is created', async () => {
    const file = writeFile(dir(), 'empty.log', '');
    const content = await checkProducibleFile(file);
    assert.equal(content.kind, 'empty');
    assert.equal(content.problem, `${file}: is empty; there is nothing to produce, so no topic was created`);
  });

  it('calls a file of blank lines (and a byte order mark) empty too', async () => {
    const file = writeFile(dir(), 'blank.log', '\uFEFF\n  \r\n\t\n');
    const content = await checkProducibleFile(file);
    assert.equal(content.kind, 'empty');
    assert.match(content.problem ?? '', /blank\.log: holds only blank lines/);
  });

  it('calls a file with NUL bytes binary, naming it', async () => {
    const file = writeFile(dir(), 'image.log', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a, 0x41]));
    const content = await checkProducibleFile(file);
    assert.equal(content.kind, 'binary');
    assert.match(content.problem ?? '', /image\.log: looks like a binary file \(NUL bytes in its first block\)/);
  });

  it('throws a UserError naming a missing file or a directory', async () => {
    await assert.rejects(
      checkProducibleFile(`${dir()}/missing.log`),
      (e: unknown) => e instanceof UserError && /missing\.log: no such file/.test(e.message),
    );
    await assert.rejects(checkProducibleFile(dir()), /is a directory/);
  });
});
