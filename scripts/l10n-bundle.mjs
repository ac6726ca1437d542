// Builds l10n/bundle.l10n.json (English, key = value) from every `l10n.t('…')` literal under
// src/host, the way VS Code looks runtime strings up, and checks the translations against it:
// every key of the bundle in each l10n/bundle.l10n.<locale>.json, every key of package.nls.json
// in each package.nls.<locale>.json, with the same {0} placeholders. A `l10n.t` whose message is
// not a plain string literal (a template literal, a variable) cannot be looked up and is an error.
//
//   node scripts/l10n-bundle.mjs            write l10n/bundle.l10n.json
//   node scripts/l10n-bundle.mjs --check    exit 1 on a stale bundle or an incomplete translation
//   node scripts/l10n-bundle.mjs --json     print the check's findings as JSON (exit 1 when any)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = path.join(root, 'src', 'host');
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

/** Every `l10n.t(` message of one source text, and the calls whose message is no plain literal. */
export function extractMessages(text, file = '') {
  const messages = [];
  const problems = [];
  const call = /\bl10n\.t\(\s*/g;
  for (let m = call.exec(text); m; m = call.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (/^\s*(\/\/|\*|\/\*)/.test(text.slice(lineStart, m.index))) continue; // a comment names it
    const message = literalAt(text, m.index + m[0].length);
    const line = text.slice(0, m.index).split('\n').length;
    if (message === undefined) problems.push(`${file}:${line}: l10n.t needs a plain string literal as its message`);
    else messages.push(message);
  }
  return { messages, problems };
}

export function buildBundle(files = tsFiles(SOURCE_DIR)) {
  const bundle = {};
  const problems = [];
  for (const file of files.sort()) {
    const found = extractMessages(fs.readFileSync(file, 'utf8'), path.relative(root, file));
    for (const message of found.messages) bundle[message] = message;
    problems.push(...found.problems);
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
