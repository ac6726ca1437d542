// One Replication Lab panel: the lab it runs in the extension host on its cluster, shown by the
// lab's webview app. Closing the panel stops the lab, and the cluster when the panel started it.
import * as vscode from 'vscode';
import type { LabCluster } from '../../core/replication/labCluster';
import type { ReplicationLab } from '../../core/replication/replicationLab';
import type { ReplicationLabInfo, ReplicationLabProtocol } from '../../shared/replicationProtocol';
import type { HostDeps } from '../deps';
import { WebviewAppPanel } from '../webview/webviewAppPanel';
import { ReplicationController } from './replicationController';
import { parseReplicationMessage } from './replicationInbox';
import { REPLICATION_PAGE } from './replicationPage';

export const REPLICATION_VIEW_TYPE = 'kafkaLogLab.replicationLab';

export class ReplicationPanel extends WebviewAppPanel<ReplicationLabProtocol, ReplicationController> {
  constructor(
    panel: vscode.WebviewPanel,
    readonly lab: ReplicationLab,
    private readonly cluster: LabCluster,
    readonly info: ReplicationLabInfo,
    rate: number,
    deps: HostDeps,
    onDisposed: () => void,
  ) {
    const spec = {
      name: 'replication lab',
      title: vscode.l10n.t('Replication Lab: acks={0}, min ISR {1}', String(info.acks), info.minInsyncReplicas),
      page: REPLICATION_PAGE,
      parse: parseReplicationMessage,
    };
    super(panel, spec, deps, (channel) => new ReplicationController(lab, info, channel, deps.log, rate), onDisposed);
  }

  get topic(): string {
    return this.info.topic;
  }

  protected override async stopWork(): Promise<void> {
    this.app.stop();
    await this.lab.dispose();
    await this.cluster.close();
    const what = this.cluster.temporary ? 'the lab and its cluster stopped' : 'the lab stopped';
    this.deps.log.info(`[replication lab] closed ${this.topic}; ${what}`);
  }
}
