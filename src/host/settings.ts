// Typed access to the `kafkaLogLab.*` settings, with one change event for the whole section.
import * as vscode from 'vscode';
import type { SaslMechanismName, SecurityProtocol } from '../core/kafka/connection/connectionSpec';
import type { SaslMechanism } from '../core/kafka/ports';

export const SECTION = 'kafkaLogLab';

/** Kafka's mechanism names; the lower-case ones are what older settings hold. */
export type SaslChoice = 'none' | SaslMechanism | SaslMechanismName;

/**
 * One entry of `kafkaLogLab.clusters`. Passwords, key passphrases and tokens never live here
 * (see ClusterRegistry and clusterSecrets.ts). Paths may be relative to the first workspace folder.
 */
export interface ClusterConfig {
  name: string;
  /** Comma-separated host:port list. */
  bootstrapServers: string;
  /** When absent (older settings), `ssl` and `saslMechanism` decide. */
  securityProtocol?: SecurityProtocol;
  /** Older settings: TLS on or off. */
  ssl?: boolean;
  saslMechanism?: SaslChoice;
  username?: string;
  /** PEM files of the certificate authorities to trust instead of the system's. */
  caFiles?: string[];
  /** PEM client certificate and key (mutual TLS). */
  certFile?: string;
  keyFile?: string;
  /** PKCS12 files: client certificate and key, certificate authorities. */
  keystoreFile?: string;
  truststoreFile?: string;
  /** Host name the broker certificate must carry, when it differs from the bootstrap host. */
  serverName?: string;
  /** Check the certificate chain but not that it names the broker host. */
  skipHostnameVerification?: boolean;
  /** Accept any broker certificate. Insecure: shown as such wherever the cluster is. */
  insecureSkipVerify?: boolean;
}

export interface KafkaLogLabSettings {
  clusters: ClusterConfig[];
  /** Name of the active cluster; empty means the first configured one. */
  activeCluster: string;
  /** Seconds between automatic refreshes of the Kafka view; 0 turns it off. */
  autoRefreshSeconds: number;
  showInternalTopics: boolean;
  /** Which engine "Start Local Broker" uses: Docker when available (`auto`), or one of them. */
  localBrokerEngine: LocalBrokerEngineSetting;
  /** Image of the Docker engine; empty means the built-in default. */
  localBrokerDockerImage: string;
}

export type LocalBrokerEngineSetting = 'auto' | 'docker' | 'jvm';

function engineSetting(raw: unknown): LocalBrokerEngineSetting {
  return raw === 'docker' || raw === 'jvm' ? raw : 'auto';
}

function cleanClusters(raw: unknown): ClusterConfig[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (c): c is ClusterConfig =>
      typeof c === 'object' &&
      c !== null &&
      typeof c.name === 'string' &&
      c.name.trim() !== '' &&
      typeof c.bootstrapServers === 'string',
  );
}

export function readSettings(): KafkaLogLabSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    clusters: cleanClusters(config.get('clusters')),
    activeCluster: config.get<string>('activeCluster', ''),
    autoRefreshSeconds: Math.max(0, config.get<number>('explorer.autoRefreshSeconds', 0) || 0),
    showInternalTopics: config.get<boolean>('explorer.showInternalTopics', false),
    localBrokerEngine: engineSetting(config.get('localBroker.engine')),
    localBrokerDockerImage: (config.get<string>('localBroker.dockerImage', '') ?? '').trim(),
  };
}

/** Fires when anything under `kafkaLogLab.` changes. */
export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}

export async function writeClusters(clusters: ClusterConfig[]): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('clusters', clusters, vscode.ConfigurationTarget.Global);
}

export async function writeActiveCluster(name: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('activeCluster', name, vscode.ConfigurationTarget.Global);
}
