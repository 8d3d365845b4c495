import { randomInt } from 'node:crypto';
import { buildSdp, parseRtspUri, type RtspRequest } from '../../protocols/rtsp';
import { authorizeRequest } from './authorize';
import type { Reply, RtspConnection } from './connection';
import { baseUrl, isReply, sessionHeader, sessionOf, type HandlerContext } from './request-context';
import { setup } from './setup';
import { planTracks, trackControl } from './track-plan';
import { RTSP_END_REASONS, type RtspCodecConfig, type RtspSource } from './types';

export const PUBLIC_METHODS = 'OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER';
/** RTSP methods that exist but that a play-only server refuses (405); anything else is 501. */
const NOT_ALLOWED = new Set(['ANNOUNCE', 'RECORD', 'REDIRECT']);

export async function handleRequest(ctx: HandlerContext, conn: RtspConnection, req: RtspRequest): Promise<Reply> {
  switch (req.method) {
    case 'OPTIONS': {
      if (req.headers.has('session')) sessionOf(ctx, conn, req); // a keep-alive some clients use
      return { status: 200, headers: [['Public', PUBLIC_METHODS]] };
    }
    case 'DESCRIBE':
      return describe(ctx, conn, req);
    case 'SETUP':
      return setup(ctx, conn, req);
    case 'PLAY':
      return play(ctx, conn, req);
    case 'PAUSE': {
      const s = sessionOf(ctx, conn, req);
      if (isReply(s)) return s;
      s.pause();
      return { status: 200, headers: [sessionHeader(ctx, s)] };
    }
    case 'TEARDOWN': {
      const s = sessionOf(ctx, conn, req);
      if (isReply(s)) return s;
      s.close(RTSP_END_REASONS.teardown);
      return { status: 200 };
    }
    case 'GET_PARAMETER':
    case 'SET_PARAMETER': {
      const headers: [string, string][] = [];
      if (req.headers.has('session')) {
        const s = sessionOf(ctx, conn, req);
        if (isReply(s)) return s;
        headers.push(sessionHeader(ctx, s));
      }
      // Keep-alives carry no body; we expose no parameters.
      if (req.body.length > 0) return { status: 451, headers };
      return { status: 200, headers };
    }
    default:
      if (NOT_ALLOWED.has(req.method)) return { status: 405, headers: [['Allow', PUBLIC_METHODS]] };
      return { status: 501, headers: [['Public', PUBLIC_METHODS]] };
  }
}

const WAKE_WAIT_MS = 10_000;
const WAKE_HOLD_MS = 15_000;

/** The source's codec parameters. An idle on-demand camera has none yet: a short
 *  subscription counts as a viewer and starts it, and is held a little past the answer so
 *  the camera is still running when the client's SETUP and PLAY arrive. */
async function codecsOf(source: RtspSource): Promise<RtspCodecConfig> {
  const ready = (c: RtspCodecConfig) => c.video !== null && c.video.sps !== null && c.video.pps !== null;
  let config = source.codecConfig();
  if (ready(config)) return config;
  const release = source.subscribe({ onAccessUnit: () => {}, onDiscontinuity: () => {} }, { fromKeyframe: false });
  const until = Date.now() + WAKE_WAIT_MS;
  while (!ready(config) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    config = source.codecConfig();
  }
  setTimeout(release, WAKE_HOLD_MS).unref();
  return config;
}

async function describe(ctx: HandlerContext, conn: RtspConnection, req: RtspRequest): Promise<Reply> {
  const target = parseRtspUri(req.uri);
  if (!target) return { status: 400 };
  if (!target.camera) return { status: 404 };
  const auth = await authorizeRequest(ctx, conn, req, target);
  if (!auth.ok) return { status: auth.denial.status, headers: auth.headers };
  const source = ctx.source(target.camera);
  if (!source) return { status: 404 };
  const plan = planTracks(await codecsOf(source));
  if (!plan.ok) return plan.reason === 'not-ready' ? { status: 503, headers: [['Retry-After', '2']] } : { status: 415 };
  const sdp = buildSdp({
    sessionId: String(randomInt(1, 2 ** 47)),
    origin: conn.localAddress || '127.0.0.1',
    name: target.camera,
    tracks: plan.tracks.map((t) => t.sdp),
  });
  return {
    status: 200,
    headers: [
      ['Content-Base', baseUrl(conn, target)],
      ['Content-Type', 'application/sdp'],
    ],
    body: sdp,
  };
}

function play(ctx: HandlerContext, conn: RtspConnection, req: RtspRequest): Reply {
  const s = sessionOf(ctx, conn, req);
  if (isReply(s)) return s;
  const target = parseRtspUri(req.uri);
  if (!target) return { status: 400 };
  if (target.camera && target.camera !== s.camera) return { status: 459 };
  if (s.tracks.size === 0) return { status: 455 };
  const base = baseUrl(conn, { ...target, camera: s.camera });
  const rtpInfo = s.rtpInfo((i) => base + trackControl(i));
  return {
    status: 200,
    headers: [sessionHeader(ctx, s), ['Range', 'npt=0.000-'], ['RTP-Info', rtpInfo]],
    // After the response: the replayed GOP must not overtake it on the wire.
    after: () => s.start(),
  };
}
