// Every command runs through this wrapper: it logs, catches, and shows a readable error
// with an "Open Logs" action instead of a silent failure or a raw stack.
import * as vscode from 'vscode';
import { describeError } from '../core/errors';
import type { HostDeps } from './deps';

export function registerCommand(
  deps: HostDeps,
  id: string,
  handler: (...args: any[]) => unknown, // eslint-disable-line @typescript-eslint/no-explicit-any
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    deps.log.info(`[command] ${id}`);
    try {
      return await handler(...args);
    } catch (e) {
      if (e instanceof vscode.CancellationError) return undefined;
      const text = describeError(e);
      deps.log.error(`[command] ${id} failed`, e);
      // Not awaited: a caller (another command, a test) gets its answer now, not when the
      // user dismisses the notification.
      void vscode.window.showErrorMessage(`Kafka Log Lab: ${text}`, 'Open Logs').then((choice) => choice === 'Open Logs' && deps.log.show());
      return undefined;
    }
  });
}
