// Finds a Java 17+ the way a person would: the folder they named, JAVA_HOME, `java` on PATH,
// then the places installers put a JDK on each OS. Every candidate is run (`java -version`),
// so a broken link or a Java 8 is passed over with a reason instead of failing later.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { UserError } from '../errors';
import { noJavaMessage } from './javaAdvice';
import { envValue, executableName, pathDirs, pathsOf, type Platform } from './platform';

/** Kafka 3.9 still runs on 11, but Kafka 4 brokers need 17: one floor for both. */
export const MIN_JAVA_MAJOR = 17;

export interface JavaInstall {
  executable: string;
  /** As `java -version` prints it, e.g. "17.0.15" or "21". */
  version: string;
  major: number;
  /** Where it was found, e.g. "JAVA_HOME" or "/usr/lib/jvm". */
  source: string;
}

export interface JavaCandidate {
  executable: string;
  source: string;
}

/** What discovery reads from the machine; unit tests pass a fake one. */
export interface JavaProbe {
  /** Entry names of a folder, [] when it does not exist. */
  listDir(dir: string): string[];
  isFile(file: string): boolean;
  /** macOS: the home `/usr/libexec/java_home -v 17+` prints, if any. */
  macJavaHome(): Promise<string | undefined>;
  /** What `executable -version` prints, or undefined when it does not run. */
  versionOutput(executable: string): Promise<string | undefined>;
}

export interface FindJavaOptions {
  /**
   * A JDK or JRE folder chosen by the user (the editor's kafkaLogLab.javaHome setting): used or
   * refused, never skipped.
   */
  javaHome?: string;
  /** Where the user can choose a Java home (e.g. "the kafkaLogLab.javaHome setting"): named by messages. */
  javaHomeSource?: string;
}

/** The major version in `java -version` output: `"1.8.0_402"` → 8, `"17.0.15"` → 17, `"21-ea"` → 21. */
export function parseJavaVersion(output: string): { version: string; major: number } | undefined {
  const quoted = /version "([^"]+)"/.exec(output)?.[1];
  if (!quoted) return undefined;
  const parts = quoted.split(/[.+_-]/).map(Number);
  const major = parts[0] === 1 ? parts[1] : parts[0];
  return Number.isInteger(major) ? { version: quoted, major } : undefined;
}

function javaIn(home: string, platform: Platform): string {
  return pathsOf(platform).join(home, 'bin', executableName('java', platform));
}

/** Where Windows installers put programs: Program Files (64-bit) and the per-user Programs folder. */
function windowsProgramRoots(platform: Platform): string[] {
  const paths = pathsOf(platform);
  const localAppData = envValue(platform, 'LOCALAPPDATA');
  const roots = [
    envValue(platform, 'ProgramFiles') ?? 'C:\\Program Files',
    envValue(platform, 'ProgramW6432'),
    localAppData && paths.join(localAppData, 'Programs'),
  ];
  return [...new Set(roots.filter((r): r is string => Boolean(r)))];
}

/** JDK vendors' folder names under the Windows program roots. */
const WINDOWS_JDK_VENDORS = [
  'Eclipse Adoptium',
  'Microsoft',
  'Java',
  'Zulu',
  'Amazon Corretto',
  'BellSoft',
  'Semeru',
  'OpenJDK',
];

/** Folders whose sub-folders are Java homes, per OS, and how a sub-folder maps to its home. */
function installPlaces(platform: Platform): Array<{ dir: string; home?: (entry: string) => string; only?: RegExp }> {
  const paths = pathsOf(platform);
  const home = platform.homedir;
  const everywhere = [{ dir: paths.join(home, '.jdks') }, { dir: paths.join(home, '.sdkman', 'candidates', 'java') }];
  if (platform.os === 'win32') {
    const vendorDirs = windowsProgramRoots(platform).flatMap((root) =>
      WINDOWS_JDK_VENDORS.map((vendor) => ({ dir: paths.join(root, vendor) })),
    );
    return [...vendorDirs, ...everywhere];
  }
  if (platform.os === 'darwin') {
    const bundle = (dir: string) => ({ dir, home: (entry: string) => paths.join(dir, entry, 'Contents', 'Home') });
    return [
      bundle('/Library/Java/JavaVirtualMachines'),
      bundle(paths.join(home, 'Library', 'Java', 'JavaVirtualMachines')),
      { dir: '/opt/homebrew/opt', only: /^openjdk/ },
      { dir: '/usr/local/opt', only: /^openjdk/ },
      ...everywhere,
    ];
  }
  return [
    { dir: '/usr/lib/jvm' },
    { dir: '/usr/lib64/jvm' },
    { dir: '/usr/java' },
    { dir: '/opt/java' },
    ...everywhere,
  ];
}

