// A standing defence: every command and action of the built CLI (dist/cli.js, run as a child
// process so exit codes and stderr are the real ones) gets arguments meant to break it. Each
// must end with exit 2 (bad usage) or 1 (a runtime problem such as a missing file), exactly one
// line on stderr that names the problem, no stack trace, no `undefined`/`NaN`/`[object Object]`,
// nothing on stdout, and no connection to the broker it was pointed at (a local TCP server
// that only counts who connects).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');
/** Stands for `127.0.0.1:PORT` of the case's own listening stub. */
const STUB = '<stub>';
/** Stands for a valid topic name in a spec's arguments; topic cases put a bad one there. */
const TOPIC = '<topic>';
const NOBODY = 65534;

const root = path.join(os.tmpdir(), `kll-hostile-${process.pid}`);
const fixture = {
  log: path.join(root, 'web.log'),
  folder: path.join(root, 'folder'),
  locked: path.join(root, 'locked.log'),
  lockedFolder: path.join(root, 'locked-folder'),
  missing: path.join(root, 'missing.log'),
  out: path.join(root, 'out.log'),
  /** Created with the byte 0xE9 (latin1 "é") in its name: not valid UTF-8. */
  latin1Name: Buffer.concat([Buffer.from(path.join(root, 'caf')), Buffer.from([0xe9]), Buffer.from('.log')]),
  cache: path.join(root, 'cache'),
};

/** How a case is run: as users do, as an unprivileged user, or with a file name that is not UTF-8. */
type RunMode = 'plain' | 'nobody' | 'latin1-file';

interface HostileCase {
  title: string;
  args: string[];
  exit: 1 | 2;
  /** What the one stderr line says after `kafka-log-lab COMMAND: `. */
  says: RegExp;
  mode?: RunMode;
}

interface CommandSpec {
  /** `['topics', 'create']` */
  words: string[];
  /** Arguments that pass every usage check; each case adds or swaps one hostile piece. */
  base: string[];
  /** Options whose value is a number. */
  numbers?: string[];
  /** Options that take a value (numbers included). */
  strings?: string[];
  /** The command reads FILE (the last argument of `base` is the readable fixture). */
  readsFile?: boolean;
  /** The option that names a file the command writes. */
  writes?: string;
  brokers?: boolean;
  /** Extra cases for this command's own rules. */
  own?: Array<Omit<HostileCase, 'title'> & { what: string }>;
}

