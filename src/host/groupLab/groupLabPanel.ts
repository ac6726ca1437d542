// One Consumer Group Lab panel: the lab it runs in the extension host, shown by the lab's
// webview app. Closing the panel stops every consumer of the lab.
import * as vscode from 'vscode';
import type { GroupLab } from '../../core/lab/groupLab';
import type { GroupLabInfo, GroupLabProtocol } from '../../shared/groupLabProtocol';
import type { HostDeps } from '../deps';
import { WebviewAppPanel } from '../webview/webviewAppPanel';
import { startLocalBrokerAt } from '../dashboard/dashboardActions';
import { GroupLabController, type LabPorts } from './groupLabController';
import { parseGroupLabMessage } from './groupLabInbox';
import { GROUP_LAB_PAGE } from './groupLabPage';

export const GROUP_LAB_VIEW_TYPE = 'kafkaLogLab.groupLab';

async function confirmProduce(text: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(text, { modal: true }, 'Produce Anyway');
  return choice === 'Produce Anyway';
}

export class GroupLabPanel extends WebviewAppPanel<GroupLabProtocol, GroupLabController> {
  constructor(
    panel: vscode.WebviewPanel,
    readonly lab: GroupLab,
    readonly info: GroupLabInfo,
    /** `brokers`: where the lab connects (the local broker is started on that port when asked). */
    deps: HostDeps & { brokers: string[] },
    onDisposed: () => void,
  ) {
    const spec = {
      name: 'group lab',
      title: `Group Lab: ${info.topic}`,
      page: GROUP_LAB_PAGE,
      parse: parseGroupLabMessage,
    };
    const ports: LabPorts = { startLocalBroker: () => startLocalBrokerAt(deps.brokers), confirm: confirmProduce };
    super(panel, spec, deps, (channel) => new GroupLabController(lab, info, channel, deps.log, ports), onDisposed);
  }

  get topic(): string {
    return this.info.topic;
  }

  protected override async stopWork(): Promise<void> {
    this.app.stop();
    await this.lab.stop();
    this.deps.log.info(`[group lab] closed ${this.topic}; its consumers stopped`);
  }
}
