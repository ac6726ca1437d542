// How a dashboard comes to be: "Open Dashboard…" (from the palette, a topic row, a produce
// summary or a script) and the restore of an open dashboard after a window reload.
import * as vscode from 'vscode';
import { UserError } from '../../core/errors';
import { sourceIdOf } from '../../core/kafka/produceCheckpoint';
import type { DashboardConfig } from '../../shared/protocol';
import type { HostDeps } from '../deps';
import { panelKey, type OpenPanels } from '../webview/openPanels';
import { toDashboardConfig } from './dashboardConfig';
import type { DashboardPanel } from './dashboardPanel';
import { askForTarget, rememberBrokers, targetFromArgs, type ClusterLookup } from './dashboardTarget';

export type ShowDashboard = (config: DashboardConfig, existingPanel?: vscode.WebviewPanel) => DashboardPanel;

/** The id our producer stamps on the file's messages (kll.src), when the file is still there. */
function fileSourceId(file: string): string | undefined {
  try {
    return sourceIdOf(file);
  } catch {
    return undefined;
  }
}

async function configFor(
  deps: HostDeps & { clusters?: ClusterLookup },
  raw: unknown,
): Promise<DashboardConfig | undefined> {
  const hasTopic = typeof raw === 'object' && raw !== null && typeof (raw as { topic?: unknown }).topic === 'string';
  const args = hasTopic ? (raw as Record<string, unknown>) : undefined;
  let fields: Record<string, unknown>;
  if (args) {
    const target = targetFromArgs(args, deps.clusters, deps.context);
    if (!target) throw new UserError(vscode.l10n.t('no cluster named "{0}" is configured', String(args.cluster)));
    fields = { ...args, ...target };
  } else {
    const target = await askForTarget(deps.context, deps.clusters);
    if (!target) return undefined;
    fields = { ...target };
  }
  const config = toDashboardConfig(fields);
  if (typeof config === 'string') throw new UserError(vscode.l10n.t('cannot open the dashboard: {0}', config));
  if (config.produced && config.produced.sourceId === undefined)
    config.produced.sourceId = fileSourceId(config.produced.file);
  return config;
}

/** The command's handler: shows the topic's dashboard (an open one is revealed). */
export function openDashboard(
  deps: HostDeps & { clusters?: ClusterLookup },
  panels: OpenPanels<DashboardPanel>,
  show: ShowDashboard,
): (raw?: unknown) => Promise<void> {
  return async (raw) => {
    const config = await configFor(deps, raw);
    if (!config) return;
    rememberBrokers(deps.context, config.brokers);
    const existing = panels.get(panelKey(config));
    if (existing) {
      if (config.produced) existing.session.setProduced(config.produced);
      existing.reveal();
      return;
    }
    show(config);
  };
}

/** Restores the dashboards that were open before a window reload. */
export function dashboardRestorer(
  deps: HostDeps,
  panels: OpenPanels<DashboardPanel>,
  show: ShowDashboard,
): vscode.WebviewPanelSerializer {
  return {
    async deserializeWebviewPanel(panel, state) {
      const config = toDashboardConfig((state as { config?: unknown } | undefined)?.config);
      if (typeof config === 'string') {
        deps.log.warn(`[dashboard] not restoring a dashboard: ${config}`);
        panel.dispose();
        return;
      }
      const existing = panels.get(panelKey(config));
      if (existing) {
        panel.dispose();
        existing.reveal();
        return;
      }
      show(config, panel);
    },
  };
}
