// Status bar item for the local broker started from this window: starting…, running (engine
// and address) or stopped. Hidden until a broker is started here.
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';

export type LocalBrokerState =
  | { state: 'idle' }
  | { state: 'starting'; engine?: string }
  | { state: 'running'; engine: string; bootstrap: string; kafkaVersion?: string }
  | { state: 'stopped' };

export function createBrokerStatusBar(): { update(state: LocalBrokerState): void; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('kafkaLogLab.localBroker', vscode.StatusBarAlignment.Left, 49);
  item.name = vscode.l10n.t('Kafka Log Lab: local broker');
  const update = (s: LocalBrokerState) => {
    switch (s.state) {
      case 'idle':
        item.hide();
        return;
      case 'starting':
        item.text = `$(sync~spin) ${vscode.l10n.t('Local broker: starting…')}`;
        item.tooltip = s.engine
          ? vscode.l10n.t(
              'Kafka Log Lab: the local broker is starting ({0}).\nClick to show its logs.',
              engineName(s.engine),
            )
          : vscode.l10n.t('Kafka Log Lab: the local broker is starting.\nClick to show its logs.');
        item.command = { title: vscode.l10n.t('Show Local Broker Logs'), command: COMMANDS.showLocalBrokerLogs.id };
        break;
      case 'running':
        item.text = `$(vm-running) ${vscode.l10n.t('Local broker: {0} {1}', engineName(s.engine), s.bootstrap)}`;
        item.tooltip = runningTooltip(s);
        item.command = { title: vscode.l10n.t('Show Local Broker Logs'), command: COMMANDS.showLocalBrokerLogs.id };
        break;
      case 'stopped':
        item.text = `$(vm-outline) ${vscode.l10n.t('Local broker: stopped')}`;
        item.tooltip = vscode.l10n.t('Kafka Log Lab: the local broker is stopped.\nClick to start it.');
        item.command = { title: vscode.l10n.t('Start Local Broker'), command: COMMANDS.startLocalBroker.id };
        break;
    }
    item.accessibilityInformation = {
      label: typeof item.tooltip === 'string' ? item.tooltip.replace(/\n/g, ' ') : item.text,
      role: 'button',
    };
    item.show();
  };
  update({ state: 'idle' });
  return { update, disposable: item };
}

function runningTooltip(s: { engine: string; bootstrap: string; kafkaVersion?: string }): string {
  const where =
    s.engine === 'docker'
      ? vscode.l10n.t('Kafka Log Lab: local broker running on Docker at {0}', s.bootstrap)
      : vscode.l10n.t('Kafka Log Lab: local broker running on the local Java at {0}', s.bootstrap);
  const version = s.kafkaVersion ? ` (Kafka ${s.kafkaVersion})` : '';
  return `${where}${version}.\n${vscode.l10n.t('Click to show its logs.')}`;
}

/** The engine as people say it: Docker or Java (the setting's value is `jvm`). */
function engineName(engine: string): string {
  return engine === 'docker' ? 'Docker' : engine === 'jvm' ? 'Java' : engine;
}
