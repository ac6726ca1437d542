// What the composition root hands to every area of the host.
import type * as vscode from 'vscode';
import type { HostLog } from './log';

export interface HostDeps {
  context: vscode.ExtensionContext;
  log: HostLog;
}
