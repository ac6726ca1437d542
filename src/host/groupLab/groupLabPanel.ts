// One Consumer Group Lab panel: the lab it runs in the extension host, shown by the lab's
// webview app. Closing the panel stops every consumer of the lab.
import type * as vscode from 'vscode';
import type { GroupLab } from '../../core/lab/groupLab';
import type { GroupLabInfo, GroupLabProtocol } from '../../shared/groupLabProtocol';
import type { HostDeps } from '../deps';
import { WebviewAppPanel } from '../webview/webviewAppPanel';
import { GroupLabController } from './groupLabController';
import { parseGroupLabMessage } from './groupLabInbox';
import { GROUP_LAB_PAGE } from './groupLabPage';

export const GROUP_LAB_VIEW_TYPE = 'kafkaLogLab.groupLab';

export class GroupLabPanel extends WebviewAppPanel<GroupLabProtocol, GroupLabController> {
  constructor(panel: vscode.WebviewPanel, readonly lab: GroupLab, readonly info: GroupLabInfo, deps: HostDeps, onDisposed: () => void) {
    const spec = { name: 'group lab', title: `Group Lab: ${info.topic}`, page: GROUP_LAB_PAGE, parse: parseGroupLabMessage };
    super(panel, spec, deps, (channel) => new GroupLabController(lab, info, channel, deps.log), onDisposed);
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
