import { formatTransport, parseRtspUri, parseTransportHeader, type RtspRequest, type TransportSpec } from '../../protocols/rtsp';
import { authorizeRequest, denialHeaders } from './authorize';
import type { Reply, RtspConnection } from './connection';
import { MediaTrack, type TrackSink } from './media-track';
import { isReply, sessionHeader, sessionOf, type HandlerContext } from './request-context';
import type { RtspSession } from './session';
import { planTracks } from './track-plan';
import { RTSP_END_REASONS } from './types';

type Chosen = { lower: 'TCP'; spec: TransportSpec } | { lower: 'UDP'; spec: TransportSpec; clientPort: [number, number] };

/** The first transport in the client's list that we serve: unicast RTP over the RTSP
 *  connection, or unicast RTP/UDP to the client's own address (a `destination=` naming
 *  another host is ignored, so the server cannot be aimed at third parties). */
function chooseTransport(header: string | undefined, udpAvailable: boolean): Chosen | null {
  if (!header) return null;
  for (const spec of parseTransportHeader(header)) {
    if (spec.multicast || (spec.mode !== null && spec.mode !== 'play')) continue;
    if (spec.lower === 'TCP') return { lower: 'TCP', spec };
    if (spec.lower === 'UDP' && udpAvailable && spec.clientPort && spec.clientPort[0] > 0 && spec.clientPort[1] > 0) {
      return { lower: 'UDP', spec, clientPort: spec.clientPort };
    }
  }
  return null;
}

/** The client's interleaved channels if free on this connection, else the next free pair. */
function channelsFor(conn: RtspConnection, wanted: [number, number] | null): [number, number] | null {
  if (wanted && wanted[0] !== wanted[1] && !conn.channels.has(wanted[0]) && !conn.channels.has(wanted[1])) return wanted;
  for (let c = 0; c + 1 < 256; c += 2) if (!conn.channels.has(c) && !conn.channels.has(c + 1)) return [c, c + 1];
  return null;
}

export async function setup(ctx: HandlerContext, conn: RtspConnection, req: RtspRequest): Promise<Reply> {
  const target = parseRtspUri(req.uri);
  if (!target) return { status: 400 };
  if (!target.camera) return { status: 404 };
  let existing: RtspSession | null = null;
  if (req.headers.has('session')) {
    const s = sessionOf(ctx, conn, req);
    if (isReply(s)) return s;
    if (s.camera !== target.camera) return { status: 459 };
    if (s.state === 'playing') return { status: 455 };
    existing = s;
  }
  const auth = await authorizeRequest(ctx, conn, req, target);
  if (!auth.ok) return { status: auth.denial.status, headers: auth.headers };
  const source = ctx.source(target.camera);
  if (!source) return { status: 404 };
  const plan = planTracks(source.codecConfig());
  if (!plan.ok) return { status: 503, headers: [['Retry-After', '2']] };
  // A client may SETUP the aggregate URL when there is a single track.
  const index = target.track ?? (plan.tracks.length === 1 ? 0 : -1);
  if (index < 0) return { status: 459 };
  const planned = plan.tracks[index];
  if (!planned) return { status: 404 };

  const chosen = chooseTransport(req.headers.get('transport'), ctx.udp !== null);
  if (!chosen) return { status: 461 };
  if (existing) {
    if (existing.tracks.has(index)) return { status: 455 };
    if (existing.transport !== (chosen.lower === 'TCP' ? 'tcp' : 'udp')) return { status: 461 };
  }
  const channels = chosen.lower === 'TCP' ? channelsFor(conn, chosen.spec.interleaved) : null;
  if (chosen.lower === 'TCP' && !channels) return { status: 461 };

  let session = existing;
  if (!session) {
    if (ctx.sessionCount() >= ctx.maxSessions || conn.sessions.size >= ctx.maxSessionsPerConnection) {
      return { status: 453 };
    }
    const opened = await ctx.access.openSession(auth.grant, auth.request);
    if (!opened.ok) return { status: opened.status, headers: denialHeaders(ctx, opened) };
    const handle = opened.session;
    if (conn.closed) {
      handle.close(RTSP_END_REASONS.clientClosed);
      return { status: 500 };
    }
    session = ctx.createSession(conn, { camera: target.camera, source, access: handle, grant: auth.grant });
    if (session.closed) return { status: 454 }; // the plane ended it already
  }

  let sink: TrackSink;
  let transport: string;
  if (chosen.lower === 'TCP') {
    const [rtp, rtcp] = channels!;
    conn.channels.add(rtp);
    conn.channels.add(rtcp);
    session.cleanups.push(() => {
      conn.channels.delete(rtp);
      conn.channels.delete(rtcp);
    });
    sink = { kind: 'tcp', writer: conn, rtpChannel: rtp, rtcpChannel: rtcp };
  } else {
    const udp = ctx.udp!;
    const s = session;
    sink = { kind: 'udp', udp, ip: udp.destination(conn.ip), rtpPort: chosen.clientPort[0], rtcpPort: chosen.clientPort[1] };
    session.cleanups.push(udp.onRtcpFrom(conn.ip, chosen.clientPort[1], () => s.touch()));
  }
  const track = new MediaTrack(planned, sink);
  session.tracks.set(index, track);
  if (sink.kind === 'tcp') transport = formatTransport({ lower: 'TCP', interleaved: [sink.rtpChannel, sink.rtcpChannel], ssrc: track.ssrc });
  else transport = formatTransport({ lower: 'UDP', clientPort: chosen.lower === 'UDP' ? chosen.clientPort : [0, 0], serverPort: ctx.udp!.ports, ssrc: track.ssrc });
  return { status: 200, headers: [['Transport', transport], sessionHeader(ctx, session)] };
}
