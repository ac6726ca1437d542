// Entry of the dashboard webview bundle (dist/webview/main.js).
import { DashboardApp } from './dashboardApp';
import { HostConnection } from './hostConnection';
import { registerToolkit } from './toolkit';

registerToolkit();
const root = document.getElementById('dashboard');
if (root) new DashboardApp(root, new HostConnection()).start();
