// Finding Java 17+ like a person would, on Linux, macOS and Windows: the machine is a fake
// file system with the `java -version` texts real JDKs print; the last tests use this machine.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  findJava,
  javaCandidates,
  machineProbe,
  parseJavaVersion,
  type JavaProbe,
} from '../../../src/core/platform/javaDiscovery';
import { currentPlatform, type OsName, type Platform } from '../../../src/core/platform/platform';

const VERSION_TEXT: Record<string, string> = {
  8: 'java version "1.8.0_402"\nJava(TM) SE Runtime Environment (build 1.8.0_402-b06)\n',
  11: 'openjdk version "11.0.22" 2024-01-16\nOpenJDK Runtime Environment (build 11.0.22+7)\n',
  17: 'Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8\nopenjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment Temurin-17.0.15+6 (build 17.0.15+6)\n',
  21: 'openjdk version "21" 2023-09-19\nOpenJDK Runtime Environment (build 21+35-2513)\n',
};

/** A machine: java executables (path → major version; 0 = present but does not run). */
function fakeMachine(os: OsName, javas: Record<string, number>, macJavaHome?: string): JavaProbe {
  const paths = os === 'win32' ? path.win32 : path.posix;
  return {
    isFile: (file) => file in javas,
    listDir: (dir) => [
      ...new Set(
        Object.keys(javas)
          .filter((f) => f.startsWith(dir + paths.sep))
          .map((f) => f.slice(dir.length + 1).split(paths.sep)[0]),
      ),
    ],
    macJavaHome: async () => macJavaHome,
    versionOutput: async (file) => (javas[file] ? VERSION_TEXT[javas[file]] : undefined),
  };
}

const linux = (env: NodeJS.ProcessEnv = {}): Platform => ({
  os: 'linux',
  env: { PATH: '/usr/local/bin:/usr/bin', ...env },
  homedir: '/home/ana',
});
const mac = (env: NodeJS.ProcessEnv = {}): Platform => ({
  os: 'darwin',
  env: { PATH: '/usr/bin', ...env },
  homedir: '/Users/ana',
});
const windows = (env: NodeJS.ProcessEnv = {}): Platform => ({
  os: 'win32',
  env: {
    Path: 'C:\\Windows\\system32;C:\\Windows',
    ProgramFiles: 'C:\\Program Files',
    LOCALAPPDATA: 'C:\\Users\\José Ñúñez\\AppData\\Local',
    ...env,
  },
  homedir: 'C:\\Users\\José Ñúñez',
});

describe('Java discovery: version texts', () => {
  it('reads the major version the way each JDK generation prints it', () => {
    assert.deepEqual(parseJavaVersion(VERSION_TEXT[8]), { version: '1.8.0_402', major: 8 });
    assert.deepEqual(parseJavaVersion(VERSION_TEXT[17]), { version: '17.0.15', major: 17 });
    assert.deepEqual(parseJavaVersion(VERSION_TEXT[21]), { version: '21', major: 21 });
    assert.deepEqual(parseJavaVersion('openjdk version "26-ea" 2026-03-17\n'), { version: '26-ea', major: 26 });
    assert.equal(parseJavaVersion('The operation couldn’t be completed. Unable to locate a Java Runtime.'), undefined);
  });
});

