// The local broker commands: Start, Stop, Restart, Show Logs and Reset. The broker runs in
// Docker or on the local Java (src/core/broker/startBroker), is registered as the "local"
// cluster and made active once it answers; its state shows in the status bar.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EngineChoice, LocalBroker } from '../../core/broker/startBroker';
import { describeError } from '../../core/errors';
import { numberField, stringField } from '../clusters/clusterArgs';
import type { KafkaDeps } from '../deps';
import { registerCommand } from '../runCommand';
import { readSettings } from '../settings';
import { createBrokerStatusBar } from './brokerStatusBar';
import { editorJvmSetup, type ProgressSink } from './jvmSetup';

/** Where users (and the default cluster) expect a local broker. */
const PREFERRED_PORT = 9092;
export const LOCAL_CLUSTER = 'local';
const USE_JAVA = 'Use Local Java';
/** Docker failures the JVM engine gets around. */
const DOCKER_UNUSABLE = new Set(['daemon-down', 'cli-missing', 'permission-denied']);
const JVM_POLL_MS = 1000;

async function registerLocal(deps: KafkaDeps, bootstrap: string): Promise<void> {
  const known = deps.clusters.find(LOCAL_CLUSTER);
  if (known?.bootstrapServers !== bootstrap || known.ssl || known.saslMechanism) {
    await deps.clusters.save({ name: LOCAL_CLUSTER, bootstrapServers: bootstrap });
  }
  await deps.clusters.select(LOCAL_CLUSTER);
  deps.explorer.refresh();
}

/** True when a Kafka broker already answers on the port (then there is nothing to start). */
async function brokerAnswers(deps: KafkaDeps, bootstrap: string): Promise<boolean> {
  try {
    const client = await deps.clusters.client({ name: LOCAL_CLUSTER, bootstrapServers: bootstrap }, 'explorer');
    const { withAdmin } = await import('../../core/kafka/client');
    await withAdmin(client, (admin) => admin.describeCluster());
    return true;
  } catch {
    return false;
  }
}

/** This launcher's running single-broker container on `port`, when Docker answers and there is one. */
async function ownContainerOn(port: number): Promise<string | undefined> {
  try {
    const { dockerBrokerStatus } = await import('../../core/broker/dockerBroker');
    return (await dockerBrokerStatus()).find((c) => c.running && c.port === port && !c.cluster)?.name;
  } catch {
    return undefined;
  }
}

function engineArg(arg: unknown): EngineChoice | undefined {
  const value = stringField(arg, 'engine');
  if (value === undefined) return undefined;
  if (value === 'auto' || value === 'docker' || value === 'jvm') return value;
  throw new Error(`unknown broker engine "${value}" (use auto, docker or jvm)`);
}

function withBrokerProgress<T>(
  title: string,
  deps: KafkaDeps,
  run: (onProgress: (m: string) => void, signal: AbortSignal, progress: ProgressSink) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    return run((message) => {
      deps.log.info(`[broker] ${message}`);
      progress.report({ message });
    }, controller.signal, progress);
  });
}

/**
 * Where the editor's JVM broker keeps its topics: in the extension's global storage, so they
 * survive Stop/Start and window reloads (Docker keeps them in its volume); only Reset deletes.
 */
function persistentJvmDataDir(deps: KafkaDeps): string | undefined {
  const storage = deps.context.globalStorageUri;
  return storage.scheme === 'file' ? path.join(storage.fsPath, 'local-broker', 'jvm-data') : undefined;
}

