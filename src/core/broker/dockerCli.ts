// Runs the `docker` CLI with argument arrays (never through a shell) and turns its failures
// into sentences a user can act on. The environment is passed through untouched, so
// DOCKER_HOST, DOCKER_CONTEXT and the user's current docker context all apply.
import { execFile, spawn } from 'node:child_process';
import { UserError } from '../errors';

export type DockerFailureKind =
  | 'cli-missing'
  | 'daemon-down'
  | 'permission-denied'
  | 'image-missing'
  | 'port-taken'
  | 'name-conflict'
  | 'no-such-container'
  | 'failed';

/** A failed docker call, classified; `message` is written for a person. */
export class DockerError extends UserError {
  constructor(
    readonly kind: DockerFailureKind,
    message: string,
    detail?: string,
  ) {
    super(message, detail);
    this.name = 'DockerError';
  }
}

export interface DockerCallContext {
  /** The docker arguments, for messages ("docker run ..."). */
  args?: readonly string[];
  /** The image the call used, named in "image X is not available" messages. */
  image?: string;
}

const DAEMON_DOWN = [
  /Cannot connect to the Docker daemon/i,
  /Is the docker daemon running/i,
  /failed to connect to the docker API/i,
  /error during connect/i,
  /dial unix [^:]+: connect: (no such file or directory|connection refused)/i,
  /open \/\/\.\/pipe\/docker_engine/i,
];

/** The last meaningful line of docker's stderr, without the "Run/See 'docker ... --help'" hint. */
export function lastErrorLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(Run|See) 'docker .*--help'/.test(l) && !/^WARNING: Error loading config file/.test(l));
  return (lines[lines.length - 1] ?? '').replace(/^docker: /, '').replace(/^Error response from daemon: /, '');
}

/** Classifies docker's stderr (and exit) into one of the failures we explain. Pure. */
export function classifyDockerFailure(stderr: string, context: DockerCallContext = {}): DockerError {
  const reason = lastErrorLine(stderr) || 'docker failed without a message';
  if (/permission denied while trying to connect to the docker (daemon socket|API)/i.test(stderr)) {
    return new DockerError(
      'permission-denied',
      'permission denied talking to the Docker daemon: add your user to the "docker" group (then log in again) or use a rootless Docker context',
      reason,
    );
  }
  if (DAEMON_DOWN.some((p) => p.test(stderr))) {
    const where = stderr.match(/(?:at|on) ((?:unix|tcp|npipe|ssh):\/\/[^\s.,;]+(?:\.[^\s.,;]+)*)/i)?.[1];
    return new DockerError(
      'daemon-down',
      `Docker is installed but the daemon is not running${where ? ` (nothing answers at ${where})` : ''}`,
      reason,
    );
  }
  const port =
    stderr.match(/listen tcp[46]? [^\s]*:(\d+): bind: address already in use/i)?.[1] ??
    stderr.match(/Bind for [^\s]*:(\d+) failed: port is already allocated/i)?.[1] ??
    stderr.match(/ports are not available: .*:(\d+)/i)?.[1];
  if (port) return new DockerError('port-taken', `port ${port} is taken by another process`, reason);
  if (/Conflict\. The container name "\/?([^"]+)" is already in use/i.test(stderr)) {
    const name = stderr.match(/container name "\/?([^"]+)"/i)?.[1];
    return new DockerError('name-conflict', `a container named ${name} already exists`, reason);
  }
  if (/No such container/i.test(stderr)) return new DockerError('no-such-container', reason, reason);
  if (
    /Unable to find image|No such image|pull access denied|repository does not exist|manifest unknown|manifest for .* not found|registry-1\.docker\.io|failed to resolve reference/i.test(
      stderr,
    )
  ) {
    const image = context.image ?? stderr.match(/image '([^']+)'/i)?.[1] ?? 'the image';
    return new DockerError(
      'image-missing',
      `image ${image} is not available locally and cannot be pulled: ${reason}`,
      reason,
    );
  }
  const what = context.args?.length ? `docker ${context.args[0]}` : 'docker';
  return new DockerError('failed', `${what} failed: ${reason}`, reason);
}

export const CLI_MISSING_MESSAGE = 'Docker is not installed (the docker command was not found on PATH)';

export interface DockerRunOptions {
  signal?: AbortSignal;
  /** Kill the call after this long (default 120 s). */
  timeoutMs?: number;
  /** The image involved, for the "not available" message. */
  image?: string;
  /** Environment for the CLI; defaults to this process's (DOCKER_HOST, contexts...). */
  env?: NodeJS.ProcessEnv;
}

export interface DockerOutput {
  stdout: string;
  stderr: string;
}

/** Runs `docker ...args`; rejects with a classified DockerError when it fails. */
export function runDocker(args: readonly string[], options: DockerRunOptions = {}): Promise<DockerOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      'docker',
      [...args],
      {
        env: options.env ?? process.env,
        signal: options.signal,
        timeout: options.timeoutMs ?? 120000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const err = error as NodeJS.ErrnoException & { killed?: boolean };
        if (err.code === 'ENOENT') return reject(new DockerError('cli-missing', CLI_MISSING_MESSAGE));
        if (err.name === 'AbortError') return reject(new DockerError('failed', `docker ${args[0]} was cancelled`));
        if (err.killed)
          return reject(
            new DockerError(
              'failed',
              `docker ${args[0]} did not answer within ${Math.round((options.timeoutMs ?? 120000) / 1000)} s`,
            ),
          );
        reject(classifyDockerFailure(stderr || err.message, { args, image: options.image }));
      },
    );
  });
}

/**
 * Runs a long-lived docker command (e.g. `logs -f`) and hands over its output line by line
 * (stdout and stderr alike: containers log to both). Resolves when it ends or `signal` aborts.
 */
export function streamDocker(
  args: readonly string[],
  onLine: (line: string) => void,
  options: DockerRunOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', [...args], { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderrText = '';
    const splitter = (collect: boolean) => {
      let pending = '';
      return (chunk: Buffer) => {
        const text = pending + chunk.toString();
        if (collect) stderrText = (stderrText + chunk.toString()).slice(-4000);
        const lines = text.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) onLine(line.replace(/\r$/, ''));
      };
    };
    child.stdout.on('data', splitter(false));
    child.stderr.on('data', splitter(true));
    const abort = () => child.kill('SIGTERM');
    options.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (e: NodeJS.ErrnoException) => {
      options.signal?.removeEventListener('abort', abort);
      reject(e.code === 'ENOENT' ? new DockerError('cli-missing', CLI_MISSING_MESSAGE) : e);
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', abort);
      if (code === 0 || options.signal?.aborted) resolve();
      else reject(classifyDockerFailure(stderrText, { args }));
    });
  });
}
