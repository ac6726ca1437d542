// "Start Local Broker": runs the JVM engine from src/core/broker with progress and cancel.
import * as vscode from 'vscode';
import type { HostDeps } from '../deps';
import { registerCommand } from '../runCommand';

export function registerBrokerCommands(deps: HostDeps): vscode.Disposable[] {
  let running: { stop(): Promise<void>; bootstrap: string } | undefined;
  return [
    registerCommand(deps, 'kafkaLogLab.startLocalBroker', async () => {
      if (running) {
        vscode.window.showInformationMessage(`Kafka Log Lab: a local broker already runs at ${running.bootstrap}.`);
        return running.bootstrap;
      }
      const { startJvmBroker } = await import('../../core/broker/jvmBroker');
      const broker = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Kafka Log Lab', cancellable: true },
        (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          return startJvmBroker({
            signal: controller.signal,
            onProgress: (message) => {
              deps.log.info(`[broker] ${message}`);
              progress.report({ message });
            },
          });
        },
      );
      running = broker;
      deps.log.info(`[broker] Kafka ${broker.kafkaVersion} ready at ${broker.bootstrap} in ${broker.startMs} ms`);
      vscode.window.showInformationMessage(`Kafka Log Lab: local broker ready at ${broker.bootstrap}.`);
      return broker.bootstrap;
    }),
    { dispose: () => void running?.stop() },
  ];
}
