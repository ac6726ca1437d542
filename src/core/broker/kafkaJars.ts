// Finds Apache Kafka's broker jars: $KAFKA_HOME/libs when set, otherwise a per-version cache
// folder that `ensureKafkaJars` fills from Maven Central over HTTPS, following the pinned
// manifest of that version (no Maven needed) and checking every jar's SHA-256 on each start.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { currentPlatform, userCacheDir } from '../platform/platform';
import { checkJarFolder, looksComplete } from './jarCache';
import { downloadJars, megabytes, type DownloadProgress, type DownloadSummary } from './jarDownload';
import type { ExplicitProxy } from './httpsProxy';
import { jarFileName, manifestFor, supportedKafkaVersions } from './kafkaManifest';

/** The broker version we test with and start by default. */
export const DEFAULT_KAFKA_VERSION = '3.9.2';
/** Versions the test suite proves kafkajs against (newest 3.9.x, newest resolvable 4.x). */
export const TESTED_KAFKA_VERSIONS = ['3.9.2', '4.3.1'];

export interface KafkaJars {
  version: string;
  libsDir: string;
  /** Where the jars came from: an unpacked distribution or our download cache. */
  source: 'KAFKA_HOME' | 'cache';
  /** What this call had to download, when anything. */
  download?: DownloadSummary;
}

export interface KafkaJarOptions {
  onProgress?: (message: string) => void;
  onDownload?: (progress: DownloadProgress) => void;
  /** Where to keep downloads when KAFKA_LOG_LAB_CACHE is not set (the editor's global storage). */
  cacheDir?: string;
  /** A proxy the user chose (the editor's http.proxy); HTTPS_PROXY otherwise. */
  proxy?: ExplicitProxy;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/** Our cache: $KAFKA_LOG_LAB_CACHE, else kafka-log-lab in the platform's cache folder. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  // Absolute, so that no path handed to java can be read as an option.
  return path.resolve(
    env.KAFKA_LOG_LAB_CACHE || path.join(userCacheDir({ ...currentPlatform(), env }), 'kafka-log-lab'),
  );
}

function versionDir(version: string, options: Pick<KafkaJarOptions, 'cacheDir' | 'env'>): string {
  const env = options.env ?? process.env;
  const root = options.cacheDir && !env.KAFKA_LOG_LAB_CACHE ? path.resolve(options.cacheDir) : cacheRoot(env);
  return path.join(root, 'kafka', version);
}

function jarsOfKafkaHome(home: string): KafkaJars {
  const libsDir = path.join(home, 'libs');
  if (!fs.existsSync(libsDir)) throw new UserError(`KAFKA_HOME is set to ${home} but it has no libs/ folder`);
  const jar = fs.readdirSync(libsDir).find((f) => /^kafka_2\.\d+-.+\.jar$/.test(f) && !f.includes('-test'));
  const homeVersion = jar?.replace(/^kafka_2\.\d+-/, '').replace(/\.jar$/, '') ?? 'unknown';
  return { version: homeVersion, libsDir, source: 'KAFKA_HOME' };
}

function checkedVersion(version: string): string {
  // Checked first: the version becomes part of a cache path.
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new UserError(`"${version}" is not a Kafka version (expected e.g. ${DEFAULT_KAFKA_VERSION})`);
  return version;
}

/** The jars already on this machine (all present with their sizes), or undefined when some must be fetched. */
export function findKafkaJars(
  version = DEFAULT_KAFKA_VERSION,
  env = process.env,
  cacheDir?: string,
): KafkaJars | undefined {
  if (env.KAFKA_HOME) return jarsOfKafkaHome(env.KAFKA_HOME);
  if (!supportedKafkaVersions().includes(version)) return undefined;
  const libsDir = path.join(versionDir(version, { env, cacheDir }), 'libs');
  return looksComplete(libsDir, manifestFor(version).jars) ? { version, libsDir, source: 'cache' } : undefined;
}

/**
 * Returns the jars for `version`, downloading what is missing or fails its SHA-256. Idempotent
 * and fast when cached (no network then): only hashing the files that are there.
 */
export async function ensureKafkaJars(
  version = DEFAULT_KAFKA_VERSION,
  options: KafkaJarOptions = {},
): Promise<KafkaJars> {
  const env = options.env ?? process.env;
  if (env.KAFKA_HOME) return jarsOfKafkaHome(env.KAFKA_HOME);
  const manifest = manifestFor(checkedVersion(version));
  const progress = options.onProgress ?? (() => undefined);
  const dir = versionDir(version, { env, cacheDir: options.cacheDir });
  const libsDir = path.join(dir, 'libs');
  const check = await checkJarFolder(libsDir, manifest.jars);
  for (const jar of check.damaged)
    progress(
      `The cached ${jarFileName(jar)} does not match its pinned SHA-256 (changed or damaged on disk); fetching it again`,
    );
  if (check.strays.length)
    progress(`Removed jars Kafka ${version} does not use from ${libsDir}: ${check.strays.join(', ')}`);
  const needed = [...check.missing, ...check.damaged];
  if (needed.length === 0) return { version, libsDir, source: 'cache' };

  const bytes = needed.reduce((sum, jar) => sum + jar.size, 0);
  const count =
    needed.length === manifest.jars.length
      ? `${needed.length} jars`
      : `${needed.length} of ${manifest.jars.length} jars`;
  progress(`Downloading Apache Kafka ${version}: ${count}, ${megabytes(bytes)} from ${manifest.repository}…`);
  const partialDir = path.join(dir, 'partial');
  const download = await downloadJars(
    manifest,
    needed,
    { libsDir, partialDir },
    { env, proxy: options.proxy, signal: options.signal, onDownload: options.onDownload },
  ).finally(() => removeIfEmpty(partialDir));
  progress(
    `Downloaded and verified ${download.files} jars (${megabytes(download.bytes)}) in ${(download.ms / 1000).toFixed(1)} s into ${libsDir}`,
  );
  return { version, libsDir, source: 'cache', download };
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    /* missing, or another download's partial files are still there */
  }
}
