// The Java that runs the broker, and how the host (editor or CLI) shapes the JVM engine:
// a Java home of the user's choosing, where downloads go, which proxy, download progress.
import { findJava, machineProbe, type JavaInstall } from '../platform/javaDiscovery';
import { currentPlatform } from '../platform/platform';
import type { ExplicitProxy } from './httpsProxy';
import type { DownloadProgress } from './jarDownload';

export interface JvmSetup {
  /** A Java home the user chose (kafkaLogLab.javaHome): used or refused, never passed over. */
  javaHome?: string;
  /** Where the user chooses a Java home, named by messages (e.g. "the kafkaLogLab.javaHome setting"). */
  javaHomeSource?: string;
  /** Where Kafka's jars are downloaded when KAFKA_LOG_LAB_CACHE is not set (the editor's global storage). */
  cacheDir?: string;
  /** The editor's http.proxy; HTTPS_PROXY otherwise. */
  proxy?: ExplicitProxy;
  onDownload?: (progress: DownloadProgress) => void;
}

/** Javas found, by what decided the search; only successes, so that a Java installed after a failure is found. */
const found = new Map<string, JavaInstall>();

/** A Java 17+ for the broker, or a UserError that tells how to get one on this OS. */
export async function locateJava(setup: JvmSetup = {}): Promise<JavaInstall> {
  const platform = currentPlatform();
  // Each probe runs `java -version`: remember the answer while its inputs stay the same.
  const key = JSON.stringify([setup.javaHome, platform.env.JAVA_HOME, platform.env.PATH]);
  const known = found.get(key);
  if (known && machineProbe.isFile(known.executable)) return known;
  const java = await findJava(platform, machineProbe, {
    javaHome: setup.javaHome,
    javaHomeSource: setup.javaHomeSource,
  });
  found.set(key, java);
  return java;
}

export async function javaAvailable(setup: JvmSetup = {}): Promise<boolean> {
  return locateJava(setup).then(
    () => true,
    () => false,
  );
}
