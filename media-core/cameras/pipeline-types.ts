import type { EventEmitter } from 'node:events';
import type { CameraInputInfo, CameraStatus } from '../contracts/api';
import type { CameraRow } from '../db/repos/cameras';
import type { SourceAddress } from '../ingest/source-url';
import type { StreamFacts } from './camera-view';
import type { DemandStream } from './demand-gate';
import type { SnapshotSource } from './snapshots';

/** The supervised ingest of one camera, as the service sees it. */
export interface PipelineLike extends EventEmitter {
  readonly state: CameraStatus;
  readonly reason: string | null;
  readonly restarts: number;
  readonly liveSince: number | null;
  /** Real sources: the codec-policy decision and what the camera sends, once probed. */
  readonly plan?: { path: 'copy' | 'transcode'; reason: string } | null;
  readonly input?: CameraInputInfo | null;
  start(): void;
  stop(): Promise<void>;
}

/** The camera's stream in the hub, as the service sees it. */
export interface StreamLike extends DemandStream, SnapshotSource {
  push(chunk: Buffer): void;
  discontinuity(): void;
  info(): StreamFacts;
  subscribe(reader: object, opts?: { fromKeyframe?: boolean; passive?: boolean }): () => void;
}

/** What the pipeline factory gets: the row, and its source opened (null for demo cameras). */
export interface PipelineRequest {
  row: CameraRow;
  source: SourceAddress | null;
}

export type PipelineFactory = (camera: PipelineRequest, stream: StreamLike) => PipelineLike;