describe('Java discovery: Linux', () => {
  it('passes over a Java 8 in JAVA_HOME and takes the newest JDK in /usr/lib/jvm', async () => {
    const probe = fakeMachine('linux', {
      '/opt/old jdk/bin/java': 8,
      '/usr/lib/jvm/java-11-openjdk-amd64/bin/java': 11,
      '/usr/lib/jvm/java-17-openjdk-amd64/bin/java': 17,
      '/usr/lib/jvm/temurin-21-jdk-amd64/bin/java': 21,
    });
    const java = await findJava(linux({ JAVA_HOME: '/opt/old jdk' }), probe);
    assert.deepEqual(java, {
      executable: '/usr/lib/jvm/temurin-21-jdk-amd64/bin/java',
      version: '21',
      major: 21,
      source: '/usr/lib/jvm',
    });
  });

  it('prefers java on PATH over install folders, as a shell would', async () => {
    const probe = fakeMachine('linux', { '/usr/bin/java': 17, '/usr/lib/jvm/temurin-21-jdk-amd64/bin/java': 21 });
    assert.equal((await findJava(linux(), probe)).executable, '/usr/bin/java');
  });

  it('says which versions, where to get one, and what it passed over when there is none', async () => {
    const probe = fakeMachine('linux', { '/usr/lib/jvm/java-11-openjdk-amd64/bin/java': 11 });
    await assert.rejects(findJava(linux(), probe), (e: Error) => {
      assert.equal(e.name, 'UserError');
      assert.match(
        e.message,
        /^no Java 17 or newer was found to run Kafka without Docker \(looked in JAVA_HOME, PATH, \/usr\/lib\/jvm,/,
      );
      assert.match(
        e.message,
        /Passed over: \/usr\/lib\/jvm\/java-11-openjdk-amd64\/bin\/java \(\/usr\/lib\/jvm\) is Java 11\.0\.22, older than 17\./,
      );
      assert.match(e.message, /sudo apt install openjdk-17-jre-headless/);
      assert.match(e.message, /https:\/\/adoptium\.net\/temurin\/releases\/\?os=linux/);
      return true;
    });
  });
});

describe('Java discovery: macOS', () => {
  it('asks /usr/libexec/java_home before the /usr/bin/java stub, which does not run without a JDK', async () => {
    const home = '/Library/Java/JavaVirtualMachines/temurin-17.jdk/Contents/Home';
    const probe = fakeMachine('darwin', { '/usr/bin/java': 0, [`${home}/bin/java`]: 17 }, home);
    const java = await findJava(mac(), probe);
    assert.deepEqual(java, {
      executable: `${home}/bin/java`,
      version: '17.0.15',
      major: 17,
      source: '/usr/libexec/java_home',
    });
  });

  it('finds JDK bundles and Homebrew kegs when java_home has no answer, without waking the /usr/bin/java stub', async () => {
    const probe = fakeMachine('darwin', {
      '/usr/bin/java': 0,
      '/Users/ana/Library/Java/JavaVirtualMachines/corretto-21.0.2/Contents/Home/bin/java': 21,
      '/opt/homebrew/opt/openjdk@17/bin/java': 17,
    });
    const candidates = (await javaCandidates(mac(), probe)).map((c) => c.executable);
    assert.deepEqual(candidates, [
      '/Users/ana/Library/Java/JavaVirtualMachines/corretto-21.0.2/Contents/Home/bin/java',
      '/opt/homebrew/opt/openjdk@17/bin/java',
    ]);
    assert.equal((await findJava(mac(), probe)).major, 21);
  });

  it('points to Homebrew and the Temurin .pkg when there is none', async () => {
    await assert.rejects(
      findJava(mac(), fakeMachine('darwin', { '/usr/bin/java': 0 })),
      /looked in JAVA_HOME, \/usr\/libexec\/java_home, PATH.*brew install --cask temurin@17.*\?os=mac/,
    );
  });
});

describe('Java discovery: Windows', () => {
  const adoptium = 'C:\\Program Files\\Eclipse Adoptium\\jdk-17.0.13.11-hotspot\\bin\\java.exe';
  const microsoft = 'C:\\Program Files\\Microsoft\\jdk-21.0.5.11-hotspot\\bin\\java.exe';

  it('finds java.exe under Program Files (spaces and all) when JAVA_HOME and Path have none', async () => {
    const probe = fakeMachine('win32', { [adoptium]: 17 });
    assert.deepEqual(await findJava(windows(), probe), {
      executable: adoptium,
      version: '17.0.15',
      major: 17,
      source: 'C:\\Program Files\\Eclipse Adoptium',
    });
  });

  it('uses JAVA_HOME, written in any case, as java.exe under bin', async () => {
    const home = 'C:\\Users\\José Ñúñez\\.jdks\\temurin-21';
    const probe = fakeMachine('win32', { [`${home}\\bin\\java.exe`]: 21, [microsoft]: 21 });
    const java = await findJava(windows({ java_home: home }), probe);
    assert.equal(java.executable, `${home}\\bin\\java.exe`);
    assert.equal(java.source, 'JAVA_HOME');
  });

  it('finds java.exe on a Path entry written with quotes', async () => {
    const probe = fakeMachine('win32', { [microsoft]: 21 });
    const java = await findJava(
      windows({ Path: 'C:\\Windows;"C:\\Program Files\\Microsoft\\jdk-21.0.5.11-hotspot\\bin"' }),
      probe,
    );
    assert.deepEqual([java.executable, java.source], [microsoft, 'PATH']);
  });

  it('points to winget and the Temurin .msi when there is none', async () => {
    await assert.rejects(findJava(windows(), fakeMachine('win32', {})), (e: Error) => {
      assert.match(
        e.message,
        /looked in JAVA_HOME, PATH, C:\\Program Files\\\{Eclipse Adoptium, Microsoft, Java, Zulu, Amazon Corretto, BellSoft, Semeru, OpenJDK\}, /,
      );
      assert.match(e.message, /winget install EclipseAdoptium\.Temurin\.17\.JDK/);
      assert.match(e.message, /\?os=windows/);
      return true;
    });
  });
});

describe('Java discovery: a Java home the user chose', () => {
  it('is used when it is 17 or newer, even with another Java on PATH', async () => {
    const probe = fakeMachine('linux', { '/usr/bin/java': 17, '/srv/jdk 21/bin/java': 21 });
    const java = await findJava(linux(), probe, {
      javaHome: '/srv/jdk 21',
      javaHomeSource: 'the kafkaLogLab.javaHome setting',
    });
    assert.equal(java.executable, '/srv/jdk 21/bin/java');
  });

  it('is refused with the reason, never silently replaced, when it is too old', async () => {
    const probe = fakeMachine('linux', { '/usr/bin/java': 17, '/srv/jdk11/bin/java': 11 });
    await assert.rejects(
      findJava(linux(), probe, { javaHome: '/srv/jdk11', javaHomeSource: 'the kafkaLogLab.javaHome setting' }),
      /^UserError: the kafkaLogLab\.javaHome setting names \/srv\/jdk11, but \/srv\/jdk11\/bin\/java \(the kafkaLogLab\.javaHome setting\) is Java 11\.0\.22, older than 17/,
    );
  });

  it('is named in the message when nothing is found, as the place to point at a Java', async () => {
    await assert.rejects(
      findJava(windows(), fakeMachine('win32', {}), { javaHomeSource: 'the kafkaLogLab.javaHome setting' }),
      /set JAVA_HOME or the kafkaLogLab\.javaHome setting to it/,
    );
  });
});

describe('Java discovery on this machine', function () {
  this.timeout(20_000);

  it('finds a Java 17+ and runs it', async () => {
    const java = await findJava(currentPlatform(), machineProbe);
    assert.ok(java.major >= 17, JSON.stringify(java));
  });

  it('finds an installed JDK in the usual folder with nothing on PATH and no JAVA_HOME', async function () {
    if (process.platform !== 'linux' || !fs.existsSync('/usr/lib/jvm')) this.skip();
    const platform = { ...currentPlatform(), env: { PATH: '' } };
    const java = await findJava(platform, machineProbe);
    assert.ok(java.executable.startsWith('/usr/lib/jvm/') && java.major >= 17, JSON.stringify(java));
  });
});
