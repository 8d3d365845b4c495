import { PARTNER_PRESETS } from '../../../../media-core/contracts/partners';
import type { AuthMethod, PartnerStatus, PartnerType, TokenStatus } from '../../../../media-core/contracts/partners';

export const AUTH_LABELS: Record<AuthMethod, { label: string; hint: string }> = {
  otp: { label: 'One-time tokens', hint: 'OTP in the stream URL; made by the partner’s API or here. HLS, RTSP, RTMP.' },
  ip: { label: 'IP allow-list', hint: 'Addresses on the allow-list watch without a token. For fixed VMS and NVR sites.' },
  srt_key: { label: 'SRT key', hint: 'A passphrase for SRT decoders. Made and shown once under Access and tokens.' },
  jwt: { label: 'JWT', hint: 'Tokens the partner signs itself with a key registered under Access and tokens.' },
};

export function partnerTypeLabel(type: PartnerType): string {
  return PARTNER_PRESETS.find((p) => p.type === type)?.label ?? type;
}

export const PARTNER_TYPES_IN_ORDER: readonly PartnerType[] = PARTNER_PRESETS.map((p) => p.type);

export const STATUS_PRESENTATION: Record<PartnerStatus, { label: string; tone: 'ok' | 'warning' | 'danger' }> = {
  active: { label: 'Active', tone: 'ok' },
  suspended: { label: 'Suspended', tone: 'warning' },
  terminated: { label: 'Terminated', tone: 'danger' },
};

export const TOKEN_STATUS_TONE: Record<TokenStatus, 'ok' | 'muted' | 'danger'> = {
  active: 'ok',
  expired: 'muted',
  revoked: 'danger',
};
