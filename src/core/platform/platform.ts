// Every decision that differs between Linux, macOS and Windows, in one place. The platform
// is a value, so that each branch can be exercised on any machine (unit tests pass one in).
import os from 'node:os';
import path from 'node:path';

export type OsName = 'linux' | 'darwin' | 'win32';

export interface Platform {
  os: OsName;
  env: NodeJS.ProcessEnv;
  homedir: string;
}

/** This machine. Other Unixes (FreeBSD...) behave like Linux for everything decided here. */
export function currentPlatform(): Platform {
  const name: OsName = process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
  return { os: name, env: process.env, homedir: os.homedir() };
}

/** Path functions of the platform (backslashes and drive letters on Windows). */
export function pathsOf(platform: Platform): path.PlatformPath {
  return platform.os === 'win32' ? path.win32 : path.posix;
}

/**
 * An environment variable. Windows names are case-insensitive (`Path`, `ProgramFiles`);
 * process.env knows that, a plain object handed in by a caller does not.
 */
export function envValue(platform: Platform, name: string): string | undefined {
  const exact = platform.env[name];
  if (exact !== undefined || platform.os !== 'win32') return exact || undefined;
  const key = Object.keys(platform.env).find((k) => k.toUpperCase() === name.toUpperCase());
  return (key && platform.env[key]) || undefined;
}

/** `name` as an executable file name: `java.exe` on Windows. */
export function executableName(name: string, platform: Platform): string {
  return platform.os === 'win32' ? `${name}.exe` : name;
}

/** The folders of PATH, in order. */
export function pathDirs(platform: Platform): string[] {
  const separator = platform.os === 'win32' ? ';' : ':';
  return (envValue(platform, 'PATH') ?? '')
    .split(separator)
    .map((d) => d.trim().replace(/^"(.*)"$/, '$1'))
    .filter(Boolean);
}

/**
 * The per-user cache folder where an application keeps what it can download again:
 * `$XDG_CACHE_HOME` or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows.
 */
export function userCacheDir(platform: Platform): string {
  const paths = pathsOf(platform);
  if (platform.os === 'win32')
    return envValue(platform, 'LOCALAPPDATA') ?? paths.join(platform.homedir, 'AppData', 'Local');
  if (platform.os === 'darwin') return paths.join(platform.homedir, 'Library', 'Caches');
  const xdg = envValue(platform, 'XDG_CACHE_HOME');
  // The XDG spec ignores relative values.
  return xdg && paths.isAbsolute(xdg) ? xdg : paths.join(platform.homedir, '.cache');
}

/**
 * Environment for a Java child. On Linux, Java decodes file names with the locale's charset:
 * under a C/POSIX locale (containers, services, ssh) a cache or data folder with non-ASCII
 * characters becomes unreadable to it, so such a child gets the UTF-8 variant of C.
 * macOS always uses UTF-8; Windows uses its code page whatever we set.
 */
export function javaChildEnv(platform: Platform): NodeJS.ProcessEnv {
  if (platform.os !== 'linux') return platform.env;
  const locale = platform.env.LC_ALL || platform.env.LC_CTYPE || platform.env.LANG || '';
  return /utf-?8/i.test(locale) ? platform.env : { ...platform.env, LC_ALL: 'C.UTF-8' };
}
