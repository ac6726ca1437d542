import assert from 'node:assert/strict';
import {
  UsageError,
  choiceOption,
  intOption,
  numberOption,
  parseOptions,
  runAction,
  type CliIO,
} from '../../../src/cli/command';

const options = {
  users: { type: 'string' },
  topic: { type: 'string' },
  follow: { type: 'boolean', short: 'f' },
  json: { type: 'boolean', default: false },
} as const;

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof UsageError, `not a UsageError: ${String(e)}`);
    return e.message;
  }
  assert.fail('no UsageError');
}

describe('parseOptions', () => {
  it('hands a negative number to the option instead of calling it ambiguous', () => {
    assert.equal(parseOptions(['--users', '-3'], options).values.users, '-3');
    assert.equal(
      usageMessage(() => intOption(parseOptions(['--users', '-3'], options).values.users, 'users')),
      '--users must be a non-negative integer, got "-3"',
    );
  });

  it('says which option lacks its value, at the end or before another flag', () => {
    assert.equal(
      usageMessage(() => parseOptions(['--topic'], options)),
      '--topic needs a value',
    );
    assert.equal(
      usageMessage(() => parseOptions(['--topic', '--json'], options)),
      '--topic needs a value',
    );
    assert.equal(
      usageMessage(() => parseOptions(['--topic', '-f'], options)),
      '--topic needs a value',
    );
  });

  it('refuses empty values and empty arguments by name', () => {
    assert.equal(
      usageMessage(() => parseOptions(['--topic', ''], options)),
      '--topic must not be empty',
    );
    assert.equal(
      usageMessage(() => parseOptions(['--topic='], options)),
      '--topic must not be empty',
    );
    assert.equal(
      usageMessage(() => parseOptions([''], options, 'FILE')),
      'FILE must not be empty',
    );
  });

  it('names unknown flags, suggests a near one, and refuses values for switches', () => {
    assert.equal(
      usageMessage(() => parseOptions(['--bogus'], options)),
      'unknown option --bogus',
    );
    assert.equal(
      usageMessage(() => parseOptions(['--topc', 'x'], options)),
      'unknown option --topc (did you mean --topic?)',
    );
    assert.equal(
      usageMessage(() => parseOptions(['-x'], options)),
      'unknown option -x',
    );
    assert.equal(
      usageMessage(() => parseOptions(['--json=yes'], options)),
      '--json takes no value, got "yes"',
    );
    assert.equal(
      usageMessage(() => parseOptions(['stray'], options)),
      'unexpected argument "stray"',
    );
  });

  it('still reads ordinary arguments, short flags and everything after --', () => {
    const { values, positionals } = parseOptions(['--topic=t', '-f', 'file', '--', '--json'], options, 'FILE');
    assert.deepEqual({ ...values }, { topic: 't', follow: true, json: false });
    assert.deepEqual(positionals, ['file', '--json']);
  });
});

describe('numberOption', () => {
  const cases: Array<[string | undefined, Parameters<typeof numberOption>[2], string]> = [
    ['abc', { integer: true }, '--n must be a non-negative integer, got "abc"'],
    ['1.5', { integer: true }, '--n must be a non-negative integer, got "1.5"'],
    ['1e309', { integer: true }, '--n must be a non-negative integer, got "1e309"'],
    [
      '99999999999999999999',
      { integer: true },
      '--n must be at most 9,007,199,254,740,991, got "99999999999999999999"',
    ],
    ['0', { integer: true, min: 1 }, '--n must be a positive integer, got "0"'],
    ['0', { integer: true, min: 1, max: 50 }, '--n must be between 1 and 50, got "0"'],
    ['x', { integer: true, min: 1, max: 50 }, '--n must be an integer between 1 and 50, got "x"'],
    ['0.5', { min: 1, unit: 'seconds' }, '--n must be a number of seconds >= 1, got "0.5"'],
    ['-5', { positive: true }, '--n must be a positive number, got "-5"'],
    ['0x10', {}, '--n must be a non-negative number, got "0x10"'],
    ['1\n2', {}, '--n must be a non-negative number, got "1\\n2"'],
  ];
  for (const [value, rule, message] of cases) {
    it(`${JSON.stringify(value)} with ${JSON.stringify(rule)}: ${message}`, () => {
      assert.equal(
        usageMessage(() => numberOption(value, 'n', rule)),
        message,
      );
    });
  }

  it('accepts what the rule allows and falls back when absent', () => {
    assert.equal(numberOption('1e3', 'n', { integer: true }), 1000);
    assert.equal(numberOption('0.5', 'n', { positive: true }), 0.5);
    assert.equal(numberOption(undefined, 'n', { integer: true }, 7), 7);
  });
});

describe('choiceOption and runAction', () => {
  it('lists the accepted words', () => {
    assert.equal(
      usageMessage(() => choiceOption('xml', 'format', ['web', 'nginx', 'events'])),
      '--format must be web, nginx or events, got "xml"',
    );
  });

  it('makes a missing or unknown action a usage error that lists the actions', async () => {
    const io: CliIO = { out: () => undefined, err: () => undefined, signal: new AbortController().signal };
    const actions = { list: async () => 0, describe: async () => 0 };
    assert.throws(() => runAction([], io, 'help', actions), { message: 'an action is required: list or describe' });
    assert.throws(() => runAction(['lsit'], io, 'help', actions), {
      message: 'unknown action "lsit" (list or describe)',
    });
  });
});
