// The layer rule is enforced by ESLint; these tests prove the rule really fires.
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../../..');

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rule', function () {
  this.timeout(30000);

  for (const file of ['src/core/planted.ts', 'src/cli/planted.ts', 'src/shared/planted.ts']) {
    it(`fails when ${path.dirname(file)} imports vscode`, async () => {
      const messages = await restrictedImports(file, "import * as vscode from 'vscode';\nexport const x = vscode;\n");
      assert.equal(messages.length, 1);
      assert.match(messages[0], /editor-free/);
    });
  }

  it('allows vscode in src/host', async () => {
    assert.deepEqual(
      await restrictedImports('src/host/planted.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n"),
      [],
    );
  });

  it('confines kafkajs to the adapter', async () => {
    assert.equal(
      (
        await restrictedImports(
          'src/core/kafka/planted.ts',
          "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n",
        )
      ).length,
      1,
    );
    assert.deepEqual(
      await restrictedImports(
        'src/core/kafka/kafkajsAdapter.ts',
        "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n",
      ),
      [],
    );
  });

  it('confines kafkajs internals (deep imports) to the adapter too', async () => {
    const deep = "import errors from 'kafkajs/src/errors';\nexport const e = errors;\n";
    assert.equal((await restrictedImports('src/core/kafka/planted.ts', deep)).length, 1);
    assert.equal((await restrictedImports('src/host/planted.ts', deep)).length, 1);
    assert.deepEqual(await restrictedImports('src/core/kafka/kafkajsAdapter.ts', deep), []);
  });

  it('keeps src/core from importing the editor side, the CLI or the webview', async () => {
    for (const target of ['../../host/log', '../cli/command', '../../webview/dom', '../extension']) {
      const messages = await restrictedImports(
        'src/core/kafka/planted.ts',
        `import * as x from '${target}';\nexport const y = x;\n`,
      );
      assert.equal(messages.length, 1, target);
      assert.match(messages[0], /src\/core is the engine/);
    }
    assert.deepEqual(
      await restrictedImports('src/core/kafka/planted.ts', "import * as x from '../errors';\nexport const y = x;\n"),
      [],
    );
  });

  it('keeps Node modules and the host out of the webview', async () => {
    for (const target of ['node:fs', 'fs', 'child_process', '../src/host/log']) {
      const messages = await restrictedImports(
        'webview/planted.ts',
        `import * as x from '${target}';\nexport const y = x;\n`,
      );
      assert.equal(messages.length, 1, target);
    }
    assert.deepEqual(
      await restrictedImports(
        'webview/planted.ts',
        "import type { InitMessage } from '../src/shared/protocol';\nexport type X = InitMessage;\n",
      ),
      [],
    );
  });

  for (const file of ['webview/planted.ts', 'test/unit/planted.ts', 'bench/planted.ts', 'scripts/planted.ts']) {
    it(`allows vscode only on the editor side, not in ${path.dirname(file)}`, async () => {
      const messages = await restrictedImports(file, "import * as vscode from 'vscode';\nexport const x = vscode;\n");
      assert.equal(messages.length, 1);
    });
  }

  it('allows vscode in the composition root and the extension tests', async () => {
    for (const file of ['src/extension.ts', 'test/extension/planted.test.ts']) {
      assert.deepEqual(
        await restrictedImports(file, "import * as vscode from 'vscode';\nexport const x = vscode;\n"),
        [],
        file,
      );
    }
  });
});
