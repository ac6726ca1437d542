// Every command the extension registers, declared once: its id and the arguments its handler
// takes. `registerCommand`/`registerTestCommand` (runCommand.ts) take an entry of this table, so
// a handler's argument types come from here, and `executeCommand` checks what a caller passes.
// Only types are imported: the table loads without the editor (the unit tests read it).
import type * as vscode from 'vscode';
import type { EngineChoice } from '../core/broker/startBroker';
import type { AddClusterArgs } from './clusters/clusterCommands';
import type { OpenDashboardArgs } from './dashboard/dashboardConfig';
import type { ExplorerNode } from './explorer/explorerNode';
import type { ResetOffsetsArgs } from './explorer/groupCommands';
import type { CreateTopicArgs } from './explorer/topicCommands';
import type { GenerateArgs } from './generate/generateCommand';
import type { ExportLabReportArgs } from './report/exportLabReport';
import type { StartLiveArgs } from './live/liveCommands';
import type { ReplicationLabArgs } from './replication/replicationSetup';
import type { LiveAction } from './live/liveMenu';
import type { ClusterConfig } from './settings';

/** A cluster resolved once (from a name, a tree row or the active cluster) and passed on as it is. */
export type ClusterRef = ClusterConfig;

/** How an argument names a cluster: a configured cluster's name, or one already resolved. */
export interface ClusterArgs {
  cluster?: string | ClusterRef;
}

/** A topic on a cluster (absent: asked for). */
export interface TopicArgs extends ClusterArgs {
  topic?: string;
}

/** What a scripted caller says so that nothing is asked. */
export interface ConfirmArgs {
  skipConfirmation?: boolean;
}

export interface GroupArgs extends ClusterArgs, ConfirmArgs {
  groupId?: string;
}

export interface ProduceArgs extends TopicArgs {
  /** Absolute, or relative to the first workspace folder. */
  file?: string;
  format?: string;
  as?: 'raw' | 'json';
  follow?: boolean;
  /** Send a file that looks binary anyway. */
  binary?: boolean;
}

/** Remove or select a cluster by `cluster` or `name`. */
export interface NamedClusterArgs extends ClusterArgs, ConfirmArgs {
  name?: string;
}

export interface GroupLabArgs {
  topic: string;
  groups?: number;
  members?: number;
  partitions?: number;
  /** Bootstrap servers; absent: the named cluster, else the active one. */
  brokers?: string;
  /** A configured cluster's name. */
  cluster?: string;
}

/** One entry of the table; `Args` exists only for the compiler. */
export interface CommandSpec<Args extends unknown[]> {
  readonly id: string;
  /** Contributed in package.json (palette, menus); otherwise registered only in test mode. */
  readonly contributed: boolean;
  readonly args?: Args;
}

function contributed<Args extends unknown[] = []>(id: string): CommandSpec<Args> {
  return { id, contributed: true };
}

/** Commands the extension tests use to read and drive a panel; never in the palette. */
function testOnly<Args extends unknown[] = []>(id: string): CommandSpec<Args> {
  return { id, contributed: false };
}

type Row = ExplorerNode;

