// What keeps a finished test run alive. Mocha waits for the event loop to drain; a socket, child
// process or timer a test forgot to close makes the run hang with no word of why. After the run,
// a short grace lets clean shutdowns finish; whatever still holds the loop is then named (which
// socket, which command, how many timers) and the run ends as failed, so the leak is found, not waited on.

interface HandleLike {
  constructor?: { name?: string };
  spawnargs?: string[];
  pid?: number;
  remoteAddress?: string;
  remotePort?: number;
  localPort?: number;
  hasRef?: () => boolean;
  fd?: number;
  address?: () => unknown;
}

/** One line per handle that keeps the process alive. */
export function describeHandle(handle: HandleLike): string {
  const kind = handle.constructor?.name ?? typeof handle;
  if (handle.spawnargs) return `${kind} pid ${handle.pid}: ${handle.spawnargs.join(' ').slice(0, 200)}`;
  if (handle.remoteAddress !== undefined)
    return `${kind} ${handle.remoteAddress}:${handle.remotePort} (local port ${handle.localPort})`;
  if (handle.address) return `${kind} listening on ${JSON.stringify(handle.address())}`;
  if (typeof handle.fd === 'number') return `${kind} fd ${handle.fd}`;
  return kind;
}

/** The handles that hold the event loop open (stdio and unref'd ones do not), timers as a count. */
export function lingeringHandles(): string[] {
  const getHandles = (process as unknown as { _getActiveHandles?: () => HandleLike[] })._getActiveHandles;
  const handles = getHandles ? getHandles.call(process) : [];
  const named = handles
    .filter((h) => (h.hasRef ? h.hasRef() : true))
    .filter((h) => !(typeof h.fd === 'number' && h.fd <= 2))
    .map(describeHandle);
  // Node lists timers only by kind; their callbacks are not reachable from here.
  const timers = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
  return timers ? [...named, `${timers} timer(s) (setTimeout/setInterval)`] : named;
}

const TIMERS = / timer\(s\) /;
const POLL_MS = 1000;

/**
 * Watches, with unref'd timers (they never keep the process alive), a run that should be over:
 * a socket or child process still there `graceMs` after it ends is a leak, named and failed at
 * once. A pending timer may be a library's last retry or timeout, so timers alone get until
 * `timerLimitMs`; one still there then (an interval, a forgotten wait) fails the same way.
 */
export function failIfRunOutlives(what: string, limits: { graceMs: number; timerLimitMs: number }): void {
  const ended = Date.now();
  const check = () => {
    const held = lingeringHandles();
    const waited = Date.now() - ended;
    if (held.every((line) => TIMERS.test(line)) && waited < limits.timerLimitMs) {
      setTimeout(check, POLL_MS).unref();
      return;
    }
    console.log(`\n  [handles] ${what} ended, but ${held.length} handle(s) kept the process alive after ${waited} ms:`);
    for (const line of held) console.log(`    ${line}`);
    // Mocha's own exit listener sets the exit code to its failure count; this one runs after it.
    process.on('exit', () => (process.exitCode = 1));
    process.exit(1);
  };
  setTimeout(check, limits.graceMs).unref();
}
