// Composition root: builds the adapters once and lets each area register its commands.
import * as vscode from 'vscode';
import { createLog } from './host/log';
import { registerExplorer } from './host/explorer/registerExplorer';
import { registerBrokerCommands } from './host/broker/brokerCommands';

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  context.subscriptions.push(log.channel);
  const deps = { context, log };
  context.subscriptions.push(...registerExplorer(deps), ...registerBrokerCommands(deps));
  log.info('[activate] Kafka Log Lab ready');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
