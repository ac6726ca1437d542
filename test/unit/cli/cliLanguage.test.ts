// The built CLI (dist/cli.js, as the terminal runs it) in the user's language: French with
// KAFKA_LOG_LAB_LANG=fr or a French POSIX locale, from the bundle shipped next to dist/, and the
// English output unchanged without one. Numbers keep en-US digits in every language.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');
const LANGUAGE_VARS = ['KAFKA_LOG_LAB_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'];

function run(args: string[], language: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of LANGUAGE_VARS) delete env[name];
  return spawnSync(process.execPath, [CLI, ...args], { env: { ...env, ...language }, encoding: 'utf8' });
}

describe('the CLI in the user language (dist/cli.js)', function () {
  this.timeout(30000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-cli-lang-'));
  const log = path.join(dir, 'web.log');
  const generate = ['generate', '--format', 'web', '--out', log, '--users', '3', '--seed', '7'];
  const fixed = [...generate, '--start', '2025-10-16T00:00:00Z'];
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('speaks French with KAFKA_LOG_LAB_LANG=fr: errors and summaries', () => {
    const bad = run(['topics', 'list', '--bogus'], { KAFKA_LOG_LAB_LANG: 'fr' });
    assert.equal(bad.status, 2);
    assert.equal(
      bad.stderr,
      'kafka-log-lab topics\u00a0: option inconnue --bogus (essayez kafka-log-lab topics --help)\n',
    );
    const made = run(fixed, { KAFKA_LOG_LAB_LANG: 'fr' });
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /^\d+ lignes web écrites \(3 visiteurs, \d+\.\d Mo\) dans .*\u00a0; graine "7", de /);
    const stats = run(['stats', log], { LANG: 'fr_FR.UTF-8' });
    assert.match(stats.stdout, /^statistiques web de /);
    assert.match(stats.stdout, /\n {2}visiteurs uniques 3\n/);
  });

  it('keeps the English output as it was without a language, or with C or English', () => {
    const languages: Array<Record<string, string>> = [
      {},
      { LANG: 'C.UTF-8' },
      { KAFKA_LOG_LAB_LANG: 'en', LANG: 'fr_FR.UTF-8' },
    ];
    for (const language of languages) {
      const bad = run(['topics', 'list', '--bogus'], language);
      assert.equal(bad.stderr, 'kafka-log-lab topics: unknown option --bogus (try kafka-log-lab topics --help)\n');
      const made = run(fixed, language);
      assert.match(made.stdout, /^Wrote \d+ web lines \(3 visitors, \d+\.\d MB\) to .* in \d+\.\d\d s; seed "7", /);
      const stats = run(['stats', log], language);
      assert.match(stats.stdout, /^web statistics of .*\n {2}messages {10}\d+ \(parsed \d+, unparsed 0\)\n/);
      assert.match(stats.stdout, /\n {2}unique visitors {3}3\n/);
    }
  });
});
