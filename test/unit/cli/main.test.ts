import assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import { commands } from '../../../src/cli/commands';
import type { CliIO } from '../../../src/cli/command';
import { version } from '../../../package.json';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), signal: new AbortController().signal };
  return { io, out, err };
}

describe('CLI', () => {
  it('prints the version from package.json', async () => {
    const { io, out } = capture();
    assert.equal(await main(['--version'], io), 0);
    assert.equal(out[0], version);
  });

  it('lists every command in --help', async () => {
    const { io, out } = capture();
    assert.equal(await main(['--help'], io), 0);
    for (const c of commands) assert.match(out.join('\n'), new RegExp(`\\b${c.name}\\b`));
  });

  it('has --help for every command, exit 0', async () => {
    for (const c of commands) {
      const { io, out } = capture();
      assert.equal(await main([c.name, '--help'], io), 0, c.name);
      assert.match(out.join('\n'), /Usage: kafka-log-lab/, c.name);
    }
  });

  it('rejects an unknown command and an unknown flag with one line on stderr', async () => {
    let { io, err } = capture();
    assert.equal(await main(['frobnicate'], io), 2);
    assert.equal(err.length, 1);
    ({ io, err } = capture());
    assert.equal(await main(['broker', 'start', '--bogus'], io), 2);
    assert.equal(err.length, 1);
    assert.match(err[0], /--bogus/);
  });
});
