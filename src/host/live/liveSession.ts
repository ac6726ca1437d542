// The editor's live run is the core live pipeline, with the cluster its dashboard opens on.
import type { LivePipeline, LivePipelineRequest } from '../../core/live/livePipeline';
import type { ClusterRef } from '../commands';

export type { LiveResult, LiveSnapshot } from '../../core/live/livePipeline';

export interface LiveRequest extends LivePipelineRequest {
  /** The cluster resolved once at the start, for the dashboard. */
  cluster: ClusterRef;
}

export type LiveSession = LivePipeline<LiveRequest>;
