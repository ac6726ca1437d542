// The platform module for Linux, macOS and Windows: stopping the broker's process tree, the
// cache folder, PATH and environment lookups, and paths with spaces and non-ASCII names.
// Decisions are checked for all three platforms; what can run here (POSIX) runs for real.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  envValue,
  javaChildEnv,
  pathDirs,
  userCacheDir,
  type OsName,
  type Platform,
} from '../../../src/core/platform/platform';
import {
  backgroundSpawnOptions,
  isAlive,
  stopStep,
  terminateProcess,
  type StopStep,
} from '../../../src/core/platform/processTree';
import { propertyValue } from '../../../src/core/broker/javaProperties';

const on = (
  os: OsName,
  env: NodeJS.ProcessEnv = {},
  homedir = os === 'win32' ? 'C:\\Users\\Ana María' : '/home/ana maría',
): Platform => ({ os, env, homedir });

describe('platform: stopping the broker', () => {
  for (const os of ['linux', 'darwin'] as const) {
    it(`${os}: SIGTERM first, SIGKILL last, to the process group when the whole tree must go`, () => {
      assert.deepEqual(stopStep(42, { tree: true, force: false }, on(os)), {
        kind: 'signal',
        pid: -42,
        signal: 'SIGTERM',
      });
      assert.deepEqual(stopStep(42, { tree: true, force: true }, on(os)), {
        kind: 'signal',
        pid: -42,
        signal: 'SIGKILL',
      });
      assert.deepEqual(stopStep(42, { tree: false, force: false }, on(os)), {
        kind: 'signal',
        pid: 42,
        signal: 'SIGTERM',
      });
    });
  }

  it('win32: no signal, no negative pid: taskkill ends the process tree', () => {
    assert.equal(stopStep(42, { tree: true, force: false }, on('win32')), undefined);
    assert.deepEqual(stopStep(42, { tree: true, force: true }, on('win32')), {
      kind: 'command',
      file: 'taskkill',
      args: ['/PID', '42', '/T', '/F'],
    });
    assert.deepEqual(stopStep(42, { tree: false, force: true }, on('win32')), {
      kind: 'command',
      file: 'taskkill',
      args: ['/PID', '42', '/F'],
    });
  });

  it('win32: terminate runs taskkill once, without waiting for a grace period that cannot help', async () => {
    const steps: StopStep[] = [];
    let alive = true;
    const gone = await terminateProcess(42, {
      graceMs: 60_000,
      tree: true,
      platform: on('win32'),
      alive: () => alive,
      run: async (step) => {
        steps.push(step);
        alive = false;
      },
    });
    assert.equal(gone, true);
    assert.deepEqual(steps, [{ kind: 'command', file: 'taskkill', args: ['/PID', '42', '/T', '/F'] }]);
  });

  it('linux: terminate forces a process that ignores SIGTERM once the grace period is over', async () => {
    const steps: StopStep[] = [];
    let alive = true;
    const gone = await terminateProcess(7, {
      graceMs: 200,
      tree: false,
      platform: on('linux'),
      alive: () => alive,
      run: async (step) => {
        steps.push(step);
        if (step.kind === 'signal' && step.signal === 'SIGKILL') alive = false;
      },
    });
    assert.equal(gone, true);
    assert.deepEqual(
      steps.map((s) => s.kind === 'signal' && s.signal),
      ['SIGTERM', 'SIGKILL'],
    );
  });

  it('spawns background children hidden (no console window on Windows)', () => {
    assert.deepEqual(backgroundSpawnOptions(true), { detached: true, windowsHide: true });
    assert.deepEqual(backgroundSpawnOptions(false), { detached: false, windowsHide: true });
  });
});

