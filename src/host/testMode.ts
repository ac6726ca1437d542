// Whether the extension runs under its own test suite: test-only commands and hooks exist then.
// VS Code 1.139's web workbench runs the suite from a regular install (scripts/vscode/testLauncher.mjs),
// where the extension mode is not Test, so that runner also says so through the environment.
import * as vscode from 'vscode';

export function runsExtensionTests(context: vscode.ExtensionContext): boolean {
  return context.extensionMode === vscode.ExtensionMode.Test || process.env.KLL_EXTENSION_TEST_MODE === '1';
}
