// Entry of the Replication Lab webview bundle (dist/webview/replication.js and replication.css).
import './replication.css';
import type { ReplicationLabProtocol } from '../../src/shared/replicationProtocol';
import { startWebviewApp } from '../webviewApp';
import { ReplicationApp } from './replicationApp';

startWebviewApp<ReplicationLabProtocol>((root, host) => new ReplicationApp(root, host));