describe('platform: on this machine, for real', function () {
  if (process.platform === 'win32') return;
  this.timeout(20_000);

  it('stops a detached process tree whose leader ignores SIGTERM, grandchild included', async () => {
    // The leader ignores SIGTERM and starts a grandchild, then prints its pid (plainly: console.log
    // colours numbers when FORCE_COLOR is set, as the test runner does).
    const script = `process.on('SIGTERM', () => {});
      const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      process.stdout.write(c.pid + '\\n'); setInterval(() => {}, 1000);`;
    const leader = spawn(process.execPath, ['-e', script], {
      ...backgroundSpawnOptions(true),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const printed = await new Promise<string>((resolve) =>
        leader.stdout!.once('data', (d: Buffer) => resolve(String(d))),
      );
      const grandchild = Number(printed.trim());
      assert.ok(Number.isInteger(grandchild), `the leader printed "${printed}" instead of a pid`);
      assert.ok(isAlive(leader.pid!), 'the leader died before it was asked to stop');
      assert.ok(isAlive(grandchild), `the grandchild ${grandchild} died before it was asked to stop`);
      assert.equal(await terminateProcess(leader.pid!, { graceMs: 300, tree: true }), true);
      for (let i = 0; i < 50 && isAlive(grandchild); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(isAlive(grandchild), false, 'the grandchild outlived its process group');
    } finally {
      // Whatever failed above, leave nothing running: an open pipe would keep mocha from exiting.
      try {
        process.kill(-leader.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      leader.stdout!.destroy();
    }
  });
});

describe('platform: folders and environment', () => {
  it('puts the cache where each OS keeps caches, spaces and accents intact', () => {
    assert.equal(userCacheDir(on('linux')), '/home/ana maría/.cache');
    assert.equal(userCacheDir(on('linux', { XDG_CACHE_HOME: '/data/cache ü' })), '/data/cache ü');
    assert.equal(userCacheDir(on('linux', { XDG_CACHE_HOME: 'relative' })), '/home/ana maría/.cache');
    assert.equal(userCacheDir(on('darwin')), '/home/ana maría/Library/Caches');
    assert.equal(
      userCacheDir(on('win32', { LocalAppData: 'C:\\Users\\Ana María\\AppData\\Local' })),
      'C:\\Users\\Ana María\\AppData\\Local',
    );
    assert.equal(userCacheDir(on('win32')), 'C:\\Users\\Ana María\\AppData\\Local');
  });

  it('reads Windows variables whatever their case, and others only as written', () => {
    assert.equal(envValue(on('win32', { Path: 'C:\\x' }), 'PATH'), 'C:\\x');
    assert.equal(envValue(on('linux', { Path: '/x' }), 'PATH'), undefined);
  });

  it('splits PATH the way each OS writes it', () => {
    assert.deepEqual(pathDirs(on('win32', { Path: 'C:\\Windows;"C:\\Program Files\\Java\\jdk-17\\bin";;' })), [
      'C:\\Windows',
      'C:\\Program Files\\Java\\jdk-17\\bin',
    ]);
    assert.deepEqual(pathDirs(on('linux', { PATH: '/usr/bin:/opt/my tools/bin:' })), ['/usr/bin', '/opt/my tools/bin']);
  });

  it('gives a Java child on Linux a UTF-8 locale, so non-ASCII folder names reach it intact', () => {
    assert.equal(javaChildEnv(on('linux', { LANG: 'C' })).LC_ALL, 'C.UTF-8');
    assert.equal(javaChildEnv(on('linux', {})).LC_ALL, 'C.UTF-8');
    assert.equal(javaChildEnv(on('linux', { LANG: 'de_DE.UTF-8' })).LC_ALL, undefined);
    assert.equal(javaChildEnv(on('linux', { LANG: 'C', LC_ALL: 'en_US.utf8' })).LC_ALL, 'en_US.utf8');
    assert.equal(javaChildEnv(on('darwin', { LANG: 'C' })).LC_ALL, undefined);
    assert.equal(javaChildEnv(on('win32', {})).LC_ALL, undefined);
  });
});

describe('platform: paths inside Java .properties files', () => {
  it("keep Windows backslashes, accents and non-Latin letters through Java's ISO-8859-1 reader", () => {
    assert.equal(
      propertyValue('C:\\Users\\José Ñúñez\\kraft-logs'),
      'C:\\\\Users\\\\Jos\\u00e9 \\u00d1\\u00fa\\u00f1ez\\\\kraft-logs',
    );
    assert.equal(propertyValue('/home/李雷/data ✓/😀'), '/home/\\u674e\\u96f7/data \\u2713/\\ud83d\\ude00');
    assert.equal(propertyValue(' lead'), '\\ lead');
    assert.equal(propertyValue('/tmp/plain-ascii_dir'), '/tmp/plain-ascii_dir');
  });
});
