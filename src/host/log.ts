// The single "Kafka Log Lab" log channel. Components prefix their lines with `[component]`.
import * as vscode from 'vscode';

export interface HostLog {
  channel: vscode.LogOutputChannel;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /** Shown only when the user sets the channel's level to Debug (stack traces, client chatter). */
  debug(message: string): void;
  show(): void;
}

export function createLog(): HostLog {
  const channel = vscode.window.createOutputChannel('Kafka Log Lab', { log: true });
  return {
    channel,
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    debug: (m) => channel.debug(m),
    error: (m, e) => channel.error(e instanceof Error ? `${m}: ${e.stack ?? e.message}` : m),
    show: () => channel.show(true),
  };
}
