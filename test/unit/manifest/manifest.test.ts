// The manifest as VS Code and the marketplace read it: every %key% has its text in
// package.nls.json, no plain string is left behind (scripts/nls-manifest.mjs), Restricted Mode
// hides what starts programs, and file commands stay off virtual files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const nlsScript = path.join(root, 'scripts/nls-manifest.mjs');

interface MenuItem {
  command: string;
  when?: string;
}

function keysIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) found.push(m[1]);
  } else if (value && typeof value === 'object') Object.values(value).forEach((v) => keysIn(v, found));
  return found;
}

function menuItems(manifest: { contributes: { menus: Record<string, MenuItem[]> } }): [string, MenuItem][] {
  return Object.entries(manifest.contributes.menus).flatMap(([menu, items]) =>
    items.map((i): [string, MenuItem] => [menu, i]),
  );
}

describe('package.json manifest', () => {
  const manifest = readJson('package.json');

  it('resolves every %key% in package.nls.json', () => {
    const nls = readJson('package.nls.json') as Record<string, string>;
    const keys = keysIn(manifest);
    assert.ok(keys.length > 50, `only ${keys.length} %key% strings`);
    const missing = keys.filter((k) => typeof nls[k] !== 'string' || nls[k].trim() === '');
    assert.deepEqual(missing, [], `keys without text in package.nls.json: ${missing.join(', ')}`);
  });

  it('leaves no plain title or description (run: node scripts/nls-manifest.mjs)', () => {
    const run = spawnSync(process.execPath, [nlsScript, '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('nls-manifest.mjs moves strings once, with stable keys, and a second run changes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kll-nls-'));
    try {
      fs.mkdirSync(path.join(dir, 'scripts'));
      fs.copyFileSync(nlsScript, path.join(dir, 'scripts/nls-manifest.mjs'));
      const sample = {
        name: 'x',
        description: 'An extension',
        contributes: {
          commands: [{ command: 'kafkaLogLab.a', title: 'Do A', category: 'Kafka Log Lab' }],
          configuration: { properties: { 'kafkaLogLab.b': { type: 'string', enumDescriptions: ['one', 'two'] } } },
        },
      };
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(sample, null, 2));
      const run = () => spawnSync(process.execPath, ['scripts/nls-manifest.mjs'], { cwd: dir, encoding: 'utf8' });
      assert.equal(run().status, 0);
      const first = fs.readFileSync(path.join(dir, 'package.json'), 'utf8');
      const moved = JSON.parse(first);
      assert.equal(moved.contributes.commands[0].title, '%commands.a.title%');
      assert.equal(moved.contributes.commands[0].category, '%category%');
      assert.deepEqual(moved.contributes.configuration.properties['kafkaLogLab.b'].enumDescriptions, [
        '%configuration.b.enumDescriptions.0%',
        '%configuration.b.enumDescriptions.1%',
      ]);
      const nls = JSON.parse(fs.readFileSync(path.join(dir, 'package.nls.json'), 'utf8'));
      assert.equal(nls['commands.a.title'], 'Do A');
      assert.equal(nls['extension.description'], 'An extension');
      assert.equal(run().status, 0);
      assert.equal(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'), first, 'second run changed package.json');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hides the commands that start programs in Restricted Mode', () => {
    const starters = ['kafkaLogLab.startLocalBroker', 'kafkaLogLab.restartLocalBroker'];
    const items = menuItems(manifest).filter(([, i]) => starters.includes(i.command));
    assert.ok(
      items.some(([menu]) => menu === 'commandPalette'),
      'the palette entries are declared',
    );
    for (const [menu, item] of items)
      assert.match(item.when ?? '', /\bisWorkspaceTrusted\b/, `${menu} shows ${item.command} in Restricted Mode`);
  });

  it('restricts settings that exist, among them the local broker and cluster files', () => {
    const { untrustedWorkspaces } = manifest.capabilities;
    assert.equal(untrustedWorkspaces.supported, 'limited');
    const settings = Object.keys(manifest.contributes.configuration.properties);
    const restricted: string[] = untrustedWorkspaces.restrictedConfigurations;
    for (const name of restricted) assert.ok(settings.includes(name), `${name} is not a contributed setting`);
    for (const name of settings.filter((s) => s.startsWith('kafkaLogLab.localBroker.')))
      assert.ok(restricted.includes(name), `${name} is not restricted`);
    assert.ok(restricted.includes('kafkaLogLab.clusters'), 'cluster certificate paths are not restricted');
  });

  it('offers file commands only on files of a real file system (virtual workspaces: limited)', () => {
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    const fileCommands = ['kafkaLogLab.produceFile', 'kafkaLogLab.produceFileFollow', 'kafkaLogLab.verifyFile'];
    for (const [menu, item] of menuItems(manifest)) {
      if (!/^(explorer|editor)\//.test(menu) || !fileCommands.includes(item.command)) continue;
      assert.match(item.when ?? '', /resourceScheme (==|=~) /, `${menu}: ${item.command} shows on virtual files`);
    }
  });

  it('carries the marketplace metadata and an icon of 128×128 px', () => {
    for (const field of ['repository', 'bugs', 'homepage', 'qna', 'galleryBanner', 'icon'])
      assert.ok(manifest[field], `no "${field}"`);
    const png = fs.readFileSync(path.join(root, manifest.icon));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
