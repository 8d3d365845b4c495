import type { Logger } from '../log/logger';
import { resolveFfmpeg } from '../ingest/ffmpeg-path';

export interface FfmpegLocation {
  path: string | null;
  source: string;
  version: string | null;
  /** Why no ffmpeg could be used; cameras show it as their error. */
  error: string | null;
}

/** The core still starts without ffmpeg, so the console can show operators what is
 *  wrong; every camera then carries the resolver's message as its error. */
export async function locateFfmpeg(log: Logger): Promise<FfmpegLocation> {
  try {
    const r = await resolveFfmpeg();
    log.info({ ffmpeg: r.path, source: r.source, version: r.version }, 'ffmpeg found');
    return { path: r.path, source: r.source, version: r.version, error: null };
  } catch (err) {
    const message = (err as Error).message;
    log.error({ err: message }, 'no usable ffmpeg; cameras cannot start');
    return { path: null, source: 'none', version: null, error: message };
  }
}
