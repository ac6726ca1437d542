// "Show Local Broker Logs": appends the broker's output to the log channel (the container's
// logs on Docker, the log file's tail on Java) until the broker stops or another follow starts.
import type { LocalBroker } from '../../core/broker/startBroker';
import { describeError } from '../../core/errors';
import type { HostLog } from '../log';

/** Lines of a JVM broker's log shown before following it. */
const TAIL_LINES = 200;
const LOG_POLL_MS = 1000;

export class BrokerLogFollower {
  private following: AbortController | undefined;

  constructor(private readonly log: HostLog) {}

  /** Starts following `broker`'s output; returns how many lines were written right away. */
  async follow(broker: LocalBroker): Promise<number> {
    this.stop();
    const controller = new AbortController();
    this.following = controller;
    let lines = 0;
    const write = (line: string) => {
      if (controller.signal.aborted || !line.trim()) return;
      lines++;
      this.log.info(`[broker] ${line}`);
    };
    if (broker.engine === 'docker' && broker.containerName) await this.followContainer(broker.containerName, write);
    else await this.followFile(broker, write);
    return lines;
  }

  stop(): void {
    this.following?.abort();
    this.following = undefined;
  }

  private async followContainer(name: string, write: (line: string) => void): Promise<void> {
    const signal = this.following!.signal;
    const { streamDockerLogs } = await import('../../core/broker/dockerBroker');
    this.log.info(`[broker] --- logs of container ${name} ---`);
    streamDockerLogs(name, write, signal).then(
      () => this.log.info(`[broker] --- end of the logs of ${name} ---`),
      (e) => signal.aborted || this.log.warn(`[broker] cannot stream the logs of ${name}: ${describeError(e)}`),
    );
  }

  private async followFile(broker: LocalBroker, write: (line: string) => void): Promise<void> {
    if (!broker.logFile) throw new Error('the local broker has no log to show');
    const logFile = broker.logFile;
    const signal = this.following!.signal;
    const { followLines, lastLines } = await import('../../core/io/fileTail');
    this.log.info(`[broker] --- ${logFile} ---`);
    const tail = await lastLines(logFile, TAIL_LINES);
    tail.lines.forEach(write);
    followLines(logFile, tail.size, write, { signal, pollMs: LOG_POLL_MS }).catch(
      // The file went away with the broker's data: nothing more to follow.
      (e) => signal.aborted || this.log.warn(`[broker] stopped following ${logFile}: ${describeError(e)}`),
    );
  }
}
