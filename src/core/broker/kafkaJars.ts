// Finds Apache Kafka's broker jars: $KAFKA_HOME/libs when set, otherwise a per-version
// cache folder that `ensureKafkaJars` fills from Maven Central with `mvn` (once).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../errors';

const run = promisify(execFile);

/** The broker version we test with and start by default. */
export const DEFAULT_KAFKA_VERSION = '3.9.2';
/** Versions the test suite proves kafkajs against (newest 3.9.x, newest resolvable 4.x). */
export const TESTED_KAFKA_VERSIONS = ['3.9.2', '4.3.1'];

export interface KafkaJars {
  version: string;
  libsDir: string;
  /** Where the jars came from: an unpacked distribution or our Maven cache. */
  source: 'KAFKA_HOME' | 'maven-cache';
}

export function cacheRoot(): string {
  return process.env.KAFKA_LOG_LAB_CACHE || path.join(os.homedir(), '.cache', 'kafka-log-lab');
}

function cacheDir(version: string): string {
  return path.join(cacheRoot(), 'kafka', version);
}

const COMPLETE_MARKER = '.complete';

/** The jars already on this machine, or undefined when they must be fetched. */
export function findKafkaJars(version = DEFAULT_KAFKA_VERSION, env = process.env): KafkaJars | undefined {
  if (env.KAFKA_HOME) {
    const libsDir = path.join(env.KAFKA_HOME, 'libs');
    if (!fs.existsSync(libsDir)) throw new UserError(`KAFKA_HOME is set to ${env.KAFKA_HOME} but it has no libs/ folder`);
    const jar = fs.readdirSync(libsDir).find((f) => /^kafka_2\.\d+-.+\.jar$/.test(f) && !f.includes('-test'));
    const homeVersion = jar?.replace(/^kafka_2\.\d+-/, '').replace(/\.jar$/, '') ?? 'unknown';
    return { version: homeVersion, libsDir, source: 'KAFKA_HOME' };
  }
  const dir = cacheDir(version);
  if (fs.existsSync(path.join(dir, COMPLETE_MARKER))) return { version, libsDir: path.join(dir, 'libs'), source: 'maven-cache' };
  return undefined;
}

function pomFor(version: string): string {
  const major = Number(version.split('.')[0]);
  // Kafka 4 logs through log4j2 but leaves the SLF4J binding to the distribution.
  const logBinding =
    major >= 4
      ? `<dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>2.24.3</version></dependency>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kafka-log-lab</groupId><artifactId>kafka-broker-jars</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${version}</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>${version}</version></dependency>
    ${logBinding}
  </dependencies>
</project>
`;
}

/**
 * Returns the jars for `version`, fetching them with Maven when missing. Idempotent and
 * fast when already cached: the folder is only marked complete after a successful copy.
 */
export async function ensureKafkaJars(version = DEFAULT_KAFKA_VERSION, onProgress?: (m: string) => void): Promise<KafkaJars> {
  const found = findKafkaJars(version);
  if (found) return found;
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new UserError(`"${version}" is not a Kafka version (expected e.g. ${DEFAULT_KAFKA_VERSION})`);
  const dir = cacheDir(version);
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, 'pom.xml'), pomFor(version));
  onProgress?.(`Fetching Apache Kafka ${version} jars with Maven…`);
  try {
    await run('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', path.join(staging, 'pom.xml'), 'dependency:copy-dependencies',
      `-DoutputDirectory=${path.join(staging, 'libs')}`, '-DincludeScope=runtime'], { maxBuffer: 32 * 1024 * 1024 });
  } catch (e) {
    const err = e as { code?: string; stdout?: string };
    fs.rmSync(staging, { recursive: true, force: true });
    if (err.code === 'ENOENT') throw new UserError('Maven (mvn) is not installed: install it, or set KAFKA_HOME to an unpacked Kafka distribution');
    const reason = (err.stdout ?? '').split('\n').find((l) => l.includes('ERROR')) ?? String(e);
    throw new UserError(`could not fetch Apache Kafka ${version} from Maven Central: ${reason.trim()}`);
  }
  fs.writeFileSync(path.join(staging, COMPLETE_MARKER), new Date().toISOString());
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.renameSync(staging, dir);
  return { version, libsDir: path.join(dir, 'libs'), source: 'maven-cache' };
}
