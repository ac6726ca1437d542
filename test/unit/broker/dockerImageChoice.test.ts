// Which image the Docker engine runs, from the images present locally: no Docker involved.
import assert from 'node:assert/strict';
import {
  DEFAULT_DOCKER_IMAGE,
  chooseDockerImage,
  imageCandidates,
  projectImageFor,
  pullFailureMessage,
  type DockerImageRequest,
} from '../../../src/core/broker/dockerBrokerArgs';
import { DEFAULT_KAFKA_VERSION } from '../../../src/core/broker/kafkaJars';

const official = DEFAULT_DOCKER_IMAGE;
const project = projectImageFor();
const local = (...images: string[]) => new Set(images);
const offline =
  'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.53:53: no such host';

describe('Docker image choice', () => {
  it('names the project image after the pinned Kafka version', () => {
    assert.equal(project, `kafka-log-lab/kafka:${DEFAULT_KAFKA_VERSION}`);
    assert.equal(official, `apache/kafka:${DEFAULT_KAFKA_VERSION}`);
  });

  it('checks the official image, then the project image, unless one is named', () => {
    assert.deepEqual(imageCandidates({}), [official, project]);
    assert.deepEqual(imageCandidates({ kafkaVersion: '4.3.1' }), ['apache/kafka:4.3.1', 'kafka-log-lab/kafka:4.3.1']);
    assert.deepEqual(imageCandidates({ image: 'mine:1' }), ['mine:1']);
  });

  it('runs the official image when it is present locally, even next to the project image', () => {
    assert.deepEqual(chooseDockerImage({}, local(official, project)), {
      image: official,
      pull: false,
      reason: 'present locally',
    });
  });

  it('runs the project image without pulling when only it is present, and says so', () => {
    assert.deepEqual(chooseDockerImage({}, local(project)), {
      image: project,
      pull: false,
      reason: `${official} is not present locally, so it is not pulled; using the local image built by scripts/docker/build-local-kafka-image.sh`,
    });
  });

  it('pulls the official image only when neither is present', () => {
    const choice = chooseDockerImage({}, local());
    assert.equal(choice.image, official);
    assert.equal(choice.pull, true);
    assert.equal(choice.reason, `not present locally, nor is the local image ${project}`);
  });

  it('follows an explicit Kafka version to its own images', () => {
    assert.equal(chooseDockerImage({ kafkaVersion: '4.3.1' }, local(project)).image, 'apache/kafka:4.3.1');
    assert.equal(
      chooseDockerImage({ kafkaVersion: '4.3.1' }, local('kafka-log-lab/kafka:4.3.1')).image,
      'kafka-log-lab/kafka:4.3.1',
    );
  });

  it('always runs a named image, pulling it when it is not local', () => {
    const named: DockerImageRequest = { image: 'mine:1', imageSource: '$KAFKA_LOG_LAB_DOCKER_IMAGE' };
    assert.deepEqual(chooseDockerImage(named, local(official, project, 'mine:1')), {
      image: 'mine:1',
      pull: false,
      reason: 'named by $KAFKA_LOG_LAB_DOCKER_IMAGE, present locally',
    });
    assert.deepEqual(chooseDockerImage(named, local(official, project)), {
      image: 'mine:1',
      pull: true,
      reason: 'named by $KAFKA_LOG_LAB_DOCKER_IMAGE, not present locally',
    });
  });

  it('says why a pull failed and what else could have run, in one line', () => {
    const request: DockerImageRequest = {};
    assert.equal(
      pullFailureMessage(chooseDockerImage(request, local()), request, offline),
      `image ${official} is not present locally and cannot be pulled (${offline}), and there is no local image ${project} either ` +
        '(scripts/docker/build-local-kafka-image.sh builds it)',
    );
    const named: DockerImageRequest = { image: 'mine:1', imageSource: '--image' };
    assert.equal(
      pullFailureMessage(chooseDockerImage(named, local()), named, 'pull access denied\nfor mine'),
      'image mine:1 (named by --image) is not present locally and cannot be pulled: pull access denied for mine',
    );
  });
});
