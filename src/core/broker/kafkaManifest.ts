// The pinned jar lists, one per supported Kafka version: what the JVM engine downloads and
// the SHA-256 every file must have before Java may load it. Made by
// scripts/make-kafka-manifest.mjs from Maven's resolution of Kafka's broker and tools.
import { UserError } from '../errors';
import kafka392 from './manifests/kafka-3.9.2.json';
import kafka431 from './manifests/kafka-4.3.1.json';

export interface PinnedJar {
  group: string;
  artifact: string;
  version: string;
  classifier?: string;
  size: number;
  sha256: string;
}

export interface KafkaManifest {
  kafkaVersion: string;
  /** Maven repository root the jars are fetched from (Maven Central). */
  repository: string;
  totalBytes: number;
  jars: PinnedJar[];
}

const MANIFESTS: KafkaManifest[] = [kafka392, kafka431];

export function supportedKafkaVersions(): string[] {
  return MANIFESTS.map((m) => m.kafkaVersion);
}

/** The manifest of `version`; a UserError naming the supported versions and the ways around. */
export function manifestFor(version: string): KafkaManifest {
  const manifest = MANIFESTS.find((m) => m.kafkaVersion === version);
  if (manifest) return manifest;
  throw new UserError(
    `Kafka ${version} cannot be downloaded by this version of Kafka Log Lab (it knows ${supportedKafkaVersions().join(' and ')}): ` +
      `choose one of those, set KAFKA_HOME to an unpacked Apache Kafka ${version} from https://kafka.apache.org/downloads, or use the Docker engine`,
  );
}

/** The jar's name in the flat libs folder, as in a Kafka distribution: artifact-version[-classifier].jar. */
export function jarFileName(jar: PinnedJar): string {
  return `${jar.artifact}-${jar.version}${jar.classifier ? `-${jar.classifier}` : ''}.jar`;
}

/** Where Maven Central keeps the jar: group dots become folders. */
export function jarUrl(repository: string, jar: PinnedJar): string {
  return `${repository.replace(/\/+$/, '')}/${jar.group.split('.').join('/')}/${jar.artifact}/${jar.version}/${jarFileName(jar)}`;
}
