// "Start Local Broker" / "Stop Local Broker": a single-node Kafka on this machine (JVM engine
// from src/core/broker), registered as the "local" cluster and made active once it answers.
import * as vscode from 'vscode';
import { numberField } from '../clusters/clusterArgs';
import type { KafkaDeps } from '../deps';
import { registerCommand } from '../runCommand';

/** Where users (and the default cluster) expect a local broker. */
const PREFERRED_PORT = 9092;
export const LOCAL_CLUSTER = 'local';

interface RunningBroker {
  bootstrap: string;
  stop(): Promise<void>;
}

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

async function startBroker(deps: KafkaDeps, port: number | undefined): Promise<RunningBroker> {
  const { startJvmBroker } = await import('../../core/broker/jvmBroker');
  const broker = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Kafka Log Lab: starting a local broker', cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return startJvmBroker({
        port,
        signal: controller.signal,
        onProgress: (message) => {
          deps.log.info(`[broker] ${message}`);
          progress.report({ message });
        },
      });
    },
  );
  deps.log.info(`[broker] Kafka ${broker.kafkaVersion} ready at ${broker.bootstrap} in ${broker.startMs} ms (log ${broker.logFile})`);
  return broker;
}

export function registerBrokerCommands(deps: KafkaDeps): vscode.Disposable[] {
  let running: RunningBroker | undefined;
  const setRunning = (broker: RunningBroker | undefined) => {
    running = broker;
    void vscode.commands.executeCommand('setContext', 'kafkaLogLab.localBrokerRunning', Boolean(broker));
  };
  return [
    registerCommand(deps, 'kafkaLogLab.startLocalBroker', async (arg?: unknown) => {
      if (running) {
        await registerLocal(deps, running.bootstrap);
        void vscode.window.showInformationMessage(`Kafka Log Lab: the local broker already runs at ${running.bootstrap}.`);
        return running.bootstrap;
      }
      const preferred = numberField(arg, 'port') ?? PREFERRED_PORT;
      const { isPortFree } = await import('../../core/broker/freePort');
      let port: number | undefined = preferred;
      if (!(await isPortFree(preferred))) {
        const bootstrap = `127.0.0.1:${preferred}`;
        if (await brokerAnswers(deps, bootstrap)) {
          await registerLocal(deps, bootstrap);
          void vscode.window.showInformationMessage(`Kafka Log Lab: a Kafka broker already answers at ${bootstrap}; it is now the "${LOCAL_CLUSTER}" cluster.`);
          return bootstrap;
        }
        port = undefined; // taken by something else: any free port will do
      }
      const broker = await startBroker(deps, port);
      setRunning(broker);
      await registerLocal(deps, broker.bootstrap);
      void vscode.window.showInformationMessage(`Kafka Log Lab: local broker ready at ${broker.bootstrap} (cluster "${LOCAL_CLUSTER}").`);
      return broker.bootstrap;
    }),
    registerCommand(deps, 'kafkaLogLab.stopLocalBroker', async () => {
      if (!running) {
        void vscode.window.showInformationMessage('Kafka Log Lab: no local broker was started from this window.');
        return false;
      }
      const broker = running;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Stopping the local broker at ${broker.bootstrap}` }, () => broker.stop());
      setRunning(undefined);
      deps.log.info(`[broker] stopped ${broker.bootstrap}`);
      deps.explorer.refresh();
      return true;
    }),
    { dispose: () => void running?.stop() },
  ];
}
