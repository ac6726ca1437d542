// The pinned jar lists: one per tested Kafka version, consistent with themselves, and the
// Maven Central URLs they lead to.
import assert from 'node:assert/strict';
import { DEFAULT_KAFKA_VERSION, TESTED_KAFKA_VERSIONS, ensureKafkaJars } from '../../../src/core/broker/kafkaJars';
import { jarFileName, jarUrl, manifestFor, supportedKafkaVersions } from '../../../src/core/broker/kafkaManifest';
import { describeProgress, megabytes } from '../../../src/core/broker/jarDownload';

describe('Kafka jar manifests', () => {
  it('exist for every tested version and the default', () => {
    for (const version of [...TESTED_KAFKA_VERSIONS, DEFAULT_KAFKA_VERSION])
      assert.ok(supportedKafkaVersions().includes(version), version);
  });

  for (const version of TESTED_KAFKA_VERSIONS) {
    it(`Kafka ${version}: holds the broker and its tools, pinned by size and SHA-256, with distinct file names`, () => {
      const manifest = manifestFor(version);
      assert.equal(manifest.kafkaVersion, version);
      assert.equal(manifest.repository, 'https://repo.maven.apache.org/maven2');
      const names = manifest.jars.map(jarFileName);
      assert.ok(
        names.includes(`kafka_2.13-${version}.jar`) && names.includes(`kafka-tools-${version}.jar`),
        names.join(' '),
      );
      assert.equal(new Set(names).size, names.length);
      for (const jar of manifest.jars) {
        assert.match(jar.sha256, /^[0-9a-f]{64}$/, jarFileName(jar));
        assert.ok(Number.isInteger(jar.size) && jar.size > 0, jarFileName(jar));
      }
      assert.equal(
        manifest.totalBytes,
        manifest.jars.reduce((sum, jar) => sum + jar.size, 0),
      );
    });
  }

  it('lead to Maven Central paths: group dots become folders', () => {
    const jar = { group: 'org.apache.kafka', artifact: 'kafka_2.13', version: '3.9.2', size: 1, sha256: '' };
    assert.equal(
      jarUrl('https://repo.maven.apache.org/maven2/', jar),
      'https://repo.maven.apache.org/maven2/org/apache/kafka/kafka_2.13/3.9.2/kafka_2.13-3.9.2.jar',
    );
    assert.equal(
      jarFileName({
        ...jar,
        artifact: 'netty-transport-native-epoll',
        version: '4.1.115.Final',
        classifier: 'linux-x86_64',
      }),
      'netty-transport-native-epoll-4.1.115.Final-linux-x86_64.jar',
    );
  });

  it('refuse a version without a manifest, naming the supported ones and the ways around', async () => {
    await assert.rejects(ensureKafkaJars('3.8.0', { env: {} }), (e: Error) => {
      assert.equal(e.name, 'UserError');
      assert.match(
        e.message,
        /^Kafka 3\.8\.0 cannot be downloaded by this version of Kafka Log Lab \(it knows 3\.9\.2 and 4\.3\.1\)/,
      );
      assert.match(e.message, /KAFKA_HOME/);
      assert.match(e.message, /Docker/);
      return true;
    });
  });
});

describe('download progress text', () => {
  it('shows megabytes for a version and kilobytes for one small jar', () => {
    assert.equal(
      describeProgress({
        kafkaVersion: '3.9.2',
        doneBytes: 23_456_789,
        totalBytes: 58_423_417,
        doneFiles: 41,
        totalFiles: 105,
      }),
      '23.5 of 58.4 MB (40%), 41 of 105 jars',
    );
    assert.equal(
      describeProgress({ kafkaVersion: '3.9.2', doneBytes: 12_000, totalBytes: 36_100, doneFiles: 0, totalFiles: 1 }),
      '12 of 37 kB (33%), 0 of 1 jars',
    );
    assert.equal(megabytes(58_423_417), '58.4 MB');
  });
});
