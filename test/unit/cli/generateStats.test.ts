import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, type CliIO } from '../../../src/cli/command';
import { generateCommand, parseStartTime } from '../../../src/cli/commands/generate';
import { statsCommand } from '../../../src/cli/commands/stats';
import { main } from '../../../src/cli/main';
import { useTempDir } from '../tempFiles';

function capture(): CliIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), signal: new AbortController().signal };
}

describe('CLI generate and stats', function () {
  this.timeout(20_000);
  const dir = useTempDir();

  it('generate --json prints one summary object and the same arguments give the same bytes', async () => {
    const files = [path.join(dir(), 'a.txt'), path.join(dir(), 'b.txt')];
    const summaries = [];
    for (const file of files) {
      const io = capture();
      const code = await generateCommand.run(
        [
          '--format',
          'web',
          '--out',
          file,
          '--users',
          '50',
          '--seed',
          '42',
          '--start',
          '2025-10-16T21:16:47.779Z',
          '--json',
        ],
        io,
      );
      assert.equal(code, 0);
      summaries.push(JSON.parse(io.lines[io.lines.length - 1]));
    }
    assert.deepEqual(fs.readFileSync(files[0]), fs.readFileSync(files[1]));
    const { elapsedMs: _a, file: _f, ...first } = summaries[0];
    assert.deepEqual(first, {
      format: 'web',
      lines: fs.readFileSync(files[0], 'utf8').trimEnd().split('\n').length,
      visitors: 50,
      sessions: first.sessions,
      bytes: fs.statSync(files[0]).size,
      seed: '42',
      start: '2025-10-16T21:16:47.779Z',
      end: first.end,
    });
  });

  it('stats --json prints exactly the snapshot schema', async () => {
    const file = path.join(dir(), 'access.log');
    await generateCommand.run(['--format', 'nginx', '--out', file, '--lines', '500', '--seed', 's'], capture());
    fs.appendFileSync(file, 'garbage line\n');
    const io = capture();
    assert.equal(await statsCommand.run([file, '--json'], io), 0);
    assert.equal(io.lines.length, 1);
    const stats = JSON.parse(io.lines[0]);
    assert.deepEqual(Object.keys(stats), [
      'format',
      'messages',
      'parsed',
      'unparsed',
      'uniqueVisitors',
      'status',
      'methods',
      'bytes',
      'sessions',
      'topPaths',
      'unparsedSamples',
    ]);
    assert.deepEqual([stats.format, stats.messages, stats.parsed, stats.unparsed], ['nginx', 501, 500, 1]);
    assert.deepEqual(stats.unparsedSamples, [{ line: 501, text: 'garbage line' }]);
    const human = capture();
    assert.equal(await statsCommand.run([file, '--format', 'nginx'], human), 0);
    assert.match(human.lines.join('\n'), /unique visitors/);
  });

  it('rejects bad arguments with a usage error', async () => {
    const out = path.join(dir(), 'x.log');
    const bad = [
      [],
      ['--format', 'xml', '--out', out],
      ['--format', 'web'],
      ['--format', 'web', '--out', out, '--users', '-3'],
      ['--format', 'web', '--out', out, '--start', 'yesterday'],
      ['--format', 'web', '--out', out, '--think-time', '0.5'],
      ['--format', 'web', '--out', out, '--colour'],
    ];
    for (const argv of bad) await assert.rejects(generateCommand.run(argv, capture()), UsageError, argv.join(' '));
    await assert.rejects(statsCommand.run([], capture()), UsageError);
    await assert.rejects(statsCommand.run(['a', 'b'], capture()), UsageError);
    await assert.rejects(statsCommand.run([out, '--format', 'csv'], capture()), UsageError);
  });

  it('reads --start as UTC unless it names a zone', () => {
    assert.equal(parseStartTime('2025-10-16T21:16:47'), Date.UTC(2025, 9, 16, 21, 16, 47));
    assert.equal(parseStartTime('2025-10-16 21:16'), Date.UTC(2025, 9, 16, 21, 16));
    assert.equal(parseStartTime('2025-10-16'), Date.UTC(2025, 9, 16));
    assert.equal(parseStartTime('2025-10-16T21:16:47+02:00'), Date.UTC(2025, 9, 16, 19, 16, 47));
  });

  it('is wired into the CLI: help, exit codes and errors', async () => {
    const help = capture();
    assert.equal(await main(['generate', '--help'], help), 0);
    assert.match(help.lines[0], /^Usage: kafka-log-lab generate/);
    const usage = capture();
    assert.equal(await main(['stats'], usage), 2);
    assert.match(usage.errors[0], /FILE is required/);
    const missing = capture();
    assert.equal(await main(['stats', path.join(dir(), 'nope.log')], missing), 1);
    assert.match(missing.errors[0], /no such file/);
  });
});
