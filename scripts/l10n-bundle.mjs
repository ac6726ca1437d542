// Builds l10n/bundle.l10n.json (English, key = value) from every `l10n.t('…')` literal under
// src/host, the way VS Code looks runtime strings up, every `t('…')` literal of the files under
// webview/ that import `t` from webview/l10n.ts (the webviews' lookup of the same table), of the
// files under src/cli that import `t` from src/cli/l10n.ts (the CLI's), and of the files under
// src/ that import src/core/l10n/translate.ts (pure code that takes the lookup as a parameter
// named `t`, such as the replication timeline's describeEvent), and checks the translations against it: every key of the bundle in each
// l10n/bundle.l10n.<locale>.json, every key of package.nls.json in each
// package.nls.<locale>.json, with the same {0} placeholders. A call whose message is not a plain
// string literal (a template literal, a variable) cannot be looked up and is an error.
//
//   node scripts/l10n-bundle.mjs            write l10n/bundle.l10n.json
//   node scripts/l10n-bundle.mjs --check    exit 1 on a stale bundle or an incomplete translation
//   node scripts/l10n-bundle.mjs --json     print the check's findings as JSON (exit 1 when any)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = path.join(root, 'src', 'host');
const WEBVIEW_DIR = path.join(root, 'webview');
/** The webviews' lookup module (without .ts), as the imports name it. */
const WEBVIEW_L10N = path.join(WEBVIEW_DIR, 'l10n');
const CLI_DIR = path.join(root, 'src', 'cli');
/** The CLI's lookup module (without .ts). */
const CLI_L10N = path.join(CLI_DIR, 'l10n');
const CORE_DIR = path.join(root, 'src', 'core');
/** The shared translator (without .ts): a file importing it names its lookup parameter `t`. */
const CORE_L10N = path.join(CORE_DIR, 'l10n', 'translate');
const BUNDLE = path.join(root, 'l10n', 'bundle.l10n.json');

function tsFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const ESCAPES = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

function unescape(body) {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_, e) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (/^[ux]./.test(e) && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n' || e === '\r\n') return '';
    return ESCAPES[e] ?? e;
  });
}

/** The string literal starting at `text[start]` (a quote), or undefined when there is none. */
function literalAt(text, start) {
  const quote = text[start];
  if (quote !== "'" && quote !== '"') return undefined;
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return unescape(text.slice(start + 1, i));
    else if (text[i] === '\n') return undefined;
  }
  return undefined;
}

/** The message literals of every call `callee` matches in `text`, and the calls without one. */
function extractCalls(text, file, call, name) {
  const messages = [];
  const problems = [];
  for (let m = call.exec(text); m; m = call.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (/^\s*(\/\/|\*|\/\*)/.test(text.slice(lineStart, m.index))) continue; // a comment names it
    const message = literalAt(text, m.index + m[0].length);
    const line = text.slice(0, m.index).split('\n').length;
    if (message === undefined) problems.push(`${file}:${line}: ${name} needs a plain string literal as its message`);
    else messages.push(message);
  }
  return { messages, problems };
}

