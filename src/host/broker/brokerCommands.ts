// The local broker commands: Start, Stop, Restart, Show Logs and Reset. The broker runs in
// Docker or on the local Java (src/core/broker/startBroker), is registered as the "local"
// cluster and made active once it answers; its state shows in the status bar
// (LocalBrokerController owns the running broker).
import * as vscode from 'vscode';
import type { EngineChoice } from '../../core/broker/startBroker';
import { describeError } from '../../core/errors';
import { numberField, stringField } from '../clusters/clusterArgs';
import { COMMANDS } from '../commands';
import type { KafkaDeps } from '../deps';
import { executeCommand, registerCommand } from '../runCommand';
import { readSettings } from '../settings';
import { requireWorkspaceTrust } from '../trust/workspaceTrust';
import { editorJvmSetup } from './jvmSetup';
import { LocalBrokerController } from './localBrokerController';

/** Where users (and the default cluster) expect a local broker. */
const PREFERRED_PORT = 9092;
export const LOCAL_CLUSTER = 'local';
/** Docker failures the JVM engine gets around. */
const DOCKER_UNUSABLE = new Set(['daemon-down', 'cli-missing', 'permission-denied']);

async function registerLocal(deps: KafkaDeps, bootstrap: string): Promise<void> {
  const local = { name: LOCAL_CLUSTER, bootstrapServers: bootstrap };
  // Any other setting (a security protocol, certificates, a login) cannot fit a plaintext local broker.
  if (JSON.stringify(deps.clusters.find(LOCAL_CLUSTER)) !== JSON.stringify(local)) await deps.clusters.save(local);
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
  throw new Error(vscode.l10n.t('unknown broker engine "{0}" (use auto, docker or jvm)', value));
}

/** Where to start: the preferred port when free, this launcher's container already on it, or any free port. */
async function choosePort(deps: KafkaDeps, engine: EngineChoice, preferred: number): Promise<PortChoice> {
  const { isPortFree } = await import('../../core/broker/freePort');
  if (await isPortFree(preferred)) return { port: preferred };
  // Our own container (e.g. from before a window reload): take it over, so Stop, Restart and Logs work.
  const container = engine === 'jvm' ? undefined : await ownContainerOn(preferred);
  if (container) return { port: preferred, container };
  const bootstrap = `127.0.0.1:${preferred}`;
  if (await brokerAnswers(deps, bootstrap)) return { answering: bootstrap };
  return {}; // taken by something else: any free port will do
}

interface PortChoice {
  port?: number;
  container?: string;
  /** A Kafka broker not started here already answers on the preferred port. */
  answering?: string;
}

/** Docker cannot be used here but Java can: say why and offer the JVM engine. */
async function offerJava(
  deps: KafkaDeps,
  e: unknown,
  engine: EngineChoice,
  port: number | undefined,
): Promise<boolean> {
  const kind = (e as { kind?: string }).kind;
  if (engine === 'jvm' || !kind || !DOCKER_UNUSABLE.has(kind)) return false;
  const { javaAvailable } = await import('../../core/broker/jvmBroker');
  if (!(await javaAvailable(editorJvmSetup(deps)))) return false;
  const reason = describeError(e);
  deps.log.warn(`[broker] the ${engine} engine cannot run: ${reason}`);
  const useJava = vscode.l10n.t('Use Local Java');
  const openLogs = vscode.l10n.t('Open Logs');
  void vscode.window.showErrorMessage(`Kafka Log Lab: ${reason}`, useJava, openLogs).then((choice) => {
    if (choice === useJava) void executeCommand(COMMANDS.startLocalBroker, { port, engine: 'jvm' });
    else if (choice === openLogs) deps.log.show();
  });
  return true;
}

const say = (text: string) => void vscode.window.showInformationMessage(`Kafka Log Lab: ${text}`);
const notStartedHere = () => vscode.l10n.t('no local broker was started from this window.');

async function startCommand(
  deps: KafkaDeps,
  brokers: LocalBrokerController,
  arg: unknown,
): Promise<string | undefined> {
  const running = brokers.running;
  if (running) {
    await registerLocal(deps, running.bootstrap);
    say(vscode.l10n.t('the local broker already runs at {0} ({1}).', running.bootstrap, running.engine));
    return running.bootstrap;
  }
  const engine = engineArg(arg) ?? readSettings().localBrokerEngine;
  const place = await choosePort(deps, engine, numberField(arg, 'port') ?? PREFERRED_PORT);
  if (place.answering) {
    await registerLocal(deps, place.answering);
    say(
      vscode.l10n.t(
        'a Kafka broker already answers at {0}; it is now the "{1}" cluster.',
        place.answering,
        LOCAL_CLUSTER,
      ),
    );
    return place.answering;
  }
  try {
    const broker = await brokers.start(engine, place.port, place.container);
    await registerLocal(deps, broker.bootstrap);
    const ready =
      broker.engine === 'docker'
        ? vscode.l10n.t('local broker ready at {0} on Docker (cluster "{1}").', broker.bootstrap, LOCAL_CLUSTER)
        : vscode.l10n.t(
            'local broker ready at {0} on the local Java (cluster "{1}").',
            broker.bootstrap,
            LOCAL_CLUSTER,
          );
    say(ready);
    return broker.bootstrap;
  } catch (e) {
    if (await offerJava(deps, e, engine, place.port)) return undefined;
    throw e;
  }
}

async function confirmReset(): Promise<boolean> {
  const detail = vscode.l10n.t('The local broker is stopped and its data is removed. This cannot be undone.');
  const remove = vscode.l10n.t('Delete');
  const ok = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete all topics and data of the local broker?'),
    { modal: true, detail },
    remove,
  );
  return ok === remove;
}

export function registerBrokerCommands(deps: KafkaDeps): vscode.Disposable[] {
  const brokers = new LocalBrokerController(deps);
  return [
    registerCommand(deps, COMMANDS.startLocalBroker, (arg?) => {
      requireWorkspaceTrust(vscode.l10n.t('Starting the local broker'));
      return startCommand(deps, brokers, arg);
    }),
    registerCommand(deps, COMMANDS.stopLocalBroker, async () => {
      const stopped = await brokers.stop();
      if (stopped) deps.explorer.refresh();
      else say(notStartedHere());
      return stopped;
    }),
    registerCommand(deps, COMMANDS.restartLocalBroker, async () => {
      requireWorkspaceTrust(vscode.l10n.t('Restarting the local broker'));
      const broker = await brokers.restart();
      if (!broker) {
        say(notStartedHere());
        return undefined;
      }
      await registerLocal(deps, broker.bootstrap);
      return broker.bootstrap;
    }),
    registerCommand(deps, COMMANDS.showLocalBrokerLogs, async () => {
      const shown = await brokers.followLogs();
      deps.log.show();
      if (!shown) say(notStartedHere());
      return shown;
    }),
    registerCommand(deps, COMMANDS.resetLocalBroker, async (arg?) => {
      if (!arg?.skipConfirmation && !(await confirmReset())) return false;
      await brokers.reset();
      deps.explorer.refresh();
      say(vscode.l10n.t('the local broker was reset; its topics and data are gone.'));
      return true;
    }),
    brokers,
  ];
}
