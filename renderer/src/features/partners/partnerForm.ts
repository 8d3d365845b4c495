import { isIpOrCidr, isTimeZone } from '../../../../media-core/contracts/partner-requests';
import type { PartnerUpdateRequest } from '../../../../media-core/contracts/partner-requests';
import type { AccessHours, AuthMethod, Partner, PartnerType } from '../../../../media-core/contracts/partners';

/** Everything the partner model holds, as the settings form edits it (numbers as typed). */
export interface PartnerForm {
  name: string;
  type: PartnerType;
  contactEmail: string;
  notes: string;
  cameras: string[];
  auth: AuthMethod[];
  ipAllowList: string[];
  maxConnections: string;
  /** '' : the appliance default. */
  connectionsPerIp: string;
  /** '' : uncapped. */
  bandwidthMbps: string;
  reshare: boolean;
  accessHours: AccessHours;
  tokenDefaultMinutes: string;
  tokenMaxMinutes: string;
  autoRevoke: boolean;
  /** datetime-local value, '' for none. */
  validUntil: string;
  allowedOrigins: string[];
}

export type FormErrors = Partial<Record<keyof PartnerForm | 'windows', string>>;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a datetime-local value in the console's time zone. */
export function isoToLocal(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formFromPartner(p: Partner): PartnerForm {
  return {
    name: p.name,
    type: p.type,
    contactEmail: p.contactEmail ?? '',
    notes: p.notes,
    cameras: [...p.cameras],
    auth: [...p.auth],
    ipAllowList: [...p.ipAllowList],
    maxConnections: String(p.maxConnections),
    connectionsPerIp: p.connectionsPerIp === null ? '' : String(p.connectionsPerIp),
    bandwidthMbps: p.bandwidthMbps === null ? '' : String(p.bandwidthMbps),
    reshare: p.reshare,
    accessHours: p.accessHours,
    tokenDefaultMinutes: String(p.tokenDefaultMinutes),
    tokenMaxMinutes: String(p.tokenMaxMinutes),
    autoRevoke: p.autoRevoke,
    validUntil: isoToLocal(p.validUntil),
    allowedOrigins: [...p.allowedOrigins],
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-fA-F:.]+\](:\d{1,5})?$/;
const WEEK_MINUTES = 7 * 24 * 60;

/** A browser origin a partner's web player runs on, or * for any. */
export function isOrigin(value: string): boolean {
  return value === '*' || ORIGIN.test(value);
}

function wholeNumber(value: string, min: number, max: number): number | null {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** The first problem of each field, in the words the form shows under it. */
export function validatePartnerForm(f: PartnerForm): FormErrors {
  const e: FormErrors = {};
  if (!f.name.trim()) e.name = 'Give the partner a name.';
  else if (f.name.trim().length > 100) e.name = 'At most 100 characters.';
  if (f.contactEmail.trim() && !EMAIL.test(f.contactEmail.trim())) e.contactEmail = 'Not an e-mail address.';
  if (f.auth.length === 0) e.auth = 'Choose at least one way for the partner to prove who it is.';
  const badIp = f.ipAllowList.find((ip) => !isIpOrCidr(ip));
  if (badIp !== undefined) e.ipAllowList = `“${badIp}” is not an IPv4/IPv6 address or CIDR.`;
  if (wholeNumber(f.maxConnections, 1, 10_000) === null) e.maxConnections = 'A whole number from 1 to 10 000.';
  if (f.connectionsPerIp.trim() && wholeNumber(f.connectionsPerIp, 1, 1000) === null) e.connectionsPerIp = 'Empty, or a whole number from 1 to 1000.';
  const mbps = Number(f.bandwidthMbps);
  if (f.bandwidthMbps.trim() && !(mbps > 0 && mbps <= 100_000)) e.bandwidthMbps = 'Empty for no cap, or Mbit/s above 0.';
  const def = wholeNumber(f.tokenDefaultMinutes, 1, WEEK_MINUTES);
  const max = wholeNumber(f.tokenMaxMinutes, 1, WEEK_MINUTES);
  if (def === null) e.tokenDefaultMinutes = 'Minutes, from 1 to 10 080 (a week).';
  if (max === null) e.tokenMaxMinutes = 'Minutes, from 1 to 10 080 (a week).';
  else if (def !== null && def > max) e.tokenDefaultMinutes = 'The default cannot exceed the maximum.';
  if (f.validUntil && Number.isNaN(new Date(f.validUntil).getTime())) e.validUntil = 'Not a valid date and time.';
  if (f.autoRevoke && !f.validUntil) e.validUntil = 'Automatic revocation needs an end date.';
  const badOrigin = f.allowedOrigins.find((o) => !isOrigin(o));
  if (badOrigin !== undefined) e.allowedOrigins = `“${badOrigin}” is not an origin such as https://news.example.org.`;
  if (f.accessHours.mode === 'weekly') {
    if (!isTimeZone(f.accessHours.timeZone)) e.accessHours = `“${f.accessHours.timeZone}” is not an IANA time zone such as Europe/Berlin.`;
    if (f.accessHours.windows.length === 0) e.windows = 'Add at least one window, or choose 24/7.';
    else if (f.accessHours.windows.some((w) => w.days.length === 0)) e.windows = 'Every window needs at least one day.';
    else if (f.accessHours.windows.some((w) => !HHMM.test(w.start) || !HHMM.test(w.end))) e.windows = 'Times are HH:MM (24:00 allowed as an end).';
  }
  return e;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, as PATCH takes it. Call with a form that validated. */
export function patchFromForm(f: PartnerForm, p: Partner): PartnerUpdateRequest {
  const next: PartnerUpdateRequest = {
    name: f.name.trim(),
    type: f.type,
    contactEmail: f.contactEmail.trim() || null,
    notes: f.notes,
    cameras: f.cameras,
    auth: f.auth,
    ipAllowList: f.ipAllowList,
    maxConnections: Number(f.maxConnections),
    connectionsPerIp: f.connectionsPerIp.trim() ? Number(f.connectionsPerIp) : null,
    bandwidthMbps: f.bandwidthMbps.trim() ? Number(f.bandwidthMbps) : null,
    reshare: f.reshare,
    accessHours: f.accessHours,
    tokenDefaultMinutes: Number(f.tokenDefaultMinutes),
    tokenMaxMinutes: Number(f.tokenMaxMinutes),
    autoRevoke: f.autoRevoke,
    validUntil: f.validUntil ? new Date(f.validUntil).toISOString() : null,
    allowedOrigins: f.allowedOrigins,
  };
  const before = p as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const was = key === 'validUntil' ? (p.validUntil ? new Date(p.validUntil).toISOString() : null) : before[key];
    if (!same(value, was)) patch[key] = value;
  }
  return patch as PartnerUpdateRequest;
}

/** Splits what an operator pastes (one per line, or separated by commas or spaces). */
export function splitEntries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
