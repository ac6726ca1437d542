// The editor's side of background work: a progress notification with Cancel whose task is
// owned by the extension's BackgroundWork, so closing the window also stops it.
import * as vscode from 'vscode';
import type { BackgroundWork } from '../core/util/backgroundWork';

/**
 * A notification with progress and Cancel around `task`; Cancel and closing the window both
 * abort its signal.
 */
export function withCancellableProgress<T>(
  work: BackgroundWork,
  title: string,
  task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => {
      const cancelled = new AbortController();
      token.onCancellationRequested(() => cancelled.abort());
      return work.run(title, (signal) => task(signal, progress), cancelled.signal);
    },
  );
}
