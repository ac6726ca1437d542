// What `activate()` returns: read-only access for other extensions and the extension tests
// (the tree as VS Code sees it, and how long activation took).
import type * as vscode from 'vscode';
import type { ExplorerNode } from './explorer/explorerNode';
import type { KafkaExplorerProvider } from './explorer/explorerProvider';
import type { AskedQuestion, Prompter, ScriptedAnswer } from './clusters/prompts';
import type { CommandFailure, CommandFailureRecord } from './runCommand';

export interface KafkaLogLabApi {
  /** Wall time of `activate()`, milliseconds. */
  readonly activationMs: number;
  readonly explorer: {
    /** Rows under `node` (the clusters when omitted), fetched exactly as the view fetches them. */
    children(node?: ExplorerNode): Promise<ExplorerNode[]>;
    item(node: ExplorerNode): vscode.TreeItem;
    refresh(): void;
    /** Resolves when the numbers fetched in the background (counts, lag) have arrived. */
    settled(): Promise<void>;
  };
  readonly commands: {
    /** How many Kafka Log Lab commands have failed so far (pass it to `failuresSince`). */
    failureCount(): number;
    /** The failures (shown to the user as error notifications) recorded after `mark`. */
    failuresSince(mark: number): CommandFailure[];
  };
  /** Only in the extension tests: answers for the cluster commands' questions, given in advance. */
  readonly prompts?: {
    /** Queues answers (text, a pick's label, a file path, `{ back: true }`, `{ cancel: true }`). */
    answer(...answers: ScriptedAnswer[]): void;
    /** The questions asked since the last call. */
    asked(): AskedQuestion[];
    /** Drops unused answers and says how many there were. */
    clear(): number;
  };
  /** Only in the extension tests: where the log channel and the user settings are written. */
  readonly files?: { logDir: string; userSettings: string };
}

/** What only the extension tests get. */
export interface TestAccess {
  prompter: Prompter;
  logDir: string;
  userSettings: string;
}

export function createApi(
  explorer: KafkaExplorerProvider,
  failures: CommandFailureRecord,
  activationMs: number,
  test?: TestAccess,
): KafkaLogLabApi {
  return {
    activationMs,
    prompts: test && {
      answer: (...answers) => test.prompter.answer(...answers),
      asked: () => test.prompter.asked(),
      clear: () => test.prompter.clear(),
    },
    files: test && { logDir: test.logDir, userSettings: test.userSettings },
    commands: {
      failureCount: () => failures.count,
      failuresSince: (mark) => failures.since(mark),
    },
    explorer: {
      children: (node) => explorer.getChildren(node),
      item: (node) => explorer.getTreeItem(node),
      refresh: () => explorer.refresh(),
      settled: () => explorer.settled(),
    },
  };
}
