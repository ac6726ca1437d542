import assert from 'node:assert/strict';
import { classifyDockerFailure, lastErrorLine } from '../../../src/core/broker/dockerCli';

// Texts as docker 20.10 to 28 print them.
const samples = {
  daemonDown: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
  daemonDownNewCli:
    'failed to connect to the docker API at unix:///var/run/docker.sock; check if the path is correct and if the daemon is running: dial unix /var/run/docker.sock: connect: no such file or directory\n',
  daemonDownTcp: 'Cannot connect to the Docker daemon at tcp://10.0.0.5:2375. Is the docker daemon running?\n',
  permission:
    'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version": dial unix /var/run/docker.sock: connect: permission denied\n',
  userlandProxy:
    "docker: Error response from daemon: driver failed programming external connectivity on endpoint kafka-log-lab-broker (5f12): Error starting userland proxy: listen tcp4 127.0.0.1:9092: bind: address already in use.\n\nRun 'docker run --help' for more information\n",
  allocated:
    "docker: Error response from daemon: driver failed programming external connectivity on endpoint kll (ad5e): Bind for 127.0.0.1:19556 failed: port is already allocated.\nRun 'docker run --help' for more information\n",
  noRegistry:
    "Unable to find image 'apache/kafka:3.9.2' locally\ndocker: Error response from daemon: Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host.\nSee 'docker run --help'.\n",
  pullDenied:
    "Error response from daemon: pull access denied for kafka-log-lab/kafka, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
  nameConflict:
    'docker: Error response from daemon: Conflict. The container name "/kafka-log-lab-broker" is already in use by container "b5b1". You have to remove (or rename) that container to be able to reuse that name.\n',
  noContainer: 'Error response from daemon: No such container: kafka-log-lab-broker\n',
};

describe('docker failure classification', () => {
  it('says the daemon is not running, and where nothing answers', () => {
    for (const text of [samples.daemonDown, samples.daemonDownNewCli]) {
      const e = classifyDockerFailure(text);
      assert.equal(e.kind, 'daemon-down');
      assert.equal(
        e.message,
        'Docker is installed but the daemon is not running (nothing answers at unix:///var/run/docker.sock)',
      );
    }
    assert.match(
      classifyDockerFailure(samples.daemonDownTcp).message,
      /nothing answers at tcp:\/\/10\.0\.0\.5:2375\)$/,
    );
  });

  it('tells a permission problem from a stopped daemon', () => {
    const e = classifyDockerFailure(samples.permission);
    assert.equal(e.kind, 'permission-denied');
    assert.match(e.message, /^permission denied talking to the Docker daemon: add your user to the "docker" group/);
  });

  it('names the taken port', () => {
    for (const [text, port] of [
      [samples.userlandProxy, 9092],
      [samples.allocated, 19556],
    ] as const) {
      const e = classifyDockerFailure(text);
      assert.equal(e.kind, 'port-taken');
      assert.equal(e.message, `port ${port} is taken by another process`);
    }
  });

  it('says an image is missing and cannot be pulled, with the registry reason', () => {
    const e = classifyDockerFailure(samples.noRegistry, { image: 'apache/kafka:3.9.2' });
    assert.equal(e.kind, 'image-missing');
    assert.match(
      e.message,
      /^image apache\/kafka:3\.9\.2 is not available locally and cannot be pulled: Get "https:\/\/registry-1\.docker\.io\/v2\/".*no such host/,
    );
    assert.equal(classifyDockerFailure(samples.pullDenied).kind, 'image-missing');
  });

  it('recognises name conflicts and missing containers', () => {
    const conflict = classifyDockerFailure(samples.nameConflict);
    assert.equal(conflict.kind, 'name-conflict');
    assert.equal(conflict.message, 'a container named kafka-log-lab-broker already exists');
    assert.equal(classifyDockerFailure(samples.noContainer).kind, 'no-such-container');
  });

  it('keeps anything else, naming the docker command', () => {
    const e = classifyDockerFailure('Error response from daemon: something odd\n', { args: ['volume', 'rm', 'x'] });
    assert.equal(e.kind, 'failed');
    assert.equal(e.message, 'docker volume failed: something odd');
  });

  it("reads the last line without docker's help hint and prefixes", () => {
    assert.equal(
      lastErrorLine(samples.allocated),
      'driver failed programming external connectivity on endpoint kll (ad5e): Bind for 127.0.0.1:19556 failed: port is already allocated.',
    );
    assert.equal(lastErrorLine('WARNING: Error loading config file: x\n'), '');
  });
});
