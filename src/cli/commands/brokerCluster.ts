// `kafka-log-lab broker start --nodes N`: a local multi-broker cluster in Docker.
import type { CliIO } from '../command';
import { printJson } from '../command';
import { listBrokerRecords, removeBrokerRecord, saveBrokerRecord } from '../../core/broker/brokerState';
import { requireDocker } from '../../core/broker/dockerBroker';
import { resetDockerCluster, startDockerCluster } from '../../core/broker/dockerCluster';
import { dockerImageRequest } from '../../core/broker/startBroker';
import { UserError } from '../../core/errors';

export interface ClusterStartOptions {
  engine: string;
  nodes: number;
  port?: number;
  image?: string;
  kafkaVersion?: string;
  timeoutS: number;
  json: boolean;
}

export async function startCluster(options: ClusterStartOptions, io: CliIO): Promise<number> {
  if (options.engine === 'jvm')
    throw new UserError('a multi-broker cluster runs in Docker only (--engine docker or auto)');
  await requireDocker(io.signal);
  const cluster = await startDockerCluster({
    size: options.nodes,
    // An explicit --port is the first broker's; the others follow it.
    ports: options.port === undefined ? undefined : Array.from({ length: options.nodes }, (_, i) => options.port! + i),
    ...dockerImageRequest({ image: options.image, imageSource: '--image', kafkaVersion: options.kafkaVersion }),
    readyTimeoutMs: options.timeoutS * 1000,
    signal: io.signal,
    onProgress: options.json ? undefined : (m) => process.stderr.write(m + '\n'),
  });
  const startedAt = new Date().toISOString();
  for (const b of cluster.brokers) {
    for (const r of listBrokerRecords())
      if (r.engine === 'docker' && r.containerName === b.containerName) removeBrokerRecord(r);
    saveBrokerRecord({
      engine: 'docker',
      bootstrap: b.bootstrap,
      port: b.port,
      containerName: b.containerName,
      kafkaVersion: cluster.kafkaVersion,
      startedAt,
    });
  }
  if (options.json) {
    printJson(io, {
      engine: 'docker',
      bootstrap: cluster.bootstrap,
      cluster: cluster.cluster,
      brokers: cluster.brokers,
      kafkaVersion: cluster.kafkaVersion,
      image: cluster.image,
      imageReason: cluster.imageReason,
      startMs: cluster.startMs,
    });
  } else {
    io.out(
      `Kafka ${cluster.kafkaVersion} cluster of ${cluster.brokers.length} brokers ready at ${cluster.bootstrap} (image ${cluster.image}, started in ${(cluster.startMs / 1000).toFixed(1)} s)`,
    );
  }
  return 0;
}

export async function resetCluster(json: boolean, io: CliIO): Promise<number> {
  const removed = await resetDockerCluster();
  for (const r of listBrokerRecords())
    if (r.engine === 'docker' && removed.containers.includes(r.containerName ?? '')) removeBrokerRecord(r);
  if (json) printJson(io, removed);
  else if (removed.containers.length + removed.volumes.length === 0)
    io.out('Nothing to reset: no local cluster from kafka-log-lab was found.');
  else
    io.out(
      `Removed ${[...removed.containers.map((c) => `container ${c}`), ...removed.volumes.map((v) => `volume ${v}`)].join(', ')}`,
    );
  return 0;
}
