export { RtspServer, type RtspServerOptions } from './rtsp-server';
export { denyAllRtspAccess } from './deny-all-access';
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
  RtspSource,
  RtspSourceReader,
} from './types';
