import type { CameraStatus } from '../../../../media-core/contracts/api';
import { isPlayable } from './cameraStatus';
import type { PlaybackState } from './hlsPlayback';

/** What covers a tile's picture. down: the camera cannot deliver (offline, error,
 *  disabled): a panel with the reason instead of a black box. waiting: video expected
 *  soon. stalled: the last frame stays visible under a warning. paused: the tile is off
 *  screen or the console hidden, so it fetches nothing. */
export type TileOverlay =
  | { kind: 'none' }
  | { kind: 'down' }
  | { kind: 'paused' }
  | { kind: 'unsupported' }
  | { kind: 'waiting'; text: string }
  | { kind: 'stalled' };

export function tileOverlay(status: CameraStatus, playback: PlaybackState, watching: boolean): TileOverlay {
  if (!isPlayable(status)) return { kind: 'down' };
  if (!watching) return { kind: 'paused' };
  if (playback === 'unsupported') return { kind: 'unsupported' };
  if (status === 'stalled') return { kind: 'stalled' };
  if (playback === 'playing') return { kind: 'none' };
  if (status === 'starting') return { kind: 'waiting', text: 'Camera starting…' };
  if (playback === 'retrying') return { kind: 'waiting', text: 'Waiting for video…' };
  if (playback === 'buffering') return { kind: 'waiting', text: 'Buffering…' };
  return { kind: 'waiting', text: 'Connecting…' };
}
