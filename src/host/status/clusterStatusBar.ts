// Status bar item: the active cluster and whether it answers. Clicking it switches clusters.
// The first probe waits until activation is long over, so startup never pays for kafkajs.
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import { describeError } from '../../core/errors';
import type { KafkaDeps } from '../deps';
import type { ClusterState } from '../explorer/explorerNode';
import { markDone } from '../walkthrough/walkthroughProgress';

const FIRST_PROBE_DELAY_MS = 1500;

export function registerClusterStatusBar(deps: KafkaDeps): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('kafkaLogLab.cluster', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Kafka Log Lab: active cluster');
  item.command = COMMANDS.selectCluster.id;
  let state: { state: ClusterState | 'checking'; reason?: string; cluster?: string } = { state: 'checking' };

  const render = () => {
    if (!deps.clusters.isConfigured()) {
      item.text = `$(server-environment) ${vscode.l10n.t('Kafka: no cluster')}`;
      item.tooltip = vscode.l10n.t('Kafka Log Lab: no cluster configured. Click to add one or start a local broker.');
      item.backgroundColor = undefined;
      return;
    }
    const cluster = deps.clusters.active();
    const label = {
      connected: vscode.l10n.t('connected'),
      unreachable: vscode.l10n.t('unreachable'),
      checking: vscode.l10n.t('checking…'),
    }[state.state];
    item.text = `${state.state === 'unreachable' ? '$(warning)' : state.state === 'checking' ? '$(sync~spin)' : '$(server-environment)'} ${cluster.name}`;
    const status = state.reason ? `${label} (${state.reason})` : label;
    item.tooltip = vscode.l10n.t(
      'Kafka Log Lab: active cluster "{0}" at {1}: {2}.\nClick to switch clusters.',
      cluster.name,
      cluster.bootstrapServers,
      status,
    );
    item.backgroundColor =
      state.state === 'unreachable' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  };

  const probe = () => {
    if (!deps.clusters.isConfigured()) return render();
    const cluster = deps.clusters.active();
    // A periodic refresh re-probes a known cluster: keep showing its state instead of flickering.
    if (state.state === 'checking' || state.cluster !== cluster.name) {
      state = { state: 'checking', cluster: cluster.name };
      render();
    }
    // Goes through the explorer's cache, so the view and the status bar ask the broker once.
    deps.explorer
      .queries(cluster)
      .cluster()
      .then(
        () => deps.explorer.reportState(cluster, 'connected'),
        (e) => deps.explorer.reportState(cluster, 'unreachable', e),
      );
  };

  const onState = deps.explorer.onDidChangeClusterState((change) => {
    if (change.cluster.name !== deps.clusters.active().name) return;
    const reason = change.error ? describeError(change.error) : undefined;
    state = { state: change.state, reason, cluster: change.cluster.name };
    if (change.state === 'connected') markDone('clusterReachable');
    render();
  });
  render();
  item.show();
  const firstProbe = setTimeout(probe, FIRST_PROBE_DELAY_MS);
  // Cluster changes refresh the explorer, which lands here too.
  const onRefresh = deps.explorer.onDidChangeTreeData((nodes) => {
    if (nodes === undefined) probe();
  });
  return [item, onState, onRefresh, { dispose: () => clearTimeout(firstProbe) }];
}
