// Entry of the dashboard webview bundle (dist/webview/dashboard.js and dashboard.css).
import './dashboard.css';
import type { DashboardProtocol } from '../../src/shared/protocol';
import { registerToolkit } from '../toolkit';
import { startWebviewApp } from '../webviewApp';
import { DashboardApp } from './dashboardApp';

registerToolkit();
startWebviewApp<DashboardProtocol>((root, host) => new DashboardApp(root, host));
