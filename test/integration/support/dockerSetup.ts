// Gets the Docker tests a daemon and a local Kafka image, or the reason they must be skipped:
// starts dockerd with scripts/docker/start-dockerd.sh when none answers (and stops it again
// afterwards), builds the image with scripts/docker/build-local-kafka-image.sh when missing.
// KLL_DOCKER_IMAGE names an image to use instead of building one.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { detectDocker } from '../../../src/core/broker/dockerBroker';
import { runDocker } from '../../../src/core/broker/dockerCli';
import { DEFAULT_KAFKA_VERSION } from '../../../src/core/broker/kafkaJars';

const run = promisify(execFile);

/** The repository root: tests run from out/test/integration. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

export interface DockerTestSetup {
  image: string;
  /** dockerd was started for this run, so `releaseDocker` stops it. */
  startedDaemon: boolean;
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .pop()
      ?.replace(/^\[dockerd\] |^\[kafka-image\] /, '') ?? ''
  );
}

/** A ready setup, or a string saying why the Docker tests cannot run here. */
export async function prepareDocker(): Promise<DockerTestSetup | string> {
  let startedDaemon = false;
  let detected = await detectDocker();
  if (detected.kind === 'cli-missing') return detected.reason!;
  if (!detected.available && detected.kind === 'daemon-down') {
    try {
      const { stdout } = await run('bash', [path.join(repoRoot, 'scripts/docker/start-dockerd.sh'), 'start'], {
        timeout: 180000,
      });
      startedDaemon = stdout.includes('started pid=');
    } catch (e) {
      return `no Docker daemon and it could not be started: ${lastLine((e as { stderr?: string }).stderr ?? String(e))}`;
    }
    detected = await detectDocker();
  }
  if (!detected.available) return detected.reason!;

  const image = process.env.KLL_DOCKER_IMAGE || `kafka-log-lab/kafka:${DEFAULT_KAFKA_VERSION}`;
  const failed = async (reason: string) => {
    if (startedDaemon) await releaseDocker({ image, startedDaemon });
    return reason;
  };
  if (!process.env.KLL_DOCKER_IMAGE) {
    try {
      // Idempotent: returns at once when the image is up to date.
      await run(
        'bash',
        [path.join(repoRoot, 'scripts/docker/build-local-kafka-image.sh'), '--kafka-version', DEFAULT_KAFKA_VERSION],
        {
          cwd: repoRoot,
          timeout: 900000,
          maxBuffer: 16 * 1024 * 1024,
        },
      );
    } catch (e) {
      return failed(
        `the local Kafka image could not be built: ${lastLine((e as { stderr?: string }).stderr ?? String(e))}`,
      );
    }
  }
  try {
    await runDocker(['image', 'inspect', '--format', '{{.Id}}', image]);
  } catch (e) {
    return failed(`image ${image} is not available: ${(e as Error).message}`);
  }
  return { image, startedDaemon };
}

/** Stops dockerd when this run started it. */
export async function releaseDocker(setup: DockerTestSetup | undefined): Promise<void> {
  if (setup?.startedDaemon)
    await run('bash', [path.join(repoRoot, 'scripts/docker/start-dockerd.sh'), 'stop'], { timeout: 60000 }).catch(
      () => undefined,
    );
}

/** Says loudly, in the test output, that the Docker tests did not run and why. */
export function announceSkip(reason: string): void {
  console.log(`\n    SKIPPED: docker tests: ${reason}\n`);
}
