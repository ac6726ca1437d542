// The contract every CLI subcommand implements, plus the shared output helpers.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Aborted on SIGINT/SIGTERM so long-running commands can stop cleanly. */
  signal: AbortSignal;
}

export interface CliCommand {
  /** First word on the command line, e.g. `broker`. */
  name: string;
  /** One line for the top-level `--help` listing. */
  summary: string;
  /** Full help text printed by `kafka-log-lab <name> --help`. */
  help: string;
  /** Returns the process exit code. Throw `UsageError` for bad arguments. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Bad arguments: printed as a one-line error, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing: unknown flags become a UsageError naming the flag. */
export function parseOptions<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}

export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** Parses a positive integer option, naming the option in the error. */
export function intOption(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** Prints one JSON object on one line (the machine-readable contract of `--json`). */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value));
}

export type ActionHandler = (argv: string[], io: CliIO) => Promise<number>;

/**
 * For commands with actions (`broker start`, `topics list`...): runs the action named by the
 * first word, prints the command's help for `--help` (exit 0) or no action (exit 2).
 */
export function runAction(argv: string[], io: CliIO, help: string, actions: Record<string, ActionHandler>): Promise<number> {
  const [action, ...rest] = argv;
  if (!action || wantsHelp(argv)) {
    io.out(help);
    return Promise.resolve(action ? 0 : 2);
  }
  const handler = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!handler) throw new UsageError(`unknown action "${action}" (${Object.keys(actions).join(', ')})`);
  return handler(rest, io);
}
