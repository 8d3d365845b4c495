import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { startPlayback } from './hlsPlayback';
import type { PlaybackState } from './hlsPlayback';

/** Plays `src` in the referenced video while src is not null; null detaches the player
 *  so an off-screen or hidden tile stops fetching segments. */
export function useHlsPlayer(videoRef: RefObject<HTMLVideoElement | null>, src: string | null): PlaybackState {
  const [state, setState] = useState<PlaybackState>('idle');

  useEffect(() => {
    const video = videoRef.current;
    if (video === null || src === null) {
      setState('idle');
      return;
    }
    return startPlayback(video, src, setState);
  }, [videoRef, src]);

  return src === null ? 'idle' : state;
}
