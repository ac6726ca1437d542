// Reads the Kafka view the way VS Code does (through the extension's exported API), so tests
// check the rows a user sees: labels, descriptions and context values.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KafkaLogLabApi } from '../../../src/host/api';
import type { ExplorerNode } from '../../../src/host/explorer/explorerNode';

export const EXTENSION_ID = 'kafka-log-lab.kafka-log-lab';

export interface Row {
  node: ExplorerNode;
  label: string;
  description: string;
  contextValue: string;
  tooltip: string;
}

export async function extensionApi(): Promise<KafkaLogLabApi> {
  const extension = vscode.extensions.getExtension<KafkaLogLabApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/**
 * Runs a Kafka Log Lab command and returns what it returned and the failures it showed the
 * user: the command wrapper turns a failure into an error notification, not a rejection.
 */
export async function runCommand<T = unknown>(
  api: KafkaLogLabApi,
  command: string,
  ...args: unknown[]
): Promise<{ result: T | undefined; failures: string[] }> {
  const mark = api.commands.failureCount();
  const result = await vscode.commands.executeCommand<T>(command, ...args);
  return { result, failures: api.commands.failuresSince(mark).map((f) => `${f.command}: ${f.message}`) };
}

function text(value: string | vscode.TreeItemLabel | vscode.MarkdownString | boolean | undefined): string {
  if (value === undefined || typeof value === 'boolean') return '';
  if (typeof value === 'string') return value;
  if (value instanceof vscode.MarkdownString) return value.value;
  return value.label;
}

export async function rows(api: KafkaLogLabApi, parent?: ExplorerNode): Promise<Row[]> {
  const children = await api.explorer.children(parent);
  return children.map((node) => {
    const item = api.explorer.item(node);
    return {
      node,
      label: text(item.label),
      description: text(item.description),
      contextValue: item.contextValue ?? '',
      tooltip: text(item.tooltip as string | vscode.MarkdownString | undefined),
    };
  });
}

/** The row labelled `label` under `parent` (a regexp matches the label). */
export async function row(api: KafkaLogLabApi, parent: ExplorerNode | undefined, label: string | RegExp): Promise<Row> {
  const all = await rows(api, parent);
  const found = all.find((r) => (typeof label === 'string' ? r.label === label : label.test(r.label)));
  assert.ok(found, `no row "${label}" among: ${all.map((r) => `${r.label} (${r.description})`).join(' | ')}`);
  return found;
}

/** Follows a path of labels from the root, e.g. ['test', 'Topics', 'log_web']. */
export async function rowAt(api: KafkaLogLabApi, ...path: Array<string | RegExp>): Promise<Row> {
  let current: Row | undefined;
  for (const label of path) current = await row(api, current?.node, label);
  assert.ok(current, 'empty path');
  return current;
}

/** Brokers of the real Kafka the extension tests run against, or undefined (tests skip). */
export function testBrokers(): string | undefined {
  return process.env.KLL_TEST_BROKERS || undefined;
}

export const uniqueName = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
