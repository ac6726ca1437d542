// Downloads the jars of a manifest from Maven Central: a few at a time over kept-alive
// connections, through the user's proxy when there is one, with progress in bytes. The first
// file that cannot be fetched stops the others and becomes one message with the ways out.
import path from 'node:path';
import type tls from 'node:tls';
import { UserError } from '../errors';
import { DownloadError, downloadVerified, type DownloadJob } from './httpsDownload';
import { httpsAgentFor, proxyFor, shownProxy, type ExplicitProxy, type ProxyChoice } from './httpsProxy';
import { jarFileName, jarUrl, type KafkaManifest, type PinnedJar } from './kafkaManifest';

/** Files fetched at once: enough to hide latency, few enough to be polite and keep memory flat. */
export const DOWNLOAD_PARALLELISM = 4;
/** No connection, answer or data for this long fails a request (an unreachable repository fails in about this time). */
export const IDLE_TIMEOUT_MS = 10000;

export interface DownloadProgress {
  kafkaVersion: string;
  doneBytes: number;
  totalBytes: number;
  doneFiles: number;
  totalFiles: number;
}

export interface DownloadSummary {
  files: number;
  bytes: number;
  /** Bytes that earlier, interrupted downloads had already fetched. */
  resumedBytes: number;
  ms: number;
  /** The proxy used, without credentials. */
  proxy?: string;
}

export interface JarDownloadOptions {
  env: NodeJS.ProcessEnv;
  /** A proxy the user chose in the editor (http.proxy), before HTTPS_PROXY. */
  proxy?: ExplicitProxy;
  signal?: AbortSignal;
  onDownload?: (progress: DownloadProgress) => void;
  /** Extra trusted certificates (a test server's). */
  tls?: tls.SecureContextOptions;
}

/** A size as the README and progress show it: "58.4 MB", or "37 kB" for a single small jar. */
export function megabytes(bytes: number): string {
  return bytes >= 1e5 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;
}

/** "23.4 of 58.4 MB (40%), 41 of 105 jars" */
export function describeProgress(p: DownloadProgress): string {
  const percent = p.totalBytes ? Math.floor((100 * p.doneBytes) / p.totalBytes) : 100;
  const done = p.totalBytes >= 1e5 ? (p.doneBytes / 1e6).toFixed(1) : String(Math.floor(p.doneBytes / 1e3));
  return `${done} of ${megabytes(p.totalBytes)} (${percent}%), ${p.doneFiles} of ${p.totalFiles} jars`;
}

interface JarFolders {
  libsDir: string;
  partialDir: string;
}

function jobFor(manifest: KafkaManifest, jar: PinnedJar, dirs: JarFolders): DownloadJob {
  const name = jarFileName(jar);
  return {
    url: jarUrl(manifest.repository, jar),
    target: path.join(dirs.libsDir, name),
    partFile: path.join(dirs.partialDir, `${name}.part`),
    size: jar.size,
    sha256: jar.sha256,
  };
}

/** Fetches `jars` of `manifest` into `libsDir` (partial files in `partialDir`). */
export async function downloadJars(
  manifest: KafkaManifest,
  jars: PinnedJar[],
  dirs: JarFolders,
  options: JarDownloadOptions,
): Promise<DownloadSummary> {
  const started = Date.now();
  const proxy = proxyFor(new URL(manifest.repository), options.env, options.proxy);
  const agent = httpsAgentFor(proxy, DOWNLOAD_PARALLELISM, IDLE_TIMEOUT_MS, options.tls);
  // The first failure stops the other transfers: one error is enough to explain.
  const stopOthers = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopOthers.signal]) : stopOthers.signal;
  const { progress, report, stopReports, onBytes } = downloadProgress(manifest, jars, options);
  let resumedBytes = 0;
  const queue = [...jars];
  const worker = async () => {
    for (let jar = queue.shift(); jar && !signal.aborted; jar = queue.shift()) {
      const result = await downloadVerified(jobFor(manifest, jar, dirs), {
        agent,
        idleTimeoutMs: IDLE_TIMEOUT_MS,
        signal,
        onBytes,
      });
      resumedBytes += result.resumedFrom;
      progress.doneFiles++;
      report(false);
    }
  };
  const stoppingOthers = (e: unknown) => {
    stopOthers.abort();
    throw e;
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(DOWNLOAD_PARALLELISM, jars.length) }, () => worker().catch(stoppingOthers)),
    );
  } catch (e) {
    throw downloadFailure(e, manifest, options, proxy);
  } finally {
    stopReports();
    agent.destroy();
  }
  report(true);
  return {
    files: jars.length,
    bytes: progress.totalBytes,
    resumedBytes,
    ms: Date.now() - started,
    proxy: proxy && shownProxy(proxy.url),
  };
}

/** Progress over every jar, reported at most a few times a second (and once at the end). */
function downloadProgress(manifest: KafkaManifest, jars: PinnedJar[], options: JarDownloadOptions) {
  const progress: DownloadProgress = {
    kafkaVersion: manifest.kafkaVersion,
    doneBytes: 0,
    totalBytes: jars.reduce((sum, jar) => sum + jar.size, 0),
    doneFiles: 0,
    totalFiles: jars.length,
  };
  const { report, stop: stopReports } = throttled(() => options.onDownload?.({ ...progress }));
  const onBytes = (delta: number) => {
    progress.doneBytes += delta;
    report(false);
  };
  return { progress, report, stopReports, onBytes };
}

function downloadFailure(
  e: unknown,
  manifest: KafkaManifest,
  options: JarDownloadOptions,
  proxy: ReturnType<typeof proxyFor>,
): unknown {
  if (options.signal?.aborted)
    return new UserError(
      `the download of Apache Kafka ${manifest.kafkaVersion} was cancelled; the next start continues where it stopped`,
    );
  return e instanceof DownloadError
    ? new UserError(unreachableMessage(manifest.kafkaVersion, e, proxy), undefined, e)
    : e;
}

/** Why the jars could not be fetched, the URL, and what else gets the student a broker. */
export function unreachableMessage(version: string, e: DownloadError, proxy: ProxyChoice | undefined): string {
  const via = proxy ? `, through the proxy ${shownProxy(proxy.url)} from ${proxy.source}` : '';
  const fix = proxy ? `check ${proxy.source}` : 'check the network (a proxy goes in HTTPS_PROXY)';
  return (
    `cannot download Apache Kafka ${version} from Maven Central: ${e.reason} (${e.url}${via}). ` +
    `Ways out: run Kafka in Docker instead (the Docker engine); or set KAFKA_HOME to an unpacked Apache Kafka ${version} from https://kafka.apache.org/downloads; ` +
    `or ${fix} and try again.`
  );
}

const REPORT_EVERY_MS = 200;

/**
 * Calls `emit` at most every 200 ms, always when `final`, and once more after a quiet spell
 * so that the last bytes of a stalled transfer still show. `stop` drops a pending call.
 */
function throttled(emit: () => void): { report: (final: boolean) => void; stop: () => void } {
  let last = 0;
  let pending: NodeJS.Timeout | undefined;
  const fire = () => {
    pending = undefined;
    last = Date.now();
    emit();
  };
  const stop = () => {
    clearTimeout(pending);
    pending = undefined;
  };
  const report = (final: boolean) => {
    const wait = REPORT_EVERY_MS - (Date.now() - last);
    if (final || wait <= 0) {
      stop();
      fire();
    } else {
      pending ??= setTimeout(fire, wait);
    }
  };
  return { report, stop };
}
