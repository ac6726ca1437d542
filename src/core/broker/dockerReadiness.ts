// Waits until the broker in a container answers (an admin client lists topics), watching the
// container meanwhile so a crash ends the wait at once, and reporting progress.
import { UserError } from '../errors';
import { runDocker, type DockerError } from './dockerCli';
import { waitUntilReady } from './readiness';

export interface ContainerWaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  progress: (message: string) => void;
  /** Stop a container that did not become ready (default true; false for one already running before). */
  stopOnFailure?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The container's last `n` log lines (stdout and stderr), or '' when docker cannot say. */
export async function lastContainerLogLines(name: string, n = 20): Promise<string> {
  try {
    const { stdout, stderr } = await runDocker(['logs', '--tail', String(n), name], { timeoutMs: 15000 });
    return [stdout, stderr]
      .map((s) => s.trimEnd())
      .filter(Boolean)
      .join('\n');
  } catch {
    return '';
  }
}

/** Resolves with the wait in ms once `bootstrap` answers; rejects with the container's last log lines. */
export async function waitForContainer(
  name: string,
  bootstrap: string,
  options: ContainerWaitOptions,
): Promise<number> {
  const started = Date.now();
  let gone: string | undefined;
  let watching = true;
  options.progress(`Waiting for Kafka to answer on ${bootstrap}…`);
  const watch = async () => {
    let lastReport = started;
    while (watching) {
      await sleep(1000);
      if (!watching) break;
      try {
        const { stdout } = await runDocker(['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', name], {
          timeoutMs: 10000,
        });
        const [status, code] = stdout.trim().split(' ');
        if (status === 'exited' || status === 'dead') gone = `the container ${name} exited (code ${code})`;
      } catch (e) {
        if ((e as DockerError).kind === 'no-such-container') gone = `the container ${name} was removed`;
      }
      if (Date.now() - lastReport >= 10000) {
        lastReport = Date.now();
        options.progress(`Still waiting for Kafka on ${bootstrap} (${Math.round((lastReport - started) / 1000)} s)…`);
      }
    }
  };
  const watcher = watch();
  try {
    return await waitUntilReady(bootstrap, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      abortReason: () => gone,
    });
  } catch (e) {
    const tail = await lastContainerLogLines(name);
    if (!gone && options.stopOnFailure !== false)
      await runDocker(['stop', '-t', '10', name], { timeoutMs: 30000 }).catch(() => undefined);
    const reason = (e as Error).message;
    throw new UserError(
      `Kafka in container ${name} did not become ready: ${reason}${tail ? `\nLast log lines of ${name}:\n${tail}` : ''}`,
      tail || undefined,
    );
  } finally {
    watching = false;
    await watcher;
  }
}
