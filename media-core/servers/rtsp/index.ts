export { RtspServer, type RtspServerOptions } from './rtsp-server';
export { denyAllRtspAccess } from './deny-all-access';
export { RTSP_END_REASONS, type RtspEndReason } from './types';
export type {
  RtspAccess,
  RtspAccessSession,
  RtspAccessUnit,
  RtspAuthRequest,
  RtspCodecConfig,
  RtspCredentials,
  RtspDecision,
  RtspDenial,
  RtspGrant,
  RtspServerStats,
  RtspSessionOpen,
  RtspSource,
  RtspSourceReader,
} from './types';
