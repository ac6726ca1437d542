// Moves every plain manifest string a user reads (title, description, markdownDescription,
// contents, enumDescriptions, category, name, contextualTitle, displayName) of package.json into
// package.nls.json and leaves `%key%` in its place, so a translation (package.nls.<locale>.json)
// can cover the whole manifest. Idempotent: strings already `%key%` stay, keys are stable
// (derived from where the string lives), and a second run changes nothing.
//
//   node scripts/nls-manifest.mjs [--check]   (--check: exit 1 when a plain string is left)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifestFile = path.join(root, 'package.json');
const nlsFile = path.join(root, 'package.nls.json');
const TEXT_FIELDS = new Set([
  'title',
  'description',
  'markdownDescription',
  'contents',
  'category',
  'contextualTitle',
  'enumDescriptions',
  'markdownEnumDescriptions',
]);
const isKey = (s) => /^%[^%\s]+%$/.test(s);

/** A readable, stable name for the item that holds a string: its id, command, view or setting name. */
function itemName(node, fallback) {
  for (const field of ['command', 'id', 'view']) if (typeof node?.[field] === 'string') return node[field];
  return fallback;
}

/** Visits every translatable string under `node`, calling `replace(key, text)` for each plain one. */
function visit(node, trail, replace) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => visit(child, [...trail, itemName(child, String(i))], replace));
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [field, value] of Object.entries(node)) {
    const here = [...trail, field];
    const text = TEXT_FIELDS.has(field) || (field === 'name' && trail[1] === 'views');
    if (text && typeof value === 'string') node[field] = replace(here, value);
    else if (TEXT_FIELDS.has(field) && Array.isArray(value) && value.every((v) => typeof v === 'string'))
      node[field] = value.map((v, i) => replace([...here, String(i)], v));
    else visit(value, here, replace);
  }
}

/** `kafkaLogLab.x` parts lose their common prefix; the rest joins with dots. */
const keyOf = (trail) =>
  trail
    .map((part) => part.replace(/^kafkaLogLab\./, ''))
    .filter((part) => !['contributes', 'properties', 'items'].includes(part))
    .join('.');

export function externalize(manifest, nls) {
  const moved = [];
  const replace = (trail, text) => {
    if (isKey(text)) return text;
    // Every command shares one category: one key for it.
    let key = trail.at(-1) === 'category' ? 'category' : keyOf(trail);
    // Same key for a different text (an item was renamed): keep both apart.
    const base = key;
    for (let n = 2; nls[key] !== undefined && nls[key] !== text; n++) key = `${base}.${n}`;
    nls[key] = text;
    moved.push(key);
    return `%${key}%`;
  };
  visit(manifest.contributes, ['contributes'], replace);
  for (const field of ['displayName', 'description']) {
    if (typeof manifest[field] === 'string') manifest[field] = replace(['extension', field], manifest[field]);
  }
  return moved;
}

function main() {
  const raw = fs.readFileSync(manifestFile, 'utf8');
  const manifest = JSON.parse(raw);
  const nls = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};
  const moved = externalize(manifest, nls);
  if (process.argv.includes('--check')) {
    if (moved.length) console.error(`package.json has ${moved.length} plain strings: ${moved.slice(0, 5).join(', ')}`);
    process.exit(moved.length ? 1 : 0);
  }
  if (!moved.length) return console.log('package.json: every manifest string is already in package.nls.json');
  const indent = /^(\s+)"/m.exec(raw)?.[1] ?? '  ';
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, indent)}\n`);
  fs.writeFileSync(nlsFile, `${JSON.stringify(nls, null, 2)}\n`);
  console.log(`moved ${moved.length} strings into package.nls.json`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
