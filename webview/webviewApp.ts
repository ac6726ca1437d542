// Starts a panel's webview app: the page's <main> (see src/host/webview/webviewDocument.ts)
// is its root, the host client its connection.
import type { PanelProtocol } from '../src/shared/webviewRpc';
import { HostClient, type WebviewApp } from './hostClient';

export function startWebviewApp<P extends PanelProtocol>(
  create: (root: HTMLElement, host: HostClient<P>) => WebviewApp<P>,
): void {
  const root = document.querySelector('main');
  if (!root) return;
  const host = new HostClient<P>();
  host.connect(create(root, host));
}
