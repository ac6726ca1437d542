// A cluster's passwords, key passphrases and tokens, kept in VS Code's SecretStorage only
// (one entry per kind, so the password key of older versions still reads).
import type * as vscode from 'vscode';
import { SECRET_KINDS, type ClusterSecrets } from './clusterSecurity';

const secretKey = (kind: string, cluster: string) => `kafkaLogLab.${kind}.${cluster}`;

export class ClusterSecretStore {
  constructor(private readonly storage: vscode.SecretStorage) {}

  async get(cluster: string): Promise<ClusterSecrets> {
    const found: ClusterSecrets = {};
    for (const kind of SECRET_KINDS) {
      const value = await this.storage.get(secretKey(kind, cluster));
      if (value !== undefined) found[kind] = value;
    }
    return found;
  }

  /** Stores the given kinds; with `replace`, the kinds not given are deleted. */
  async store(cluster: string, secrets: ClusterSecrets, replace: boolean): Promise<void> {
    for (const kind of SECRET_KINDS) {
      const value = secrets[kind];
      if (value !== undefined) await this.storage.store(secretKey(kind, cluster), value);
      else if (replace) await this.storage.delete(secretKey(kind, cluster));
    }
  }

  async delete(cluster: string): Promise<void> {
    for (const kind of SECRET_KINDS) await this.storage.delete(secretKey(kind, cluster));
  }
}
