// What to tell someone who has no usable Java: which versions, where to get one for their OS,
// and what was found but passed over (a Java 8 in JAVA_HOME is the usual surprise).
import { pathsOf, type OsName, type Platform } from './platform';

const WHERE_TO_GET: Record<OsName, string> = {
  linux:
    'install one with your package manager (Debian/Ubuntu: sudo apt install openjdk-17-jre-headless; Fedora: sudo dnf install java-17-openjdk-headless) ' +
    'or from https://adoptium.net/temurin/releases/?os=linux',
  darwin:
    'install one with Homebrew (brew install --cask temurin@17) or the .pkg from https://adoptium.net/temurin/releases/?os=mac',
  win32:
    'install one with winget (winget install EclipseAdoptium.Temurin.17.JDK) or the .msi from https://adoptium.net/temurin/releases/?os=windows ' +
    '(tick "Set JAVA_HOME variable")',
};

/** Folders with the same parent written once: C:\Program Files\{Eclipse Adoptium, Microsoft}. */
function shortList(dirs: string[], platform: Platform): string[] {
  const paths = pathsOf(platform);
  const byParent = new Map<string, string[]>();
  for (const dir of dirs)
    byParent.set(paths.dirname(dir), [...(byParent.get(paths.dirname(dir)) ?? []), paths.basename(dir)]);
  return [...byParent].map(([parent, names]) =>
    names.length === 1 ? paths.join(parent, names[0]) : `${parent}${paths.sep}{${names.join(', ')}}`,
  );
}

/** `setting` names where the user can point at a Java besides JAVA_HOME (the editor's setting). */
export function noJavaMessage(
  platform: Platform,
  installPlaces: string[],
  passedOver: string[],
  setting?: string,
): string {
  const looked = [
    'JAVA_HOME',
    ...(platform.os === 'darwin' ? ['/usr/libexec/java_home'] : []),
    'PATH',
    ...shortList(installPlaces, platform),
  ].join(', ');
  const found = passedOver.length ? ` Passed over: ${passedOver.join('; ')}.` : '';
  return (
    `no Java 17 or newer was found to run Kafka without Docker (looked in ${looked}).${found} ` +
    `Java 17, 21 or 25 will do: ${WHERE_TO_GET[platform.os]}; then set JAVA_HOME${setting ? ` or ${setting}` : ''} to it if it is not found, or start Kafka with Docker instead.`
  );
}
