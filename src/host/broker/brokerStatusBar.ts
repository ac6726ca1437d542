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
  item.name = 'Kafka Log Lab: local broker';
  const update = (s: LocalBrokerState) => {
    switch (s.state) {
      case 'idle':
        item.hide();
        return;
      case 'starting':
        item.text = '$(sync~spin) Local broker: starting…';
        item.tooltip = `Kafka Log Lab: the local broker is starting${s.engine ? ` (${engineName(s.engine)})` : ''}.\nClick to show its logs.`;
        item.command = { title: 'Show Local Broker Logs', command: COMMANDS.showLocalBrokerLogs.id };
        break;
      case 'running':
        item.text = `$(vm-running) Local broker: ${engineName(s.engine)} ${s.bootstrap}`;
        item.tooltip = `Kafka Log Lab: local broker running on ${s.engine === 'docker' ? 'Docker' : 'the local Java'} at ${s.bootstrap}${s.kafkaVersion ? ` (Kafka ${s.kafkaVersion})` : ''}.\nClick to show its logs.`;
        item.command = { title: 'Show Local Broker Logs', command: COMMANDS.showLocalBrokerLogs.id };
        break;
      case 'stopped':
        item.text = '$(vm-outline) Local broker: stopped';
        item.tooltip = 'Kafka Log Lab: the local broker is stopped.\nClick to start it.';
        item.command = { title: 'Start Local Broker', command: COMMANDS.startLocalBroker.id };
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

/** The engine as people say it: Docker or Java (the setting's value is `jvm`). */
function engineName(engine: string): string {
  return engine === 'docker' ? 'Docker' : engine === 'jvm' ? 'Java' : engine;
}
