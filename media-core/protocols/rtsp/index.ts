export { RtspParser, type RtspInput, type RtspParserLimits } from './parser';
export { serializeResponse, interleavedFrameHeader, type RtspRequest, type RtspResponse } from './message';
export { reasonPhrase } from './status';
export { parseTransportHeader, formatTransport, type TransportSpec, type LowerTransport } from './transport';
export { parseRtspUri, type RtspTarget } from './url';
export {
  DIGEST_REALM,
  parseAuthorization,
  digestCredentials,
  digestHa1,
  digestResponse,
  verifyDigest,
  digestChallenge,
  DigestNonces,
  type DigestCredentials,
  type ParsedAuthorization,
} from './digest';
export { buildSdp, profileLevelId, type SdpSession, type SdpTrack, type SdpH264Track, type SdpAacTrack } from './sdp';
