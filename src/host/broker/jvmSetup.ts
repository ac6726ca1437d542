// How the editor shapes the JVM engine: the kafkaLogLab.javaHome setting picks the Java,
// Kafka's jars go to the extension's global storage (unless KAFKA_LOG_LAB_CACHE says
// otherwise), VS Code's http.proxy setting comes before HTTPS_PROXY, and the download shows
// its size and progress in the notification.
import * as vscode from 'vscode';
import { describeProgress, type DownloadProgress } from '../../core/broker/jarDownload';
import type { JvmSetup } from '../../core/broker/javaRuntime';
import { SECTION } from '../settings';
import type { HostDeps } from '../deps';

export const JAVA_HOME_SETTING = `${SECTION}.javaHome`;

export type ProgressSink = vscode.Progress<{ message?: string; increment?: number }>;

/** The notification's bar follows the download: each report adds the percent gained since the last. */
function downloadReporter(progress: ProgressSink): (p: DownloadProgress) => void {
  let shownPercent = 0;
  return (p) => {
    const percent = p.totalBytes ? Math.floor((100 * p.doneBytes) / p.totalBytes) : 100;
    progress.report({
      message: vscode.l10n.t('Downloading Apache Kafka {0}: {1}', p.kafkaVersion, describeProgress(p)),
      increment: Math.max(0, percent - shownPercent),
    });
    shownPercent = Math.max(shownPercent, percent);
  };
}

export function editorJvmSetup(deps: HostDeps, progress?: ProgressSink): JvmSetup {
  const javaHome = vscode.workspace.getConfiguration(SECTION).get<string>('javaHome', '')?.trim();
  const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy', '')?.trim();
  return {
    javaHome: javaHome || undefined,
    javaHomeSource: `the ${JAVA_HOME_SETTING} setting`,
    // A remote or virtual global storage is no folder Java can read: the platform cache then.
    cacheDir: deps.context.globalStorageUri.scheme === 'file' ? deps.context.globalStorageUri.fsPath : undefined,
    proxy: proxy ? { url: proxy, source: 'the http.proxy setting' } : undefined,
    onDownload: progress && downloadReporter(progress),
  };
}
