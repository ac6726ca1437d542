// The Replication Lab's webview document: bundle dist/webview/replication.{js,css}, built from
// webview/replication/main.ts.
import type { WebviewPage } from '../webview/webviewDocument';

export const REPLICATION_PAGE: WebviewPage = { bundle: 'replication', rootId: 'replication-lab' };
