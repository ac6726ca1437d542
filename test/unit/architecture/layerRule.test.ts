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
    assert.deepEqual(await restrictedImports('src/host/planted.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n"), []);
  });

  it('confines kafkajs to the adapter', async () => {
    assert.equal((await restrictedImports('src/core/kafka/planted.ts', "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n")).length, 1);
    assert.deepEqual(await restrictedImports('src/core/kafka/kafkajsAdapter.ts', "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n"), []);
  });
});