const KAFKA = ['--brokers', STUB];
const SPECS: CommandSpec[] = [
  {
    words: ['demo'],
    base: [...KAFKA, '--out', fixture.out],
    numbers: ['users'],
    strings: ['users', 'seed', 'topic', 'engine', 'brokers', 'out'],
    writes: '--out',
    brokers: true,
    own: [
      {
        what: 'a bad --topic',
        args: ['--topic', '../x'],
        exit: 2,
        says: /^--topic: topic name "\.\.\/x" contains "\/"/,
      },
      {
        what: 'an unknown engine',
        args: ['--engine', 'podman'],
        exit: 2,
        says: /^--engine must be auto, docker or jvm/,
      },
    ],
  },
  {
    words: ['broker', 'start'],
    base: ['--engine', 'docker'],
    numbers: ['port', 'timeout', 'nodes'],
    strings: ['engine', 'port', 'kafka-version', 'image', 'volume', 'name', 'data-dir', 'timeout', 'nodes'],
    own: [
      {
        what: 'a port above 65535',
        args: ['--port', '99999'],
        exit: 2,
        says: /^--port must be between 1 and 65535, got "99999"/,
      },
    ],
  },
  { words: ['broker', 'status'], base: [] },
  { words: ['broker', 'stop'], base: [], numbers: ['port'], strings: ['port'] },
  {
    words: ['broker', 'kill'],
    base: ['--node', '2'],
    numbers: ['node'],
    strings: ['node', 'engine'],
    own: [
      {
        what: 'an engine that cannot run a cluster',
        args: ['--engine', 'podman'],
        exit: 2,
        says: /^--engine must be docker or jvm with --node, got "podman"/,
      },
    ],
  },
  { words: ['broker', 'restart'], base: [], numbers: ['port', 'timeout'], strings: ['port', 'timeout'] },
  { words: ['broker', 'reset'], base: [], numbers: ['port'], strings: ['port', 'volume'] },
  { words: ['broker', 'logs'], base: [], numbers: ['port', 'tail'], strings: ['port', 'tail'] },
  { words: ['broker', 'fetch'], base: [], strings: ['kafka-version'] },
  {
    words: ['generate'],
    base: ['--format', 'web', '--out', fixture.out, '--lines', '10'],
    numbers: ['users', 'lines', 'think-time'],
    strings: ['format', 'out', 'users', 'lines', 'seed', 'start', 'think-time'],
    writes: '--out',
    own: [
      {
        what: 'a start that is no time',
        args: ['--start', '99999999999999999999'],
        exit: 2,
        says: /^--start must be an ISO 8601 time/,
      },
      {
        what: 'an unknown format',
        args: ['--format', 'xml'],
        exit: 2,
        says: /^--format must be web, nginx or events, got "xml"/,
      },
      {
        what: 'negative users',
        args: ['--users', '-3'],
        exit: 2,
        says: /^--users must be a non-negative integer, got "-3"/,
      },
      {
        what: 'lines that are no number',
        args: ['--lines', 'abc'],
        exit: 2,
        says: /^--lines must be a non-negative integer, got "abc"/,
      },
      { what: 'a rate without --live', args: ['--rate', '5'], exit: 2, says: /^--rate needs --live/ },
      {
        what: 'live traffic with a line count',
        args: ['--live'],
        exit: 2,
        says: /^--lines does not apply to --live \(it runs until Ctrl-C\)/,
      },
    ],
  },
  {
    words: ['generate'],
    base: ['--format', 'events', '--out', fixture.out, '--live'],
    numbers: ['rate', 'rotate-bytes', 'think-time'],
    strings: ['rate', 'rotate-bytes', 'think-time'],
    own: [
      { what: 'a live rate of 0', args: ['--rate', '0'], exit: 2, says: /^--rate must be between 1 and 10,000, got "/ },
      {
        what: 'a live rate beyond the limit',
        args: ['--rate', '20000'],
        exit: 2,
        says: /^--rate must be between 1 and 10,000, got "/,
      },
    ],
  },
  { words: ['stats'], base: [fixture.log], strings: ['format'], readsFile: true },
  {
    words: ['produce'],
    base: ['--topic', TOPIC, ...KAFKA, fixture.log],
    numbers: ['partitions', 'rate', 'replay', 'from-line'],
    strings: ['topic', 'brokers', 'format', 'as', 'key', 'partitions', 'compression', 'rate', 'replay', 'from-line'],
    readsFile: true,
    brokers: true,
    own: [
      {
        what: 'an unknown compression',
        args: ['--compression', 'zstd'],
        exit: 2,
        says: /^--compression must be gzip or none, got "zstd"/,
      },
      { what: 'a negative rate', args: ['--rate', '-5'], exit: 2, says: /^--rate must be a number >= 0.01, got "-5"/ },
    ],
  },
  {
    words: ['consume'],
    base: ['--topic', TOPIC, ...KAFKA],
    numbers: ['from-offset', 'max', 'idle-ms'],
    strings: ['topic', 'brokers', 'group', 'from-offset', 'from-time', 'max', 'idle-ms', 'format'],
    brokers: true,
    own: [
      {
        what: 'a time past the last date',
        args: ['--from-time', '99999999999999999999'],
        exit: 2,
        says: /^--from-time: "99999999999999999999" is beyond the last date/,
      },
      {
        what: 'a time that is no time',
        args: ['--from-time', 'yesterday'],
        exit: 2,
        says: /^--from-time: "yesterday" is not an ISO date-time/,
      },
      {
        what: 'two start positions',
        args: ['--from-beginning', '--from-offset', '3'],
        exit: 2,
        says: /cannot be combined/,
      },
      {
        what: 'a negative offset',
        args: ['--from-offset', '-1'],
        exit: 2,
        says: /^--from-offset must be a non-negative integer, got "-1"/,
      },
      {
        what: 'a value missing before the next flag',
        args: ['--group', '--stats'],
        exit: 2,
        says: /^--group needs a value/,
      },
    ],
  },
  {
    words: ['verify'],
    base: ['--topic', TOPIC, ...KAFKA, fixture.log],
    strings: ['topic', 'brokers'],
    readsFile: true,
    brokers: true,
  },
  { words: ['topics', 'list'], base: [...KAFKA], strings: ['brokers'], brokers: true },
  { words: ['topics', 'describe'], base: [TOPIC, ...KAFKA], strings: ['brokers'], brokers: true },
  {
    words: ['topics', 'create'],
    base: [TOPIC, ...KAFKA],
    numbers: ['partitions', 'replication-factor'],
    strings: ['brokers', 'partitions', 'replication-factor', 'config'],
    brokers: true,
    own: [
      {
        what: 'a config without =',
        args: ['--config', 'retention.ms'],
        exit: 2,
        says: /^--config must be KEY=VALUE, got "retention.ms"/,
      },
    ],
  },
  { words: ['topics', 'delete'], base: [TOPIC, ...KAFKA], strings: ['brokers'], brokers: true },
  { words: ['groups', 'list'], base: [...KAFKA], strings: ['brokers'], brokers: true },
  {
    words: ['groups', 'describe'],
    base: ['g', ...KAFKA],
    strings: ['brokers'],
    brokers: true,
    own: [{ what: 'an empty GROUP', args: [''], exit: 2, says: /^GROUP must not be empty/ }],
  },
  {
    words: ['groups', 'reset-offsets'],
    base: ['g', '--topic', TOPIC, '--to', 'earliest', ...KAFKA],
    strings: ['brokers', 'topic', 'to'],
    brokers: true,
    own: [
      {
        what: 'a --to that is no time',
        args: ['--to', 'someday'],
        exit: 2,
        says: /^--to: "someday" is not an ISO date-time/,
      },
      {
        what: 'a --to past the last date',
        args: ['--to', '99999999999999999999'],
        exit: 2,
        says: /^--to: "99999999999999999999" is beyond the last date/,
      },
    ],
  },
  { words: ['groups', 'delete'], base: ['g', ...KAFKA], strings: ['brokers'], brokers: true },
  {
    words: ['lab', 'groups'],
    base: ['--topic', TOPIC, ...KAFKA],
    numbers: ['groups', 'members', 'partitions', 'messages', 'timeout'],
    strings: ['topic', 'brokers', 'groups', 'members', 'partitions', 'messages', 'timeout'],
    brokers: true,
    own: [
      {
        what: 'more members than allowed',
        args: ['--members', '51'],
        exit: 2,
        says: /^--members must be between 1 and 50, got "51"/,
      },
    ],
  },
];

const BAD_NUMBERS = ['-3', '1e309', '99999999999999999999', 'abc'];
const BAD_TOPICS = ['a b', '../x', 'x'.repeat(250), '.', '..'];
const BAD_BROKERS = ['foo', 'host:', 'host:99999', ':9092'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Hands out the hostile values of a kind in turn across the whole table, so that every value
 * meets some command and every option meets some value without running each pair (each case
 * is a process start).
 */
function rotation<T>(values: T[]): () => T {
  let i = 0;
  return () => values[i++ % values.length];
}
const nextNumber = rotation(BAD_NUMBERS);
const nextTopic = rotation(BAD_TOPICS);
const nextBrokers = rotation(BAD_BROKERS);

/** The hostile cases of one command: the same kinds of abuse for every command that can meet them. */
function casesFor(spec: CommandSpec): HostileCase[] {
  const name = spec.words.join(' ');
  const withTopic = (args: string[], topic = 't') => args.map((a) => (a === TOPIC ? topic : a));
  const base = withTopic(spec.base);
  const cases: HostileCase[] = [
    {
      title: `${name} --bogus`,
      args: [...base, '--bogus'],
      exit: 2,
      says: /^unknown option --bogus \(try kafka-log-lab/,
    },
  ];
  const strings = spec.strings ?? [];
  if (strings.length > 0) {
    // The last option without its value, and the first one with an empty value.
    const last = strings[strings.length - 1];
    cases.push({
      title: `${name} --${last} (value missing at the end)`,
      args: [...base, `--${last}`],
      exit: 2,
      says: new RegExp(`^--${last} needs a value`),
    });
    cases.push({
      title: `${name} --${strings[0]} ""`,
      args: [...base, `--${strings[0]}`, ''],
      exit: 2,
      says: new RegExp(`^--${strings[0]} must not be empty`),
    });
  }
  for (const option of spec.numbers ?? []) {
    const value = nextNumber();
    cases.push({
      title: `${name} --${option} ${value}`,
      args: [...base, `--${option}`, value],
      exit: 2,
      says: new RegExp(`^--${option} must be .*, got "${escape(value)}"`),
    });
  }
  if (spec.base.includes(TOPIC)) {
    const topic = nextTopic();
    const shown = topic.length > 20 ? `of ${topic.length} characters` : `"${topic}"`;
    cases.push({
      title: `${name} topic ${shown}`,
      args: withTopic(spec.base, topic),
      exit: 2,
      says: /^(--topic|TOPIC): .*topic name/,
    });
  }
  if (spec.brokers) {
    const entry = nextBrokers();
    cases.push({
      title: `${name} --brokers ${entry}`,
      args: [...base, '--brokers', entry],
      exit: 2,
      says: new RegExp(`^--brokers: "${escape(entry)}" `),
    });
  }
  if (spec.readsFile) {
    const other = base.slice(0, -1);
    cases.push(
      {
        title: `${name} FILE missing`,
        args: [...other, fixture.missing],
        exit: 1,
        says: new RegExp(`^${escape(fixture.missing)}: no such file$`),
      },
      {
        title: `${name} FILE is a directory`,
        args: [...other, fixture.folder],
        exit: 1,
        says: new RegExp(`^${escape(fixture.folder)}: is a directory$`),
      },
      {
        title: `${name} FILE unreadable`,
        args: [...other, fixture.locked],
        exit: 1,
        says: new RegExp(`^${escape(fixture.locked)}: permission denied$`),
        mode: 'nobody',
      },
      {
        title: `${name} FILE named in latin1`,
        args: other,
        exit: 1,
        says: /: no such file \(the name is not valid UTF-8/,
        mode: 'latin1-file',
      },
      { title: `${name} FILE ""`, args: [...other, ''], exit: 2, says: /^FILE must not be empty/ },
    );
  }
  if (spec.writes) {
    const into = path.join(fixture.missing, 'x.log');
    cases.push(
      {
        title: `${name} ${spec.writes} into a missing folder`,
        args: [...base, spec.writes, into],
        exit: 1,
        says: new RegExp(`^${escape(fixture.missing)}: no such directory$`),
      },
      {
        title: `${name} ${spec.writes} a directory`,
        args: [...base, spec.writes, fixture.folder],
        exit: 1,
        says: new RegExp(`^${escape(fixture.folder)}: is a directory$`),
      },
      {
        title: `${name} ${spec.writes} into a read-only folder`,
        args: [...base, spec.writes, path.join(fixture.lockedFolder, 'x.log')],
        exit: 1,
        says: new RegExp(`^${escape(fixture.lockedFolder)}: permission denied$`),
        mode: 'nobody',
      },
    );
  }
  for (const own of spec.own ?? [])
    cases.push({
      title: `${name} ${own.what}`,
      args: [...base, ...own.args],
      exit: own.exit,
      says: own.says,
      mode: own.mode,
    });
  return cases.map((c) => ({ ...c, args: [...spec.words, ...c.args] }));
}

const ACTION_CASES: HostileCase[] = ['broker', 'topics', 'groups', 'lab'].flatMap((command) => [
  { title: `${command} without an action`, args: [command], exit: 2 as const, says: /^an action is required: / },
  {
    title: `${command} with an unknown action`,
    args: [command, 'frobnicate'],
    exit: 2 as const,
    says: /^unknown action "frobnicate" \(/,
  },
]);

const CASES: HostileCase[] = [...SPECS.flatMap(casesFor), ...ACTION_CASES];

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Connections the stub broker received while the case ran. */
  connections: number;
}

/** A TCP listener that stands in for a broker and only counts connections. */
async function listenStub(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, connections: () => connections, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function run(c: HostileCase): Promise<Outcome> {
  const stub = await listenStub();
  const broker = `127.0.0.1:${stub.port}`;
  const args = c.args.map((a) => (a === STUB ? broker : a));
  const env = {
    ...process.env,
    KAFKA_BROKERS: broker,
    KAFKA_LOG_LAB_CACHE: fixture.cache,
    // Docker is never there, so a case that slipped through cannot reach a real daemon.
    DOCKER_HOST: `unix://${path.join(root, 'no-docker.sock')}`,
    KAFKA_LOG_LAB_DEBUG: '',
  };
  const [file, argv] =
    c.mode === 'latin1-file'
      ? // Arguments reach the CLI as raw bytes only through a shell: node would encode them as UTF-8.
        ['/bin/sh', ['-c', 'exec "$@" "$(printf "%s/caf\\351.log" "$KLL_DIR")"', 'sh', process.execPath, CLI, ...args]]
      : [process.execPath, [CLI, ...args]];
  const ids = c.mode === 'nobody' && process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  const outcome = await new Promise<Omit<Outcome, 'connections'>>((resolve) => {
    execFile(
      file,
      argv,
      { env: { ...env, KLL_DIR: root }, timeout: 60_000, cwd: root, ...ids },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
  // Give a connection attempt that raced the exit the time to land.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await stub.close();
  return { ...outcome, connections: stub.connections() };
}

async function runAll(cases: HostileCase[], parallel: number): Promise<Map<HostileCase, Outcome>> {
  const outcomes = new Map<HostileCase, Outcome>();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      outcomes.set(c, await run(c));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return outcomes;
}

/** Why chmod cannot make a file unreadable here, or undefined when the unreadable cases can run. */
async function unreadableSkipReason(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const probe = await new Promise<boolean>((resolve) => {
    execFile(
      process.execPath,
      ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, require('fs').constants.R_OK)`],
      { uid: NOBODY, gid: NOBODY, cwd: '/' },
      (e) => resolve(!e),
    );
  });
  return probe
    ? undefined
    : 'running as root, where chmod 000 does not stop reading, and the CLI cannot be run as user nobody here';
}

function makeFixtures(): void {
  fs.mkdirSync(fixture.folder, { recursive: true });
  fs.mkdirSync(fixture.cache, { recursive: true });
  fs.mkdirSync(fixture.lockedFolder, { recursive: true });
  fs.writeFileSync(
    fixture.log,
    '1 -- Timestamp : 2025-10-16 21:16:47.779000 - User_id : 93b689f5 -- Action : go_to -- Page : home\n',
  );
  fs.writeFileSync(fixture.locked, 'secret\n');
  fs.writeFileSync(fixture.latin1Name, 'x\n');
  fs.chmodSync(fixture.locked, 0o000);
  fs.chmodSync(fixture.lockedFolder, 0o555);
  // The unprivileged run must reach the fixtures.
  fs.chmodSync(root, 0o755);
}

describe('hostile arguments, every command of the built CLI', function () {
  this.timeout(20_000);
  let outcomes = new Map<HostileCase, Outcome>();
  let skipUnreadable: string | undefined;

  before(async function () {
    this.timeout(600_000);
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build it first (node scripts/build.mjs)`);
    fs.mkdirSync(root, { recursive: true });
    makeFixtures();
    skipUnreadable = await unreadableSkipReason();
    outcomes = await runAll(
      CASES.filter((c) => !(c.mode === 'nobody' && skipUnreadable)),
      3,
    );
  });

  after(() => {
    fs.chmodSync(fixture.lockedFolder, 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('covers every command and action that --help lists', () => {
    const commands = new Set(CASES.map((c) => c.args[0]));
    for (const name of [
      'demo',
      'broker',
      'generate',
      'stats',
      'produce',
      'consume',
      'verify',
      'topics',
      'groups',
      'lab',
    ])
      assert.ok(commands.has(name), name);
    const actions = new Set(SPECS.filter((s) => s.words.length === 2).map((s) => s.words.join(' ')));
    for (const a of [
      'broker start',
      'broker status',
      'broker stop',
      'broker restart',
      'broker reset',
      'broker logs',
      'broker fetch',
      'topics list',
      'topics describe',
      'topics create',
      'topics delete',
      'groups list',
      'groups describe',
      'groups reset-offsets',
      'groups delete',
      'lab groups',
    ]) {
      assert.ok(actions.has(a), a);
    }
  });

  for (const c of CASES) {
    it(`${c.title} → exit ${c.exit}`, function () {
      if (c.mode === 'nobody' && skipUnreadable) {
        this.test!.title += ` (skipped: ${skipUnreadable})`;
        this.skip();
      }
      const o = outcomes.get(c)!;
      const command = c.args[0];
      const lines = o.stderr.split('\n');
      assert.equal(
        o.stderr.endsWith('\n') && lines.length,
        2,
        `exactly one line on stderr, got ${JSON.stringify(o.stderr)}`,
      );
      const [line] = lines;
      assert.equal(o.code, c.exit, line);
      assert.equal(o.stdout, '', 'nothing on stdout');
      assert.ok(line.startsWith(`kafka-log-lab ${command}: `), line);
      assert.match(line.slice(`kafka-log-lab ${command}: `.length), c.says);
      assert.doesNotMatch(line, /\bundefined\b|\bNaN\b|\[object Object\]|\bat .+:\d+:\d+|Error:/, line);
      assert.equal(o.connections, 0, 'nothing may reach the broker');
    });
  }
});