export const COMMANDS = {
  showLogs: contributed('kafkaLogLab.showLogs'),
  refreshExplorer: contributed('kafkaLogLab.refreshExplorer'),
  showConsumerGroups: contributed('kafkaLogLab.showConsumerGroups'),

  addCluster: contributed<[arg?: AddClusterArgs]>('kafkaLogLab.addCluster'),
  removeCluster: contributed<[arg?: NamedClusterArgs | Row]>('kafkaLogLab.removeCluster'),
  selectCluster: contributed<[arg?: NamedClusterArgs | Row]>('kafkaLogLab.selectCluster'),
  importClusterProperties: contributed<[arg?: { file?: string } | vscode.Uri]>('kafkaLogLab.importClusterProperties'),

  startLocalBroker: contributed<[arg?: { port?: number; engine?: EngineChoice }]>('kafkaLogLab.startLocalBroker'),
  stopLocalBroker: contributed('kafkaLogLab.stopLocalBroker'),
  restartLocalBroker: contributed('kafkaLogLab.restartLocalBroker'),
  showLocalBrokerLogs: contributed('kafkaLogLab.showLocalBrokerLogs'),
  resetLocalBroker: contributed<[arg?: ConfirmArgs]>('kafkaLogLab.resetLocalBroker'),

  createTopic: contributed<[arg?: CreateTopicArgs | Row]>('kafkaLogLab.createTopic'),
  deleteTopic: contributed<[arg?: (TopicArgs & ConfirmArgs) | Row]>('kafkaLogLab.deleteTopic'),
  copyName: contributed<[arg?: { topic?: string; groupId?: string; name?: string } | Row]>('kafkaLogLab.copyName'),
  resetGroupOffsets: contributed<[arg?: ResetOffsetsArgs | Row]>('kafkaLogLab.resetGroupOffsets'),
  deleteGroup: contributed<[arg?: GroupArgs | Row]>('kafkaLogLab.deleteGroup'),

  openDashboard: contributed<[arg?: OpenDashboardArgs]>('kafkaLogLab.openDashboard'),
  consumeTopic: contributed<[arg?: TopicArgs | Row]>('kafkaLogLab.consumeTopic'),
  openGroupLab: contributed<[arg?: GroupLabArgs | Row]>('kafkaLogLab.openGroupLab'),
  openReplicationLab: contributed<[arg?: ReplicationLabArgs]>('kafkaLogLab.openReplicationLab'),
  exportLabReport: contributed<[arg?: ExportLabReportArgs]>('kafkaLogLab.exportLabReport'),

  generateLogs: contributed<[arg?: GenerateArgs]>('kafkaLogLab.generateLogs'),
  produceFile: contributed<[arg?: ProduceArgs | vscode.Uri, selected?: vscode.Uri[]]>('kafkaLogLab.produceFile'),
  produceFileFollow: contributed<[arg?: ProduceArgs | vscode.Uri]>('kafkaLogLab.produceFileFollow'),
  produceToTopic: contributed<[arg?: ProduceArgs | Row]>('kafkaLogLab.produceToTopic'),
  verifyFile: contributed<[arg?: ProduceArgs | vscode.Uri]>('kafkaLogLab.verifyFile'),
  stopFollowing: contributed<[arg?: { file?: string; all?: boolean } | vscode.Uri]>('kafkaLogLab.stopFollowing'),
  startLiveTraffic: contributed<[arg?: StartLiveArgs | Row]>('kafkaLogLab.startLiveTraffic'),
  liveTrafficMenu: contributed<[arg?: LiveAction]>('kafkaLogLab.liveTrafficMenu'),

  testDashboardRendered: testOnly<[topic: string]>('kafkaLogLab.test.dashboardRendered'),
  testDashboardReceive: testOnly<[topic: string, message: unknown]>('kafkaLogLab.test.dashboardReceive'),
  testDashboardState: testOnly<[topic: string]>('kafkaLogLab.test.dashboardState'),
  testDashboardClose: testOnly<[topic: string]>('kafkaLogLab.test.dashboardClose'),
  testDashboardReaders: testOnly('kafkaLogLab.test.dashboardReaders'),
  testDashboardPanels: testOnly('kafkaLogLab.test.dashboardPanels'),
  testGroupLabSnapshot: testOnly<[topic: string]>('kafkaLogLab.test.groupLabSnapshot'),
  testGroupLabRendered: testOnly<[topic: string]>('kafkaLogLab.test.groupLabRendered'),
  testGroupLabReceive: testOnly<[topic: string, message: unknown]>('kafkaLogLab.test.groupLabReceive'),
  testGroupLabClose: testOnly<[topic: string]>('kafkaLogLab.test.groupLabClose'),
  testGroupLabPanels: testOnly('kafkaLogLab.test.groupLabPanels'),
  testLiveStatus: testOnly('kafkaLogLab.test.liveStatus'),
  testReplicationLabState: testOnly('kafkaLogLab.test.replicationLabState'),
  testReplicationLabRendered: testOnly('kafkaLogLab.test.replicationLabRendered'),
  testReplicationLabReceive: testOnly<[message: unknown]>('kafkaLogLab.test.replicationLabReceive'),
  testReplicationLabClose: testOnly('kafkaLogLab.test.replicationLabClose'),
} as const;

export type CommandName = keyof typeof COMMANDS;
