// Every command runs through this wrapper: it logs, catches, and shows a readable error
// with a way forward instead of a silent failure or a raw stack. Each failure is also kept
// in the command failure record, so a caller (another extension, the extension tests) can
// tell "done" from "failed and shown to the user".
import * as vscode from 'vscode';
import { UserError, describeError } from '../core/errors';
import { LOCAL_CLUSTER } from './broker/brokerCommands';
import type { HostDeps, KafkaDeps } from './deps';
import { COMMANDS, type ClusterArgs, type CommandSpec } from './commands';

/** A button on a failure notification: runs `command` with `args`. */
export interface FailureAction {
  title: string;
  command: string;
  args?: unknown[];
}

/** A failure that knows the ways forward: its actions become buttons before "Open Logs". */
export class ActionableError extends UserError {
  constructor(
    message: string,
    readonly actions: FailureAction[],
    detail?: string,
    cause?: unknown,
  ) {
    super(message, detail, cause);
    this.name = 'ActionableError';
  }
}

export interface CommandFailure {
  command: string;
  /** What the user was shown. */
  message: string;
  error: unknown;
  /** The buttons offered besides "Show Details" and "Open Logs". */
  actions: FailureAction[];
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

/** Registers a command of the table (commands.ts): the handler's arguments are the entry's. */
export function registerCommand<Args extends unknown[]>(
  deps: HostDeps,
  command: CommandSpec<Args>,
  handler: (...args: NoInfer<Args>) => unknown,
): vscode.Disposable {
  const id = command.id;
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    deps.log.info(`[command] ${id}`);
    try {
      // The editor passes whatever a menu or caller gave: the table says what that may be.
      return await handler(...(args as Args));
    } catch (e) {
      if (e instanceof vscode.CancellationError) return undefined;
      const message = describeError(e);
      deps.log.error(`[command] ${id} failed`, e);
      const actions = e instanceof ActionableError ? e.actions : unreachableActions(deps, message, args[0]);
      deps.failures.record({ command: id, message, error: e, actions });
      // Not awaited: a caller (another command, a test) gets its answer now, not when the
      // user dismisses the notification.
      void showFailure(deps, message, e, actions);
      return undefined;
    }
  });
}

/** The words core uses for a broker that does not answer the connection. */
const UNREACHABLE = describeError({ code: 'ECONNREFUSED' });

/** The cluster a command ran against: named by its argument (a row, `{ cluster }`), else the active one. */
function clusterNameOf(deps: HostDeps, arg: unknown): string | undefined {
  const cluster = (arg as ClusterArgs | undefined)?.cluster;
  const named = typeof cluster === 'object' && cluster !== null ? (cluster as { name?: unknown }).name : cluster;
  if (typeof named === 'string') return named;
  // With no cluster configured the editor talks to localhost, where the local broker would run.
  const clusters = (deps as Partial<KafkaDeps>).clusters;
  return clusters?.isConfigured() ? clusters.active().name : LOCAL_CLUSTER;
}

/** No broker answered: start the local one when that is the cluster, else pick another cluster. */
function unreachableActions(deps: HostDeps, message: string, arg: unknown): FailureAction[] {
  if (!message.startsWith(UNREACHABLE)) return [];
  return clusterNameOf(deps, arg) === LOCAL_CLUSTER
    ? [{ title: vscode.l10n.t('Start Local Broker'), command: COMMANDS.startLocalBroker.id }]
    : [{ title: vscode.l10n.t('Select Cluster'), command: COMMANDS.selectCluster.id }];
}

/** The error notification: its actions, "Show Details" when there is more to say, and always "Open Logs". */
async function showFailure(deps: HostDeps, message: string, e: unknown, actions: FailureAction[]): Promise<void> {
  const detail = e instanceof UserError ? e.detail : undefined;
  const [showDetails, openLogs] = [vscode.l10n.t('Show Details'), vscode.l10n.t('Open Logs')];
  const titles = [...actions.map((a) => a.title), ...(detail ? [showDetails] : []), openLogs];
  const choice = await vscode.window.showErrorMessage(`Kafka Log Lab: ${message}`, ...titles);
  const action = actions.find((a) => a.title === choice);
  if (action) await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
  if (choice === openLogs) deps.log.show();
  if (choice === showDetails)
    await vscode.window.showErrorMessage(`Kafka Log Lab: ${message}`, { modal: true, detail });
}

/** A test-only command of the table: no wrapper, so a test sees the handler's own error. */
export function registerTestCommand<Args extends unknown[]>(
  command: CommandSpec<Args>,
  handler: (...args: NoInfer<Args>) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(command.id, (...args: unknown[]) => handler(...(args as Args)));
}

/** Runs a command of the table with the arguments its entry declares. */
export function executeCommand<Args extends unknown[], Result = unknown>(
  command: CommandSpec<Args>,
  ...args: Args
): Thenable<Result | undefined> {
  return vscode.commands.executeCommand<Result | undefined>(command.id, ...args);
}
