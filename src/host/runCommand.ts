// Every command runs through this wrapper: it logs, catches, and shows a readable error
// with a way forward instead of a silent failure or a raw stack. Each failure is also kept
// in the command failure record, so a caller (another extension, the extension tests) can
// tell "done" from "failed and shown to the user".
import * as vscode from 'vscode';
import { UserError, describeError } from '../core/errors';
import type { HostDeps } from './deps';

export interface CommandFailure {
  command: string;
  /** What the user was shown. */
  message: string;
  error: unknown;
}

/** The failures of commands run through `registerCommand`: the newest 50, and how many in all. */
export class CommandFailureRecord implements vscode.Disposable {
  private static readonly KEPT = 50;
  private readonly kept: CommandFailure[] = [];
  private total = 0;
  private readonly failed = new vscode.EventEmitter<CommandFailure>();
  readonly onDidFail = this.failed.event;

  /** How many commands have failed so far: a mark to pass to `since`. */
  get count(): number {
    return this.total;
  }

  record(failure: CommandFailure): void {
    this.total++;
    this.kept.push(failure);
    if (this.kept.length > CommandFailureRecord.KEPT) this.kept.shift();
    this.failed.fire(failure);
  }

  /** The failures recorded after `mark` (those still kept). */
  since(mark: number): CommandFailure[] {
    return this.kept.slice(Math.max(0, this.kept.length - (this.total - mark)));
  }

  dispose(): void {
    this.failed.dispose();
  }
}

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
      const message = describeError(e);
      deps.log.error(`[command] ${id} failed`, e);
      deps.failures.record({ command: id, message, error: e });
      // Not awaited: a caller (another command, a test) gets its answer now, not when the
      // user dismisses the notification.
      void showFailure(deps, message, e);
      return undefined;
    }
  });
}

/** The error notification: "Show Details" when there is more to say, and always "Open Logs". */
async function showFailure(deps: HostDeps, message: string, e: unknown): Promise<void> {
  const detail = e instanceof UserError ? e.detail : undefined;
  const actions = detail ? ['Show Details', 'Open Logs'] : ['Open Logs'];
  const choice = await vscode.window.showErrorMessage(`Kafka Log Lab: ${message}`, ...actions);
  if (choice === 'Open Logs') deps.log.show();
  if (choice === 'Show Details') await vscode.window.showErrorMessage(`Kafka Log Lab: ${message}`, { modal: true, detail });
}
