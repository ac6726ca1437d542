// Entry of the Consumer Group Lab webview bundle (dist/webview/groupLab.js and groupLab.css).
import './groupLab.css';
import type { GroupLabProtocol } from '../../src/shared/groupLabProtocol';
import { startWebviewApp } from '../webviewApp';
import { LabApp } from './labApp';

startWebviewApp<GroupLabProtocol>((root, host) => new LabApp(root, host));
