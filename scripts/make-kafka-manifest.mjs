// Pins the jars the JVM engine downloads for a Kafka version: resolves Apache Kafka's broker
// and tools with Maven (here, once, by a maintainer; never at run time), then writes every
// resolved jar's coordinates, size and SHA-256 into src/core/broker/manifests/kafka-<V>.json.
//
//   node scripts/make-kafka-manifest.mjs 3.9.2 4.3.1
//
// Needs `mvn` and network access to Maven Central. Review the diff of the manifests it writes:
// they are the list of files every user's machine will fetch and trust.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = 'https://repo.maven.apache.org/maven2';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifestDir = path.join(repoRoot, 'src/core/broker/manifests');

/** What the broker needs at run time: the server, the tools (StorageTool) and, for Kafka 4, a log binding. */
function rootDependencies(version) {
  const deps = [
    { group: 'org.apache.kafka', artifact: 'kafka_2.13', version },
    { group: 'org.apache.kafka', artifact: 'kafka-tools', version },
  ];
  // Kafka 4 logs through log4j2 but leaves the SLF4J binding to the distribution.
  if (Number(version.split('.')[0]) >= 4)
    deps.push({ group: 'org.apache.logging.log4j', artifact: 'log4j-slf4j-impl', version: '2.24.3' });
  return deps;
}

function pomFor(deps) {
  const lines = deps.map(
    (d) =>
      `    <dependency><groupId>${d.group}</groupId><artifactId>${d.artifact}</artifactId><version>${d.version}</version></dependency>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kafka-log-lab</groupId><artifactId>kafka-broker-jars</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${lines.join('\n')}
  </dependencies>
</project>
`;
}

function* jarsUnder(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* jarsUnder(full);
    else if (entry.name.endsWith('.jar')) yield full;
  }
}

/** group/artifact/version/classifier from a repository-layout path: org/x/artifact/1.0/artifact-1.0[-cls].jar. */
function coordinatesOf(relative) {
  const parts = relative.split(path.sep);
  const [file] = parts.splice(-1);
  const [artifact, version] = parts.splice(-2);
  const stem = `${artifact}-${version}`;
  if (!file.startsWith(stem)) throw new Error(`unexpected jar name ${relative}`);
  const rest = file.slice(stem.length, -'.jar'.length);
  const jar = { group: parts.join('.'), artifact, version };
  if (rest) jar.classifier = rest.replace(/^-/, '');
  return jar;
}

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Pretty JSON with one jar per line, so that a new manifest reads as a diff of jars. */
function formatManifest(manifest) {
  const { jars, ...head } = manifest;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${top},\n  "jars": [\n${jars.map((j) => `    ${JSON.stringify(j)}`).join(',\n')}\n  ]\n}\n`;
}

function makeManifest(version) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `kafka-manifest-${version}-`));
  try {
    const deps = rootDependencies(version);
    fs.writeFileSync(path.join(work, 'pom.xml'), pomFor(deps));
    const out = path.join(work, 'jars');
    // --strict-checksums: a jar whose .sha1 on Maven Central disagrees stops the run.
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '--strict-checksums',
        '-Dstyle.color=never',
        '-f',
        path.join(work, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${out}`,
        '-DincludeScope=runtime',
        '-Dmdep.useRepositoryLayout=true',
      ],
      { stdio: 'inherit' },
    );
    const jars = [...jarsUnder(out)].map((file) => ({
      ...coordinatesOf(path.relative(out, file)),
      size: fs.statSync(file).size,
      sha256: sha256(file),
    }));
    const fileName = (j) => `${j.artifact}-${j.version}${j.classifier ? `-${j.classifier}` : ''}.jar`;
    jars.sort((a, b) => fileName(a).localeCompare(fileName(b)));
    // The jars land in one flat folder (like a Kafka distribution's libs/): names must not collide.
    const names = new Set(jars.map(fileName));
    if (names.size !== jars.length) throw new Error(`Kafka ${version}: two resolved jars share a file name`);
    const manifest = {
      kafkaVersion: version,
      repository: REPOSITORY,
      resolvedFrom: { dependencies: deps, scope: 'runtime', by: 'scripts/make-kafka-manifest.mjs' },
      totalBytes: jars.reduce((sum, j) => sum + j.size, 0),
      jars,
    };
    const target = path.join(manifestDir, `kafka-${version}.json`);
    fs.writeFileSync(target, formatManifest(manifest));
    console.log(
      `${path.relative(repoRoot, target)}: ${jars.length} jars, ${(manifest.totalBytes / 1e6).toFixed(1)} MB`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const versions = process.argv.slice(2);
if (versions.length === 0 || versions.some((v) => !/^\d+\.\d+\.\d+$/.test(v))) {
  console.error('usage: node scripts/make-kafka-manifest.mjs VERSION... (e.g. 3.9.2 4.3.1)');
  process.exit(2);
}
fs.mkdirSync(manifestDir, { recursive: true });
for (const version of versions) makeManifest(version);
