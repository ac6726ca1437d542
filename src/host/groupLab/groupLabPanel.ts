// One Consumer Group Lab panel: the lab it runs in the extension host, shown by the lab's
// webview app. Closing the panel stops every consumer of the lab.
import * as vscode from 'vscode';
import type { GroupLab } from '../../core/lab/groupLab';
import type { GroupLabInfo, GroupLabProtocol } from '../../shared/groupLabProtocol';
import type { HostDeps } from '../deps';
import type { KafkaExplorerProvider } from '../explorer/explorerProvider';
import { WebviewAppPanel } from '../webview/webviewAppPanel';
import { startLocalBrokerAt } from '../dashboard/dashboardActions';
import { GroupLabController, type LabPorts } from './groupLabController';
import { parseGroupLabMessage } from './groupLabInbox';
import { GROUP_LAB_PAGE } from './groupLabPage';

export const GROUP_LAB_VIEW_TYPE = 'kafkaLogLab.groupLab';

async function confirmProduce(text: string): Promise<boolean> {
  const produceAnyway = vscode.l10n.t('Produce Anyway');
  const choice = await vscode.window.showWarningMessage(text, { modal: true }, produceAnyway);
  return choice === produceAnyway;
}

export class GroupLabPanel extends WebviewAppPanel<GroupLabProtocol, GroupLabController> {
  private readonly explorer: Pick<KafkaExplorerProvider, 'refresh'> | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    readonly lab: GroupLab,
    readonly info: GroupLabInfo,
    /** `brokers`: where the lab connects (the local broker is started on that port when asked). */
    deps: HostDeps & { brokers: string[]; explorer?: Pick<KafkaExplorerProvider, 'refresh'> },
    onDisposed: () => void,
  ) {
    const spec = {
      name: 'group lab',
      title: vscode.l10n.t('Group Lab: {0}', info.topic),
      page: GROUP_LAB_PAGE,
      parse: parseGroupLabMessage,
    };
    const ports: LabPorts = {
      startLocalBroker: () => startLocalBrokerAt(deps.brokers),
      confirm: confirmProduce,
      clusterChanged: () => deps.explorer?.refresh(),
    };
    super(panel, spec, deps, (channel) => new GroupLabController(lab, info, channel, deps.log, ports), onDisposed);
    this.explorer = deps.explorer;
  }

  get topic(): string {
    return this.info.topic;
  }

  protected override async stopWork(): Promise<void> {
    this.app.stop();
    await this.lab.stop();
    this.explorer?.refresh(); // the lab's groups are gone
    this.deps.log.info(`[group lab] closed ${this.topic}; its consumers stopped`);
  }
}