/** Every `l10n.t(` message of one source text, and the calls whose message is no plain literal. */
export function extractMessages(text, file = '') {
  return extractCalls(text, file, /\bl10n\.t\(\s*/g, 'l10n.t');
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The local names `text` (the file `file`) gives the `t` of webview/l10n.ts: `t` itself, or its
 * alias in `import { t as tr } from '../l10n'`. None when the file does not import it, so an
 * unrelated function named t is never read as a lookup.
 */
export function webviewLookupNames(text, file, l10nModule = WEBVIEW_L10N, translatorModule = undefined) {
  const names = [];
  const imports = /\bimport\s*(?:type\s+)?\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2/g;
  for (let m = imports.exec(text); m; m = imports.exec(text)) {
    const target = path.resolve(path.dirname(file), m[3]).replace(/\.(ts|js)$/, '');
    if (!m[3].startsWith('.')) continue;
    if (target === translatorModule && !names.includes('t')) names.push('t');
    if (target !== l10nModule) continue;
    for (const spec of m[1].split(',')) {
      const parts = spec.trim().split(/\s+as\s+/);
      if (parts[0] === 't') names.push((parts[1] ?? 't').trim());
    }
  }
  return names;
}

/** Every `t(` message of one webview source file that imports the webview lookup. */
export function extractWebviewMessages(text, file, l10nModule = WEBVIEW_L10N, translatorModule = CORE_L10N) {
  const names = webviewLookupNames(text, file, l10nModule, translatorModule);
  if (names.length === 0) return { messages: [], problems: [] };
  // A call of the imported name: not a property (`x.t(`), not a longer name, not a declaration.
  const call = new RegExp(`(?<![\\w$.]|function\\s)(?:${names.map(escapeRegExp).join('|')})\\(\\s*`, 'g');
  return extractCalls(text, path.relative(root, file), call, 't');
}

export function buildBundle(
  files = tsFiles(SOURCE_DIR),
  webviewFiles = tsFiles(WEBVIEW_DIR),
  cliFiles = tsFiles(CLI_DIR),
  coreFiles = tsFiles(CORE_DIR),
) {
  const bundle = {};
  const problems = [];
  const found = [
    ...files.sort().map((file) => extractMessages(fs.readFileSync(file, 'utf8'), path.relative(root, file))),
    ...webviewFiles.sort().map((file) => extractWebviewMessages(fs.readFileSync(file, 'utf8'), file)),
    ...cliFiles.sort().map((file) => extractWebviewMessages(fs.readFileSync(file, 'utf8'), file, CLI_L10N)),
    ...coreFiles.sort().map((file) => extractWebviewMessages(fs.readFileSync(file, 'utf8'), file, undefined)),
  ];
  for (const { messages, problems: bad } of found) {
    for (const message of messages) bundle[message] = message;
    problems.push(...bad);
  }
  const sorted = Object.fromEntries(
    Object.keys(bundle)
      .sort()
      .map((k) => [k, bundle[k]]),
  );
  return { bundle: sorted, problems };
}

const placeholders = (s) => [...new Set(String(s).match(/\{\d+\}/g) ?? [])].sort().join(' ');

/** What a translation lacks, has in excess, or words with other placeholders than `source`. */
export function compareTranslation(source, translated, name) {
  const problems = [];
  for (const [key, text] of Object.entries(source)) {
    const t = translated[key];
    if (typeof t !== 'string' || t.trim() === '') problems.push(`${name}: no translation for ${JSON.stringify(key)}`);
    else if (placeholders(t) !== placeholders(text))
      problems.push(
        `${name}: placeholders of ${JSON.stringify(key)} differ (${placeholders(text)} vs ${placeholders(t)})`,
      );
  }
  for (const key of Object.keys(translated))
    if (!(key in source)) problems.push(`${name}: ${JSON.stringify(key)} is translated but no longer used`);
  return problems;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Translations present next to `base` (e.g. package.nls.fr.json next to package.nls.json). */
function localeFiles(dir, prefix) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}.`) && f.endsWith('.json') && f !== `${prefix}.json`)
    .map((f) => path.join(dir, f));
}

export function check() {
  const { bundle, problems } = buildBundle();
  const written = fs.existsSync(BUNDLE) ? readJson(BUNDLE) : {};
  for (const key of Object.keys(bundle))
    if (!(key in written)) problems.push(`l10n/bundle.l10n.json: missing ${JSON.stringify(key)} (run the script)`);
  for (const key of Object.keys(written))
    if (!(key in bundle)) problems.push(`l10n/bundle.l10n.json: ${JSON.stringify(key)} is no longer used`);
  for (const file of localeFiles(path.dirname(BUNDLE), 'bundle.l10n'))
    problems.push(...compareTranslation(bundle, readJson(file), path.relative(root, file)));
  const nlsFile = path.join(root, 'package.nls.json');
  if (fs.existsSync(nlsFile))
    for (const file of localeFiles(root, 'package.nls'))
      problems.push(...compareTranslation(readJson(nlsFile), readJson(file), path.basename(file)));
  return { keys: Object.keys(bundle).length, problems };
}

function main(args) {
  if (args.includes('--check') || args.includes('--json')) {
    const result = check();
    if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
    else for (const p of result.problems) console.error(p);
    if (!args.includes('--json')) console.log(`${result.keys} runtime strings, ${result.problems.length} problems`);
    process.exitCode = result.problems.length ? 1 : 0;
    return;
  }
  const { bundle, problems } = buildBundle();
  for (const p of problems) console.error(p);
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  fs.writeFileSync(BUNDLE, `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`${path.relative(root, BUNDLE)}: ${Object.keys(bundle).length} strings`);
  process.exitCode = problems.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
