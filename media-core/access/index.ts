// The protocol-neutral access plane: HLS now, RTSP/RTMP/SRT later, all through this API.
export { AccessPlane, type AccessPlaneOptions } from './access-plane';
export type {
  Protocol,
  AccessRequest,
  AccessCredentials,
  AccessMethod,
  AccessDecision,
  AccessAllow,
  AccessDeny,
  DecisionLimits,
  SessionHandle,
  SessionOpen,
  AccessAuditSink,
  AccessGuard,
} from './types';
export { PartnerDirectory, type CompiledPartner } from './partner-directory';
export { TokenStore, type TokenRecord, type TokenCreateOptions } from './token-store';
export { TokenHasher } from './token-hasher';
export { JwtVerifier, importJwtKey } from './jwt-verifier';
export { BandwidthLimiter } from './bandwidth';
export { ConnectionLimiter } from './connection-limiter';
export { normalizeIp, IpAllowList } from './ip';
export { withinAccessHours, minuteOfWeek } from './access-hours';
export { generateToken, entropyBits } from './token-format';
export { hashPassword, verifyPassword, dummyPasswordHash } from './password-hash';
export { delayAfterFailure } from './failure-delay';
export { TokenBucketLimiter, type BucketDecision } from './token-bucket';
