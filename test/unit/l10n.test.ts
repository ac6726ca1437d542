// Runtime strings: every `vscode.l10n.t` message of src/host and every `t` message of the webviews
// (webview/l10n.ts) is in l10n/bundle.l10n.json, and the French bundle and package.nls.fr.json
// translate every key with the same placeholders (scripts/l10n-bundle.mjs). The script itself is
// checked on a small tree of its own.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const script = path.join(root, 'scripts/l10n-bundle.mjs');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;

interface CheckResult {
  keys: number;
  problems: string[];
}

function runIn(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(dir, 'scripts/l10n-bundle.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

/** A small tree with its own copy of the script (scripts/, l10n/), removed after `body`. */
function withBundleSandbox(body: (dir: string, write: (file: string, lines: string[]) => void) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-l10n-'));
  const write = (file: string, lines: string[]) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), lines.join('\n'));
  };
  try {
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.mkdirSync(path.join(dir, 'l10n'));
    fs.copyFileSync(script, path.join(dir, 'scripts/l10n-bundle.mjs'));
    body(dir, write);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('localization (l10n bundles)', () => {
  it('has every l10n.t string in the English and French bundles (run: node scripts/l10n-bundle.mjs)', () => {
    const run = spawnSync(process.execPath, [script, '--json'], { cwd: root, encoding: 'utf8' });
    const result = JSON.parse(run.stdout) as CheckResult;
    assert.deepEqual(result.problems, []);
    assert.ok(result.keys > 100, `only ${result.keys} runtime strings found`);
    assert.equal(run.status, 0);
  });

  it('ships a French manifest and bundle that differ from the English text', () => {
    const nls = readJson(path.join(root, 'package.nls.json'));
    const nlsFr = readJson(path.join(root, 'package.nls.fr.json'));
    assert.equal(nlsFr['commands.startLocalBroker.title'], 'Démarrer le broker local');
    assert.notEqual(nlsFr['extension.description'], nls['extension.description']);
    const fr = readJson(path.join(root, 'l10n/bundle.l10n.fr.json'));
    assert.equal(fr['Consumer groups'], 'Groupes de consommateurs');
    assert.equal(fr['Follow newest'], 'Suivre les derniers', 'the dashboard webview strings are translated');
    const same = Object.entries(fr).filter(([en, text]) => en === text && /[a-z]{4,} [a-z]{4,}/i.test(en));
    assert.deepEqual(same, [], 'French strings left in English');
    assert.equal(readJson(path.join(root, 'package.json')).l10n, './l10n');
  });

  it('l10n-bundle.mjs extracts literals, refuses template literals and finds missing translations', () => {
    withBundleSandbox((dir) => {
      fs.mkdirSync(path.join(dir, 'src/host/a'), { recursive: true });
      const source = [
        "const a = vscode.l10n.t('Hello {0}', name);",
        'const b = vscode.l10n.t(\n  "It\'s \\"{0}\\"\\nagain",\n  x,\n);',
        '// the comment mentions vscode.l10n.t(`not a call`)',
      ].join('\n');
      fs.writeFileSync(path.join(dir, 'src/host/a/one.ts'), source);
      assert.equal(runIn(dir).status, 0);
      const bundle = readJson(path.join(dir, 'l10n/bundle.l10n.json'));
      assert.deepEqual(bundle, { 'Hello {0}': 'Hello {0}', 'It\'s "{0}"\nagain': 'It\'s "{0}"\nagain' });

      fs.writeFileSync(path.join(dir, 'l10n/bundle.l10n.fr.json'), JSON.stringify({ 'Hello {0}': 'Bonjour' }));
      fs.appendFileSync(path.join(dir, 'src/host/a/one.ts'), '\nconst c = vscode.l10n.t(`Hi ${name}`);\n');
      const check = runIn(dir, '--json');
      assert.equal(check.status, 1);
      const problems = (JSON.parse(check.stdout) as CheckResult).problems.join('\n');
      assert.match(problems, /one\.ts:7: l10n\.t needs a plain string literal/);
      assert.match(problems, /bundle\.l10n\.fr\.json: placeholders of "Hello \{0\}" differ/);
      assert.match(problems, /bundle\.l10n\.fr\.json: no translation for "It's \\"\{0\}\\"\\nagain"/);
    });
  });

  it("l10n-bundle.mjs reads the webviews' t() calls, and only those of the webview lookup", () => {
    withBundleSandbox((dir, write) => {
      write('src/host/a.ts', ["vscode.l10n.t('From the host');"]);
      write('webview/l10n.ts', ['export function t(message: string): string {', '  return message;', '}']);
      write('webview/panel/view.ts', [
        "import { el } from '../dom';",
        "import { t } from '../l10n';",
        "el('button', { text: t('Retry'), title: t(\n  'Ask the broker {0} again',\n  host,\n) });",
        "const n = other.t('not a lookup');",
        "const m = format('{0}', x); const s = split('x');",
        "// t('in a comment')",
      ]);
      write('webview/panel/aliased.ts', [
        "import {\n  setTranslations,\n  t as tr,\n} from '../l10n';",
        "tr('Aliased'); t('not this t');",
      ]);
      // A file with a function of its own named t, which is no lookup: nothing of it is read.
      write('webview/other/own.ts', [
        'function t(s: string) {',
        '  return s;',
        '}',
        "t('Not a key'); t(`nor ${this}`);",
      ]);
      // Another module's t (not webview/l10n.ts) is not the lookup either.
      write('webview/panel/deep/elsewhere.ts', ["import { t } from './l10n';", "t('Elsewhere');"]);
      assert.equal(runIn(dir).status, 0);
      assert.deepEqual(Object.keys(readJson(path.join(dir, 'l10n/bundle.l10n.json'))), [
        'Aliased',
        'Ask the broker {0} again',
        'From the host',
        'Retry',
      ]);

      fs.appendFileSync(path.join(dir, 'webview/panel/view.ts'), '\nconst bad = t(`Hello ${name}`);\n');
      const check = runIn(dir, '--json');
      assert.equal(check.status, 1);
      assert.match(
        (JSON.parse(check.stdout) as CheckResult).problems.join('\n'),
        /view\.ts:10: t needs a plain string/,
      );
    });
  });

  it("l10n-bundle.mjs reads the CLI's t() calls and those of pure code given a translator", () => {
    withBundleSandbox((dir, write) => {
      write('src/cli/commands/topics.ts', ["import { t } from '../l10n';", "io.out(t('Deleted topic {0}', topic));"]);
      write('src/cli/other.ts', ["import { t } from './elsewhere';", "t('Not the lookup');"]);
      write('src/core/replication/timeline.ts', [
        "import { english, type Translate } from '../l10n/translate';",
        'export function describe(n: number, t: Translate = english) {',
        "  return t('node {0} is down', n);",
        '}',
      ]);
      write('src/core/other.ts', ['const t = (s: string) => s;', "t('No translator here');"]);
      assert.equal(runIn(dir).status, 0);
      assert.deepEqual(Object.keys(readJson(path.join(dir, 'l10n/bundle.l10n.json'))), [
        'Deleted topic {0}',
        'node {0} is down',
      ]);
    });
  });
});
