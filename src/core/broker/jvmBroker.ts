// Starts a single-node Apache Kafka (KRaft) as a local JVM process on 127.0.0.1:
// format the log dir with StorageTool, start kafka.Kafka, wait until it lists topics.
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../errors';
import { ensureKafkaJars, DEFAULT_KAFKA_VERSION } from './kafkaJars';
import { LOG4J2_PROPERTIES, LOG4J_PROPERTIES, newClusterId, serverProperties } from './kraftConfig';
import { freePort, isPortFree } from './freePort';
import { waitUntilReady } from './readiness';
import { isAlive, terminate } from './processes';

const execFileAsync = promisify(execFile);

export interface JvmBrokerOptions {
  /** Client port; a free one when omitted. */
  port?: number;
  kafkaVersion?: string;
  /** Where the broker keeps its log (data) dir, config and output; a temp dir when omitted. */
  dataDir?: string;
  /** Keep running after this Node process exits (CLI `broker start`). */
  detached?: boolean;
  /** Max heap of the broker JVM. */
  heap?: string;
  readyTimeoutMs?: number;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

export interface RunningJvmBroker {
  engine: 'jvm';
  bootstrap: string;
  port: number;
  pid: number;
  kafkaVersion: string;
  dataDir: string;
  logFile: string;
  startMs: number;
  stop(): Promise<void>;
}

function javaBinary(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

export async function javaAvailable(): Promise<boolean> {
  try {
    await execFileAsync(javaBinary(), ['-version']);
    return true;
  } catch {
    return false;
  }
}

/** Last `n` lines of the broker's output, for error messages. */
export function tailOf(file: string, n = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

export async function startJvmBroker(options: JvmBrokerOptions = {}): Promise<RunningJvmBroker> {
  const t0 = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  if (!(await javaAvailable())) throw new UserError('Java is not installed (the JVM engine needs Java 17 or newer on PATH or in JAVA_HOME)');
  const jars = await ensureKafkaJars(options.kafkaVersion ?? DEFAULT_KAFKA_VERSION, progress);
  const host = '127.0.0.1';
  if (options.port !== undefined && !(await isPortFree(options.port, host))) {
    throw new UserError(`port ${options.port} is taken by another process; choose another with --port`);
  }
  const port = options.port ?? (await freePort(host));
  const controllerPort = await freePort(host);
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-log-lab-broker-'));
  const logDir = path.join(dataDir, 'kraft-logs');
  fs.mkdirSync(dataDir, { recursive: true });
  const propsFile = path.join(dataDir, 'server.properties');
  fs.writeFileSync(propsFile, serverProperties({ nodeId: 1, host, port, controllerPort, logDir }));
  fs.writeFileSync(path.join(dataDir, 'log4j.properties'), LOG4J_PROPERTIES);
  fs.writeFileSync(path.join(dataDir, 'log4j2.properties'), LOG4J2_PROPERTIES);
  const classpath = path.join(jars.libsDir, '*');
  const jvmLogging = [
    `-Dlog4j.configuration=file:${path.join(dataDir, 'log4j.properties')}`,
    `-Dlog4j2.configurationFile=${path.join(dataDir, 'log4j2.properties')}`,
  ];

  // A reused data dir keeps its topics: only format a log dir that was never formatted.
  if (!fs.existsSync(path.join(logDir, 'meta.properties'))) {
    progress('Formatting the broker storage…');
    try {
      await execFileAsync(javaBinary(), ['-Xmx256m', ...jvmLogging, '-cp', classpath, 'kafka.tools.StorageTool',
        'format', '-t', newClusterId(), '-c', propsFile], { maxBuffer: 8 * 1024 * 1024 });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new UserError(`could not format the broker storage: ${(err.stderr || err.stdout || String(e)).trim().split('\n').slice(-3).join(' ')}`);
    }
  }

  progress(`Starting Apache Kafka ${jars.version} on ${host}:${port}…`);
  const logFile = path.join(dataDir, 'broker.out');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(javaBinary(), [
    `-Xmx${options.heap ?? '1g'}`, '-Xms256m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true',
    ...jvmLogging, '-cp', classpath, 'kafka.Kafka', propsFile,
  ], { detached: options.detached ?? false, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exitCode: number | null = null;
  child.on('exit', (code, sig) => (exitCode = code ?? (sig ? 128 : 1)));
  const pid = child.pid!;
  if (options.detached) child.unref();

  const bootstrap = `${host}:${port}`;
  const stop = async () => {
    await terminate(pid, 20000, options.detached ?? false);
  };
  try {
    await waitUntilReady(bootstrap, {
      timeoutMs: options.readyTimeoutMs ?? 90000,
      signal: options.signal,
      abortReason: () => (exitCode !== null || !isAlive(pid) ? `the broker process exited (code ${exitCode})` : undefined),
    });
  } catch (e) {
    await stop();
    const tail = tailOf(logFile);
    throw new UserError(`Kafka did not start: ${(e as Error).message}`, tail ? `Last broker output:\n${tail}` : undefined);
  }
  return { engine: 'jvm', bootstrap, port, pid, kafkaVersion: jars.version, dataDir, logFile, startMs: Date.now() - t0, stop };
}
