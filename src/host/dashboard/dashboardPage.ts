// The dashboard's webview document: bundle dist/webview/dashboard.{js,css}, built from
// webview/dashboard/main.ts. Its controls come from the UI component library.
import type { WebviewPage } from '../webview/webviewDocument';

export const DASHBOARD_PAGE: WebviewPage = { bundle: 'dashboard', rootId: 'dashboard', componentStyles: true };
