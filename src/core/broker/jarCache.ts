// What a cached libs folder holds compared with its manifest: each jar is checked by size
// and SHA-256 on every start, so a damaged or altered file is fetched again before Java
// loads it. Jars the manifest does not list are removed: `-cp libs/*` would load them too.
import fs from 'node:fs';
import path from 'node:path';
import { sha256Of } from './httpsDownload';
import { jarFileName, type PinnedJar } from './kafkaManifest';

export interface JarFolderCheck {
  missing: PinnedJar[];
  /** Present but with another size or SHA-256 (already deleted). */
  damaged: PinnedJar[];
  /** Jar files the manifest does not list (already deleted). */
  strays: string[];
}

/** Jars hashed at a time: enough to overlap disk reads, few enough to leave the CPU to others. */
const HASH_PARALLELISM = 4;

async function isIntact(file: string, jar: PinnedJar): Promise<boolean | undefined> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return undefined;
  }
  return size === jar.size && (await sha256Of(file)) === jar.sha256;
}

/** Checks `libsDir` against `jars`, deleting what must not be loaded. */
export async function checkJarFolder(libsDir: string, jars: PinnedJar[]): Promise<JarFolderCheck> {
  const check: JarFolderCheck = { missing: [], damaged: [], strays: [] };
  const queue = [...jars];
  const worker = async () => {
    for (let jar = queue.shift(); jar; jar = queue.shift()) {
      const file = path.join(libsDir, jarFileName(jar));
      const intact = await isIntact(file, jar);
      if (intact === undefined) check.missing.push(jar);
      else if (!intact) {
        fs.rmSync(file, { force: true });
        check.damaged.push(jar);
      }
    }
  };
  await Promise.all(Array.from({ length: HASH_PARALLELISM }, worker));
  const known = new Set(jars.map(jarFileName));
  for (const name of listJars(libsDir)) {
    if (known.has(name)) continue;
    fs.rmSync(path.join(libsDir, name), { force: true });
    check.strays.push(name);
  }
  return check;
}

function listJars(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.jar'));
  } catch {
    return [];
  }
}

/** Quick look without hashing: every jar present with its size. */
export function looksComplete(libsDir: string, jars: PinnedJar[]): boolean {
  return jars.every((jar) => {
    try {
      return fs.statSync(path.join(libsDir, jarFileName(jar))).size === jar.size;
    } catch {
      return false;
    }
  });
}
