// Starting and stopping a long-running child (the broker JVM) the same way on every OS.
// POSIX: SIGTERM (Kafka shuts down cleanly on it), SIGKILL when it does not listen; a detached
// child leads its own process group, which a negative pid reaches as a whole.
// Windows: no SIGTERM reaches a console program without a window, and pids carry no group,
// so `taskkill /T /F` ends the process and everything it started (Kafka recovers its log
// on the next start, as after a power cut).
import { execFile, type SpawnOptions } from 'node:child_process';
import { currentPlatform, type Platform } from './platform';

export type StopStep =
  { kind: 'signal'; pid: number; signal: 'SIGTERM' | 'SIGKILL' } | { kind: 'command'; file: string; args: string[] };

export interface StopOptions {
  /** Also the processes it started (POSIX: its process group, so it must have been spawned detached). */
  tree: boolean;
  /** The last resort, for a process that did not stop when asked. */
  force: boolean;
}

/** How to stop `pid` here; undefined when the platform has no polite way (Windows). */
export function stopStep(pid: number, options: StopOptions, platform: Platform): StopStep | undefined {
  if (platform.os === 'win32') {
    if (!options.force) return undefined;
    return { kind: 'command', file: 'taskkill', args: ['/PID', String(pid), ...(options.tree ? ['/T'] : []), '/F'] };
  }
  return { kind: 'signal', pid: options.tree ? -pid : pid, signal: options.force ? 'SIGKILL' : 'SIGTERM' };
}

/**
 * Options for spawning a background child: `detached` outlives us (and, on POSIX, makes it a
 * group leader); `windowsHide` keeps a console window from popping up on Windows.
 */
export function backgroundSpawnOptions(detached: boolean): Pick<SpawnOptions, 'detached' | 'windowsHide'> {
  return { detached, windowsHide: true };
}

export type StepRunner = (step: StopStep) => Promise<void>;

/** Carries out a stop step; a process that is already gone is not an error. */
export const runStopStep: StepRunner = async (step) => {
  if (step.kind === 'signal') {
    try {
      process.kill(step.pid, step.signal);
    } catch {
      /* already gone */
    }
    return;
  }
  await new Promise<void>((resolve) => execFile(step.file, step.args, { windowsHide: true }, () => resolve()));
};

/** True while `pid` exists (signal 0 only checks; Node emulates it on Windows). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function goneWithin(pid: number, ms: number, alive: (pid: number) => boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
  return true;
}

export interface TerminateOptions {
  graceMs?: number;
  tree?: boolean;
  platform?: Platform;
  run?: StepRunner;
  alive?: (pid: number) => boolean;
}

/** Asks `pid` to stop, forces it after `graceMs`; resolves true once it is gone. */
export async function terminateProcess(pid: number, options: TerminateOptions = {}): Promise<boolean> {
  const { graceMs = 20000, tree = false, platform = currentPlatform(), run = runStopStep, alive = isAlive } = options;
  if (!alive(pid)) return true;
  const polite = stopStep(pid, { tree, force: false }, platform);
  if (polite) {
    await run(polite);
    if (await goneWithin(pid, graceMs, alive)) return true;
  }
  await run(stopStep(pid, { tree, force: true }, platform)!);
  return goneWithin(pid, 5000, alive);
}
