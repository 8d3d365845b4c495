// Request-URIs as clients really send them: rtsp://host:port/<camera>[/<control>][?query]
// where some clients append the track control after the query of the base URL
// ("/cam?token=x/trackID=0"), and some send only a path.

export interface RtspTarget {
  /** Decoded first path segment; '' for "*" or a bare host. */
  camera: string;
  /** Track index from a "trackID=N" control, or null for the aggregate URL. */
  track: number | null;
  /** Query parameters (first value wins). */
  query: Map<string, string>;
  /** "host:port" as the client wrote it, if the URI was absolute. */
  authority: string | null;
}

const MAX_TRACK = 16;

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** null when the URI cannot name anything we serve (the server answers 400). */
export function parseRtspUri(uri: string): RtspTarget | null {
  let rest = uri;
  let authority: string | null = null;
  const abs = /^rtsps?:\/\/([^/?#]*)/i.exec(rest);
  if (abs) {
    authority = abs[1]!.replace(/^[^@]*@/, ''); // user:pass@ is never echoed back
    rest = rest.slice(abs[0].length);
  } else if (rest === '*') {
    return { camera: '', track: null, query: new Map(), authority: null };
  } else if (!rest.startsWith('/')) {
    return null;
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const qi = rest.indexOf('?');
  let path = qi < 0 ? rest : rest.slice(0, qi);
  let queryText = qi < 0 ? '' : rest.slice(qi + 1);
  const misplaced = /\/(trackID=\d+)$/.exec(queryText);
  if (misplaced) {
    queryText = queryText.slice(0, misplaced.index);
    path = `${path.replace(/\/$/, '')}/${misplaced[1]}`;
  }
  const segments = path.split('/').filter((s) => s !== '');
  let track: number | null = null;
  const last = segments[segments.length - 1];
  const tm = last ? /^trackID=(\d{1,2})$/.exec(last) : null;
  if (tm) {
    track = Number(tm[1]);
    if (track >= MAX_TRACK) return null;
    segments.pop();
  }
  if (segments.length > 1) return null;
  const camera = segments[0] === undefined ? '' : decode(segments[0]);
  if (camera === null) return null;
  const query = new Map<string, string>();
  for (const part of queryText.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = decode((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    const v = decode((eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' '));
    if (k !== null && v !== null && !query.has(k)) query.set(k, v);
  }
  return { camera, track, query, authority };
}
