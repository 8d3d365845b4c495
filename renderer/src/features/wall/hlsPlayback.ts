import type Hls from 'hls.js';
import { WALL_HLS_CONFIG } from './hlsConfig';
import { playerRetryDelay } from './retryDelay';

/** idle: nothing attached; loading: first attempt; retrying: waiting to try again after a
 *  failure; buffering: attached but starved; unsupported: this browser cannot play HLS. */
export type PlaybackState = 'idle' | 'loading' | 'playing' | 'buffering' | 'retrying' | 'unsupported';

type HlsClass = typeof Hls;

let hlsModule: Promise<HlsClass> | null = null;

/** hls.js is large: load it when the first tile plays, not with the login screen. */
function loadHls(): Promise<HlsClass> {
  hlsModule ??= import('hls.js').then((module) => module.default);
  return hlsModule;
}

/** Plays a live HLS URL in `video` until the returned stop function is called,
 *  re-attaching with backoff whenever playback fails fatally. */
export function startPlayback(video: HTMLVideoElement, src: string, onState: (state: PlaybackState) => void): () => void {
  let stopped = false;
  let attempt = 0;
  let player: Hls | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const report = (state: PlaybackState) => {
    if (!stopped) onState(state);
  };
  const onPlaying = () => {
    attempt = 0;
    report('playing');
  };
  const onWaiting = () => report('buffering');
  // Browsers autoplay muted video only; the property, not the attribute, is what counts.
  video.muted = true;
  video.addEventListener('playing', onPlaying);
  video.addEventListener('waiting', onWaiting);

  const play = () => {
    // Muted autoplay is allowed; a refusal only means the next attach tries again.
    video.play().catch(() => undefined);
  };

  const detach = () => {
    player?.destroy();
    player = null;
  };

  const retry = () => {
    detach();
    attempt += 1;
    report('retrying');
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void attach();
    }, playerRetryDelay(attempt));
  };

  const attach = async () => {
    report(attempt === 0 ? 'loading' : 'retrying');
    const HlsImpl = await loadHls();
    if (stopped) return;

    if (!HlsImpl.isSupported()) {
      if (video.canPlayType('application/vnd.apple.mpegurl') === '') {
        report('unsupported');
        return;
      }
      video.src = src;
      play();
      return;
    }

    const instance = new HlsImpl(WALL_HLS_CONFIG);
    player = instance;
    let recoveredMedia = false;
    instance.on(HlsImpl.Events.MANIFEST_PARSED, play);
    instance.on(HlsImpl.Events.ERROR, (_event, data) => {
      if (!data.fatal || instance !== player) return;
      // A decode hiccup is often fixed in place; a second one gets a fresh player.
      if (data.type === HlsImpl.ErrorTypes.MEDIA_ERROR && !recoveredMedia) {
        recoveredMedia = true;
        instance.recoverMediaError();
        return;
      }
      retry();
    });
    instance.loadSource(src);
    instance.attachMedia(video);
  };

  void attach();

  return () => {
    stopped = true;
    if (retryTimer !== null) clearTimeout(retryTimer);
    detach();
    video.removeEventListener('playing', onPlaying);
    video.removeEventListener('waiting', onWaiting);
    // Release the decoder and stop any native fetches.
    video.removeAttribute('src');
    video.load();
  };
}
