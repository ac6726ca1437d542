// The one local broker started from this window: starting, stopping, restarting and resetting
// it, its status bar item and its log follower. The running broker is owned by the extension's
// background work, so closing the window stops it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EngineChoice, LocalBroker } from '../../core/broker/startBroker';
import type { KafkaDeps } from '../deps';
import { readSettings } from '../settings';
import { BrokerLogFollower } from './brokerLogs';
import { createBrokerStatusBar } from './brokerStatusBar';
import { editorJvmSetup, type ProgressSink } from './jvmSetup';

type BrokerTask<T> = (onProgress: (m: string) => void, signal: AbortSignal, progress: ProgressSink) => Promise<T>;

/** A cancellable notification whose messages also go to the log. */
function withBrokerProgress<T>(title: string, deps: KafkaDeps, task: BrokerTask<T>): Thenable<T> {
  const location = vscode.ProgressLocation.Notification;
  return vscode.window.withProgress({ location, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const onProgress = (message: string) => {
      deps.log.info(`[broker] ${message}`);
      progress.report({ message });
    };
    return task(onProgress, controller.signal, progress);
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

function describeStart(broker: LocalBroker): string {
  const container = broker.containerName
    ? ` (container ${broker.containerName}${broker.alreadyRunning ? ', already running' : ''})`
    : '';
  const log = broker.logFile ? ` (log ${broker.logFile})` : '';
  const ready = `Kafka ${broker.kafkaVersion} ready at ${broker.bootstrap} in ${broker.startMs} ms`;
  return `[broker] engine ${broker.engine} (${broker.engineReason}): ${ready}${container}${log}`;
}

export class LocalBrokerController implements vscode.Disposable {
  private broker: LocalBroker | undefined;
  private release: (() => void) | undefined;
  /** Data dirs of JVM brokers started here, deleted by Reset. */
  private readonly jvmDataDirs = new Set<string>();
  private readonly logs: BrokerLogFollower;
  private readonly status = createBrokerStatusBar();

  constructor(private readonly deps: KafkaDeps) {
    this.logs = new BrokerLogFollower(deps.log);
  }

  get running(): LocalBroker | undefined {
    return this.broker;
  }

  /** Starts a broker (or takes over this launcher's `container`) and makes it the running one. */
  async start(engine: EngineChoice, port: number | undefined, container?: string): Promise<LocalBroker> {
    const broker = container
      ? await this.launch('docker', port, undefined, container)
      : await this.launch(engine, port);
    this.setRunning(broker);
    return broker;
  }

  /** False when no broker was started from this window. */
  async stop(): Promise<boolean> {
    if (!this.broker) return false;
    await this.stopProcess(this.broker);
    this.setRunning(undefined);
    return true;
  }

  async restart(): Promise<LocalBroker | undefined> {
    const previous = this.broker;
    if (!previous) return undefined;
    const broker = previous.containerName
      ? await this.restartContainer(previous, previous.containerName)
      : await this.restartProcess(previous);
    this.deps.log.info(`[broker] restarted ${broker.bootstrap} (${broker.engine})`);
    this.setRunning(broker);
    return broker;
  }

  /** Follows the running broker's output into the log channel; undefined when none runs. */
  async followLogs(): Promise<{ engine: string; lines: number } | undefined> {
    const broker = this.broker;
    return broker ? { engine: broker.engine, lines: await this.logs.follow(broker) } : undefined;
  }

  /** Stops the broker started here and deletes the local brokers' data: containers, volumes, JVM data dirs. */
  async reset(): Promise<void> {
    const broker = this.broker;
    const engine = broker?.engine ?? readSettings().localBrokerEngine;
    const title = vscode.l10n.t('Kafka Log Lab: resetting the local broker');
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async () => {
      if (broker?.engine === 'jvm') await this.stopProcess(broker);
      else this.logs.stop();
      if (engine !== 'jvm') await this.resetDocker(broker, engine);
      await this.deleteJvmData();
    });
    if (broker) this.setRunning(undefined);
  }

  dispose(): void {
    this.logs.stop();
    this.status.disposable.dispose();
  }

  private setRunning(broker: LocalBroker | undefined): void {
    if (broker !== this.broker) {
      this.logs.stop();
      this.release?.();
      this.release = broker
        ? this.deps.work.own(`the local ${broker.engine} broker`, { stop: () => broker.stop() })
        : undefined;
    }
    this.broker = broker;
    if (broker?.engine === 'jvm' && broker.dataDir) this.jvmDataDirs.add(broker.dataDir);
    void vscode.commands.executeCommand('setContext', 'kafkaLogLab.localBrokerRunning', Boolean(broker));
    this.showState();
  }

  private showState(): void {
    const b = this.broker;
    this.status.update(
      b
        ? { state: 'running', engine: b.engine, bootstrap: b.bootstrap, kafkaVersion: b.kafkaVersion }
        : { state: 'stopped' },
    );
  }

  private async launch(
    engine: EngineChoice,
    port: number | undefined,
    dataDir = persistentJvmDataDir(this.deps),
    name?: string,
  ): Promise<LocalBroker> {
    const image = readSettings().localBrokerDockerImage || undefined;
    const imageSource = 'the kafkaLogLab.localBroker.dockerImage setting';
    const { startLocalBroker } = await import('../../core/broker/startBroker');
    this.status.update({ state: 'starting', engine: engine === 'auto' ? undefined : engine });
    try {
      const broker = await withBrokerProgress(
        vscode.l10n.t('Kafka Log Lab: starting a local broker'),
        this.deps,
        (onProgress, signal, p) =>
          startLocalBroker({
            engine,
            port,
            image,
            imageSource,
            dataDir,
            name,
            onProgress,
            signal,
            jvm: editorJvmSetup(this.deps, p),
          }),
      );
      this.deps.log.info(describeStart(broker));
      return broker;
    } catch (e) {
      this.showState();
      throw e;
    }
  }

  private async stopProcess(broker: LocalBroker): Promise<void> {
    this.logs.stop();
    const title = vscode.l10n.t('Stopping the local broker at {0}', broker.bootstrap);
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => broker.stop());
    this.deps.log.info(`[broker] stopped ${broker.bootstrap} (${broker.engine})`);
  }

  private async restartContainer(previous: LocalBroker, name: string): Promise<LocalBroker> {
    this.logs.stop();
    const { restartDockerBroker } = await import('../../core/broker/dockerBroker');
    this.status.update({ state: 'starting', engine: 'docker' });
    try {
      const restarted = await withBrokerProgress(
        vscode.l10n.t('Kafka Log Lab: restarting the local broker'),
        this.deps,
        (onProgress, signal) => restartDockerBroker({ name, onProgress, signal }),
      );
      return { ...restarted, engineReason: previous.engineReason };
    } catch (e) {
      this.setRunning(undefined);
      throw e;
    }
  }

  private async restartProcess(previous: LocalBroker): Promise<LocalBroker> {
    await this.stopProcess(previous);
    this.setRunning(undefined);
    // Same port and data dir: the topics are still there.
    return this.launch(previous.engine, previous.port, previous.dataDir);
  }

  private async resetDocker(broker: LocalBroker | undefined, engine: EngineChoice): Promise<void> {
    const { detectDocker, resetDockerBroker } = await import('../../core/broker/dockerBroker');
    if (broker?.engine !== 'docker' && engine !== 'docker' && !(await detectDocker()).available) return;
    const removed = await resetDockerBroker(broker?.containerName ? { name: broker.containerName } : {});
    const containers = removed.containers.join(', ');
    this.deps.log.info(
      `[broker] reset: removed containers [${containers}] and volumes [${removed.volumes.join(', ')}]`,
    );
  }

  private async deleteJvmData(): Promise<void> {
    const kept = persistentJvmDataDir(this.deps);
    if (kept) this.jvmDataDirs.add(kept);
    for (const dir of this.jvmDataDirs) {
      await fs.promises.rm(dir, { recursive: true, force: true });
      this.deps.log.info(`[broker] reset: deleted ${dir}`);
    }
    this.jvmDataDirs.clear();
  }
}
