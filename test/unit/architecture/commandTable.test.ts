// The command table (src/host/commands.ts) is the one place a command id is declared: these
// tests hold it to package.json and to the registrations in src/host.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import path from 'node:path';
import { COMMANDS, type CommandName } from '../../../src/host/commands';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command?: string }>> };
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const relative = (file: string) => path.relative(root, file);
const hostSources = sourceFiles(path.join(root, 'src/host')).map((file) => ({
  file: relative(file),
  text: fs.readFileSync(file, 'utf8'),
}));
const entries = Object.entries(COMMANDS) as Array<[CommandName, (typeof COMMANDS)[CommandName]]>;

/** How often each table entry is handed to registerCommand / registerTestCommand in src/host. */
function registrations(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const call = /register(?:Test)?Command\(\s*(?:deps,\s*)?COMMANDS\.(\w+)\s*,/g;
  for (const { file, text } of hostSources) {
    for (const match of text.matchAll(call)) found.set(match[1], [...(found.get(match[1]) ?? []), file]);
  }
  return found;
}

describe('command table', () => {
  it('holds every command package.json contributes, and only those as contributed', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    const table = entries
      .filter(([, spec]) => spec.contributed)
      .map(([, spec]) => spec.id)
      .sort();
    assert.deepEqual(table, contributed);
  });

  it('declares no id twice', () => {
    const ids = entries.map(([, spec]) => spec.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(twice, []);
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual(
      contributed.filter((id, i) => contributed.indexOf(id) !== i),
      [],
      'package.json repeats a command',
    );
  });

  it('has menus that name only commands of the table', () => {
    const ids = new Set(entries.map(([, spec]) => spec.id));
    const unknown = Object.values(manifest.contributes.menus)
      .flat()
      .map((item) => item.command)
      .filter((id): id is string => id !== undefined && !ids.has(id));
    assert.deepEqual([...new Set(unknown)], []);
  });

  it('registers every entry exactly once, through the typed register functions', () => {
    const found = registrations();
    const problems = entries.flatMap(([name]) => {
      const files = found.get(name) ?? [];
      return files.length === 1 ? [] : [`${name}: registered ${files.length} times ${files.join(', ')}`];
    });
    assert.deepEqual(problems, []);
  });

  it('is the only place in src/host that spells a command id', () => {
    const ids = entries.map(([, spec]) => spec.id);
    const spelled = hostSources
      .filter(({ file }) => file !== path.join('src', 'host', 'commands.ts'))
      .flatMap(({ file, text }) =>
        ids.filter((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`)).map((id) => `${file}: ${id}`),
      );
    assert.deepEqual(spelled, []);
  });

  it('leaves no command registered around the table', () => {
    const bypass = hostSources
      .filter(({ text }) => /vscode\.commands\.registerCommand\(|registerCommand\(deps,\s*['"`]/.test(text))
      .map(({ file }) => file)
      .filter((file) => file !== path.join('src', 'host', 'runCommand.ts'));
    assert.deepEqual(bypass, []);
  });
});
