// The contract every CLI subcommand implements, plus the shared output helpers.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatCount } from '../core/format/count';
import { t } from './l10n';

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

/** A value from the command line as it appears in messages: quoted, control characters escaped. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/**
 * Strict option parsing that answers in our words: unknown flags, flags without their value,
 * empty values and unexpected arguments become a UsageError naming the flag or argument.
 * `positionals` is false when the command takes none, else its name for messages (`FILE`).
 */
export function parseOptions<O extends Options>(argv: string[], options: O, positionals: boolean | string = false) {
  const args = checkedArgs(argv, options);
  const allowPositionals = positionals !== false;
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(parseErrorText(e as Error));
  }
  rejectEmptyValues(parsed.values, parsed.positionals, typeof positionals === 'string' ? positionals : 'an argument');
  return parsed;
}

/**
 * Checks every flag against `options` and glues each option that takes a value to the next word
 * (`--users -3` becomes `--users=-3`): node's parser calls a value that starts with a dash
 * "ambiguous", while the option's own validator can say what is wrong with it. A flag in that
 * place means the value is missing.
 */
function checkedArgs(argv: string[], options: Options): string[] {
  const shortFlags = new Set(
    Object.values(options)
      .map((o) => o.short)
      .filter((s): s is string => s !== undefined)
      .map((s) => `-${s}`),
  );
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') return [...args, ...argv.slice(i)];
    if (!word.startsWith('--')) {
      args.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    const option = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!option) throw new UsageError(unknownOptionText(`--${name}`, options));
    if (option.type === 'boolean') {
      if (eq >= 0) throw new UsageError(t('--{0} takes no value, got {1}', name, quote(word.slice(eq + 1))));
      args.push(word);
      continue;
    }
    if (eq >= 0) {
      args.push(word);
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--') || shortFlags.has(next))
      throw new UsageError(t('--{0} needs a value', name));
    args.push(`--${name}=${next}`);
    i++;
  }
  return args;
}

function unknownOptionText(flag: string, options: Options): string {
  // Two typos in a long name, one in a short one: `--as` is no suggestion for `--x`.
  const near = Object.keys(options).find((known) => editDistance(flag.slice(2), known) <= (known.length > 4 ? 2 : 1));
  const shown = quote(flag).slice(1, -1);
  return near ? t('unknown option {0} (did you mean --{1}?)', shown, near) : t('unknown option {0}', shown);
}

/** Levenshtein distance, for "did you mean" on a mistyped flag. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length];
}

/** What node's parser still reports after `checkedArgs`: short flags and stray arguments. */
function parseErrorText(e: Error & { code?: string }): string {
  const named = /'([^']*)'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && named !== undefined)
    return t('unknown option {0}', quote(named).slice(1, -1));
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && named !== undefined)
    return t('unexpected argument {0}', quote(named));
  return e.message.split('\n')[0];
}

function rejectEmptyValues(values: Record<string, unknown>, positionals: string[], positionalName: string): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === '' || (Array.isArray(value) && value.includes('')))
      throw new UsageError(t('--{0} must not be empty', name));
  }
  if (positionals.includes('')) throw new UsageError(t('{0} must not be empty', positionalName));
}

export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** What a numeric option accepts. Every number is also at most 2^53 - 1, what a double holds exactly. */
export interface NumberRule {
  integer?: boolean;
  /** Smallest value accepted (default 0). */
  min?: number;
  /** Values must be above 0 (for factors and rates, where 0 means nothing). */
  positive?: boolean;
  max?: number;
  /** Named in the message: `a number of seconds >= 1`. */
  unit?: string;
  /** Bounds shown as they are, not as counts: port 65535, not 65,535. */
  identifier?: boolean;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * The one validator of numeric options: returns `fallback` when the option is absent, else
 * the number, or throws a UsageError that names the option, what it accepts and what it got
 * (`--users must be a non-negative integer, got "-3"`).
 */
export function numberOption(
  value: string | undefined,
  name: string,
  rule: NumberRule,
  fallback?: number,
): number | undefined {
  if (value === undefined) return fallback;
  const n = DECIMAL.test(value.trim()) ? Number(value) : NaN;
  const kindOk = Number.isFinite(n) && (!rule.integer || Number.isInteger(n));
  const min = rule.min ?? 0;
  // Past 2^53 a double no longer holds every integer: "99999999999999999999" would silently become another number.
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  if (kindOk && n >= min && !(rule.positive && n <= 0) && n <= max) return n === 0 ? 0 : n; // no -0
  if (kindOk && n > max && rule.max === undefined)
    throw new UsageError(t('--{0} must be at most {1}, got {2}', name, formatCount(max), quote(value)));
  throw new UsageError(t('--{0} must be {1}, got {2}', name, expectation(rule, kindOk), quote(value)));
}

function expectation(rule: NumberRule, kindOk: boolean): string {
  const noun = rule.integer ? t('integer') : rule.unit ? t('number of {0}', rule.unit) : t('number');
  const show = (n: number) => (rule.identifier ? String(n) : formatCount(n));
  const min = rule.min ?? 0;
  if (rule.max !== undefined)
    return kindOk
      ? t('between {0} and {1}', show(min), show(rule.max))
      : rule.integer
        ? t('an integer between {0} and {1}', show(min), show(rule.max))
        : t('a {0} between {1} and {2}', noun, show(min), show(rule.max));
  if (rule.positive || (rule.integer && min === 1)) return t('a positive {0}', noun);
  if (min === 0) return t('a non-negative {0}', noun);
  return rule.integer ? t('an integer >= {0}', show(min)) : t('a {0} >= {1}', noun, show(min));
}

/** A non-negative integer option (counts, offsets, milliseconds); see `numberOption`. */
export function intOption(value: string | undefined, name: string, fallback?: number): number | undefined {
  return numberOption(value, name, { integer: true }, fallback);
}

/** `a, b or c`: the values an option accepts, in messages. */
function choicesText(choices: readonly string[]): string {
  return choices.length < 2
    ? choices.join('')
    : t('{0} or {1}', choices.slice(0, -1).join(', '), choices[choices.length - 1]);
}

/** An option that takes one of a few words; anything else is refused with the list. */
export function choiceOption<T extends string>(value: string, name: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(t('--{0} must be {1}, got {2}', name, choicesText(choices), quote(value)));
}

/** A TCP port, 1 to 65535. */
export function portOption(value: string | undefined, name = 'port'): number | undefined {
  return numberOption(value, name, { integer: true, min: 1, max: 65535, identifier: true });
}

/** Prints one JSON object on one line (the machine-readable contract of `--json`). */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value));
}

export type ActionHandler = (argv: string[], io: CliIO) => Promise<number>;

/**
 * For commands with actions (`broker start`, `topics list`...): runs the action named by the
 * first word, prints the command's help for `--help` (exit 0); a missing or unknown action is
 * a usage error that lists the actions.
 */
export function runAction(
  argv: string[],
  io: CliIO,
  help: string,
  actions: Record<string, ActionHandler>,
): Promise<number> {
  const [action, ...rest] = argv;
  if (wantsHelp(argv)) {
    io.out(help);
    return Promise.resolve(0);
  }
  const names = choicesText(Object.keys(actions));
  if (action === undefined) throw new UsageError(t('an action is required: {0}', names));
  const handler = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!handler) throw new UsageError(t('unknown action {0} ({1})', quote(action), names));
  return handler(rest, io);
}

/** The usage error for options that exclude each other: `--a and --b cannot be combined`. */
export function cannotCombine(...flags: string[]): UsageError {
  return new UsageError(t('{0} cannot be combined', flags.join(t(' and '))));
}