export function registerBrokerCommands(deps: KafkaDeps): vscode.Disposable[] {
  let running: LocalBroker | undefined;
  /** Data dirs of JVM brokers started here, deleted by Reset. */
  const jvmDataDirs = new Set<string>();
  /** Stops the current "Show Logs" follower. */
  let following: AbortController | undefined;
  const status = createBrokerStatusBar();

  const stopFollowing = () => {
    following?.abort();
    following = undefined;
  };
  // The running broker is owned by the extension's background work: closing the window stops it.
  let releaseRunning: (() => void) | undefined;
  const setRunning = (broker: LocalBroker | undefined) => {
    if (broker !== running) stopFollowing();
    if (broker !== running) {
      releaseRunning?.();
      releaseRunning = broker ? deps.work.own(`the local ${broker.engine} broker`, { stop: () => broker.stop() }) : undefined;
    }
    running = broker;
    if (broker?.engine === 'jvm' && broker.dataDir) jvmDataDirs.add(broker.dataDir);
    void vscode.commands.executeCommand('setContext', 'kafkaLogLab.localBrokerRunning', Boolean(broker));
    status.update(broker ? { state: 'running', engine: broker.engine, bootstrap: broker.bootstrap, kafkaVersion: broker.kafkaVersion } : { state: 'stopped' });
  };

  const startBroker = async (engine: EngineChoice, port: number | undefined, dataDir = persistentJvmDataDir(deps), name?: string): Promise<LocalBroker> => {
    const image = readSettings().localBrokerDockerImage || undefined;
    const { startLocalBroker } = await import('../../core/broker/startBroker');
    status.update({ state: 'starting', engine: engine === 'auto' ? undefined : engine });
    try {
      const broker = await withBrokerProgress('Kafka Log Lab: starting a local broker', deps, (onProgress, signal, progress) =>
        startLocalBroker({
          engine, port, image, imageSource: 'the kafkaLogLab.localBroker.dockerImage setting', dataDir, name, onProgress, signal,
          jvm: editorJvmSetup(deps, progress),
        }),
      );
      deps.log.info(
        `[broker] engine ${broker.engine} (${broker.engineReason}): Kafka ${broker.kafkaVersion} ready at ${broker.bootstrap} in ${broker.startMs} ms` +
          (broker.containerName ? ` (container ${broker.containerName}${broker.alreadyRunning ? ', already running' : ''})` : '') +
          (broker.logFile ? ` (log ${broker.logFile})` : ''),
      );
      return broker;
    } catch (e) {
      status.update(running ? { state: 'running', engine: running.engine, bootstrap: running.bootstrap } : { state: 'stopped' });
      throw e;
    }
  };

  /** Docker cannot be used here but Java can: say why and offer the JVM engine. */
  const offerJava = async (e: unknown, engine: EngineChoice, port: number | undefined): Promise<boolean> => {
    const kind = (e as { kind?: string }).kind;
    if (engine === 'jvm' || !kind || !DOCKER_UNUSABLE.has(kind)) return false;
    const { javaAvailable } = await import('../../core/broker/jvmBroker');
    if (!(await javaAvailable(editorJvmSetup(deps)))) return false;
    const reason = describeError(e);
    deps.log.warn(`[broker] the ${engine} engine cannot run: ${reason}`);
    void vscode.window.showErrorMessage(`Kafka Log Lab: ${reason}`, USE_JAVA, 'Open Logs').then((choice) => {
      if (choice === USE_JAVA) void vscode.commands.executeCommand('kafkaLogLab.startLocalBroker', { port, engine: 'jvm' });
      else if (choice === 'Open Logs') deps.log.show();
    });
    return true;
  };

  const stopBroker = async (broker: LocalBroker) => {
    stopFollowing();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Stopping the local broker at ${broker.bootstrap}` }, () => broker.stop());
    deps.log.info(`[broker] stopped ${broker.bootstrap} (${broker.engine})`);
  };

  /** Appends the broker's output to the log channel until the broker stops; returns the lines written so far. */
  const followLogs = async (broker: LocalBroker): Promise<number> => {
    stopFollowing();
    const controller = new AbortController();
    following = controller;
    let lines = 0;
    const write = (line: string) => {
      if (controller.signal.aborted || !line.trim()) return;
      lines++;
      deps.log.info(`[broker] ${line}`);
    };
    if (broker.engine === 'docker' && broker.containerName) {
      const { streamDockerLogs } = await import('../../core/broker/dockerBroker');
      deps.log.info(`[broker] --- logs of container ${broker.containerName} ---`);
      streamDockerLogs(broker.containerName, write, controller.signal).then(
        () => deps.log.info(`[broker] --- end of the logs of ${broker.containerName} ---`),
        (e) => controller.signal.aborted || deps.log.warn(`[broker] cannot stream the logs of ${broker.containerName}: ${describeError(e)}`),
      );
      return lines;
    }
    if (!broker.logFile) throw new Error('the local broker has no log to show');
    const logFile = broker.logFile;
    const { tailOf } = await import('../../core/broker/jvmBroker');
    deps.log.info(`[broker] --- ${logFile} ---`);
    let offset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    tailOf(logFile, 200).split('\n').forEach(write);
    let partial = '';
    const poll = setInterval(() => {
      try {
        const size = fs.statSync(logFile).size;
        if (size < offset) offset = 0; // truncated
        if (size === offset) return;
        const fd = fs.openSync(logFile, 'r');
        try {
          const buffer = Buffer.alloc(Math.min(size - offset, 4 * 1024 * 1024));
          const read = fs.readSync(fd, buffer, 0, buffer.length, offset);
          offset += read;
          const text = partial + buffer.subarray(0, read).toString('utf8');
          const parts = text.split('\n');
          partial = parts.pop() ?? '';
          parts.forEach(write);
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        // The file went away with the broker's data: nothing more to follow.
        controller.abort();
      }
    }, JVM_POLL_MS);
    controller.signal.addEventListener('abort', () => clearInterval(poll));
    return lines;
  };

  return [
    registerCommand(deps, 'kafkaLogLab.startLocalBroker', async (arg?: unknown) => {
      if (running) {
        await registerLocal(deps, running.bootstrap);
        void vscode.window.showInformationMessage(`Kafka Log Lab: the local broker already runs at ${running.bootstrap} (${running.engine}).`);
        return running.bootstrap;
      }
      const engine = engineArg(arg) ?? readSettings().localBrokerEngine;
      const preferred = numberField(arg, 'port') ?? PREFERRED_PORT;
      const { isPortFree } = await import('../../core/broker/freePort');
      let port: number | undefined = preferred;
      let container: string | undefined;
      if (!(await isPortFree(preferred))) {
        const bootstrap = `127.0.0.1:${preferred}`;
        // Our own container (e.g. from before a window reload): take it over, so Stop, Restart and Logs work.
        container = engine === 'jvm' ? undefined : await ownContainerOn(preferred);
        if (!container && (await brokerAnswers(deps, bootstrap))) {
          await registerLocal(deps, bootstrap);
          void vscode.window.showInformationMessage(`Kafka Log Lab: a Kafka broker already answers at ${bootstrap}; it is now the "${LOCAL_CLUSTER}" cluster.`);
          return bootstrap;
        }
        if (!container) port = undefined; // taken by something else: any free port will do
      }
      let broker: LocalBroker;
      try {
        broker = container ? await startBroker('docker', preferred, undefined, container) : await startBroker(engine, port);
      } catch (e) {
        if (await offerJava(e, engine, port)) return undefined;
        throw e;
      }
      setRunning(broker);
      await registerLocal(deps, broker.bootstrap);
      void vscode.window.showInformationMessage(`Kafka Log Lab: local broker ready at ${broker.bootstrap} on ${broker.engine === 'docker' ? 'Docker' : 'the local Java'} (cluster "${LOCAL_CLUSTER}").`);
      return broker.bootstrap;
    }),
    registerCommand(deps, 'kafkaLogLab.stopLocalBroker', async () => {
      if (!running) {
        void vscode.window.showInformationMessage('Kafka Log Lab: no local broker was started from this window.');
        return false;
      }
      await stopBroker(running);
      setRunning(undefined);
      deps.explorer.refresh();
      return true;
    }),
    registerCommand(deps, 'kafkaLogLab.restartLocalBroker', async () => {
      if (!running) {
        void vscode.window.showInformationMessage('Kafka Log Lab: no local broker was started from this window.');
        return undefined;
      }
      const previous = running;
      let broker: LocalBroker;
      if (previous.engine === 'docker' && previous.containerName) {
        stopFollowing();
        const { restartDockerBroker } = await import('../../core/broker/dockerBroker');
        status.update({ state: 'starting', engine: 'docker' });
        try {
          const restarted = await withBrokerProgress('Kafka Log Lab: restarting the local broker', deps, (onProgress, signal) =>
            restartDockerBroker({ name: previous.containerName, onProgress, signal }),
          );
          broker = { ...restarted, engineReason: previous.engineReason };
        } catch (e) {
          setRunning(undefined);
          throw e;
        }
      } else {
        await stopBroker(previous);
        setRunning(undefined);
        // Same port and data dir: the topics are still there.
        broker = await startBroker(previous.engine, previous.port, previous.dataDir);
      }
      deps.log.info(`[broker] restarted ${broker.bootstrap} (${broker.engine})`);
      setRunning(broker);
      await registerLocal(deps, broker.bootstrap);
      return broker.bootstrap;
    }),
    registerCommand(deps, 'kafkaLogLab.showLocalBrokerLogs', async () => {
      if (!running) {
        deps.log.show();
        void vscode.window.showInformationMessage('Kafka Log Lab: no local broker was started from this window.');
        return undefined;
      }
      const lines = await followLogs(running);
      deps.log.show();
      return { engine: running.engine, lines };
    }),
    registerCommand(deps, 'kafkaLogLab.resetLocalBroker', async (arg?: unknown) => {
      if (!(arg as { skipConfirmation?: boolean } | undefined)?.skipConfirmation) {
        const ok = await vscode.window.showWarningMessage(
          'Delete all topics and data of the local broker?',
          { modal: true, detail: 'The local broker is stopped and its data is removed. This cannot be undone.' },
          'Delete',
        );
        if (ok !== 'Delete') return false;
      }
      const broker = running;
      const engine = broker?.engine ?? readSettings().localBrokerEngine;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Kafka Log Lab: resetting the local broker' }, async () => {
        if (broker?.engine === 'jvm') await stopBroker(broker);
        else stopFollowing();
        if (engine !== 'jvm') {
          const { detectDocker, resetDockerBroker } = await import('../../core/broker/dockerBroker');
          if (broker?.engine === 'docker' || engine === 'docker' || (await detectDocker()).available) {
            const removed = await resetDockerBroker(broker?.containerName ? { name: broker.containerName } : {});
            deps.log.info(`[broker] reset: removed containers [${removed.containers.join(', ')}] and volumes [${removed.volumes.join(', ')}]`);
          }
        }
        const kept = persistentJvmDataDir(deps);
        if (kept) jvmDataDirs.add(kept);
        for (const dir of jvmDataDirs) {
          fs.rmSync(dir, { recursive: true, force: true });
          deps.log.info(`[broker] reset: deleted ${dir}`);
        }
        jvmDataDirs.clear();
      });
      if (broker) setRunning(undefined);
      deps.explorer.refresh();
      void vscode.window.showInformationMessage('Kafka Log Lab: the local broker was reset; its topics and data are gone.');
      return true;
    }),
    status.disposable,
    { dispose: stopFollowing },
  ];
}