/** The folders `installPlaces` looks in, for the message when nothing is found. */
export function installPlaceDirs(platform: Platform): string[] {
  return installPlaces(platform).map((p) => p.dir);
}

const newestFirst = (a: string, b: string) => b.localeCompare(a, 'en', { numeric: true });

/** Every java to try, in the order a person would, without running any. */
export async function javaCandidates(platform: Platform, probe: JavaProbe): Promise<JavaCandidate[]> {
  const paths = pathsOf(platform);
  const candidates: JavaCandidate[] = [];
  const javaHome = envValue(platform, 'JAVA_HOME');
  if (javaHome) candidates.push({ executable: javaIn(javaHome, platform), source: 'JAVA_HOME' });
  // macOS: /usr/bin/java is a stub that runs what java_home picks (and offers an install
  // dialog when there is none), so it is only worth a try when java_home knows a JDK.
  let skipMacStub = false;
  if (platform.os === 'darwin') {
    const home = await probe.macJavaHome();
    if (home) candidates.push({ executable: javaIn(home, platform), source: '/usr/libexec/java_home' });
    skipMacStub = !home;
  }
  for (const dir of pathDirs(platform)) {
    const java = paths.join(dir, executableName('java', platform));
    if (skipMacStub && java === '/usr/bin/java') continue;
    if (probe.isFile(java)) candidates.push({ executable: java, source: 'PATH' });
  }
  for (const place of installPlaces(platform)) {
    const entries = probe
      .listDir(place.dir)
      .filter((e) => !place.only || place.only.test(e))
      .sort(newestFirst);
    for (const entry of entries) {
      const java = javaIn(place.home ? place.home(entry) : paths.join(place.dir, entry), platform);
      if (probe.isFile(java)) candidates.push({ executable: java, source: place.dir });
    }
  }
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.executable) && seen.add(c.executable));
}

/** A Java 17+ on this machine, or a UserError that says what was found and how to get one. */
export async function findJava(
  platform: Platform,
  probe: JavaProbe = machineProbe,
  options: FindJavaOptions = {},
): Promise<JavaInstall> {
  if (options.javaHome)
    return chosenJava(options.javaHome, options.javaHomeSource ?? 'the chosen Java home', platform, probe);
  const passedOver: string[] = [];
  for (const candidate of await javaCandidates(platform, probe)) {
    const found = await tryJava(candidate, probe);
    if (typeof found !== 'string') return found;
    passedOver.push(found);
  }
  throw new UserError(noJavaMessage(platform, installPlaceDirs(platform), passedOver, options.javaHomeSource));
}

/** The install, or why it cannot be used. */
async function tryJava(candidate: JavaCandidate, probe: JavaProbe): Promise<JavaInstall | string> {
  const output = await probe.versionOutput(candidate.executable);
  const parsed = output === undefined ? undefined : parseJavaVersion(output);
  if (!parsed) return `${candidate.executable} (${candidate.source}) does not run`;
  if (parsed.major < MIN_JAVA_MAJOR)
    return `${candidate.executable} (${candidate.source}) is Java ${parsed.version}, older than ${MIN_JAVA_MAJOR}`;
  return { executable: candidate.executable, ...parsed, source: candidate.source };
}

async function chosenJava(home: string, source: string, platform: Platform, probe: JavaProbe): Promise<JavaInstall> {
  const found = await tryJava({ executable: javaIn(home, platform), source }, probe);
  if (typeof found !== 'string') return found;
  throw new UserError(
    `${source} names ${home}, but ${found}: point it at a Java ${MIN_JAVA_MAJOR} or newer (the folder that holds bin), or clear it to let Kafka Log Lab look for one`,
  );
}

/** The real machine. */
export const machineProbe: JavaProbe = {
  listDir: (dir) => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  },
  isFile: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  macJavaHome: () =>
    output('/usr/libexec/java_home', ['-v', `${MIN_JAVA_MAJOR}+`], 'stdout').then((s) => s?.trim() || undefined),
  versionOutput: (executable) => output(executable, ['-version'], 'stderr'),
};

function output(file: string, args: string[], stream: 'stdout' | 'stderr'): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 15000, windowsHide: true }, (error, stdout, stderr) =>
      resolve(error ? undefined : stream === 'stdout' ? stdout : stderr),
    );
  });
}
