import { CAMERA_ID_PATTERN, VIDEO_BITRATE_RANGE_KBPS } from '../../../../media-core/contracts/api';
import type { Camera, CameraCreateRequest, CameraMode, CameraUpdateRequest, RtspTransport } from '../../../../media-core/contracts/api';

/** What the camera dialog edits, as the inputs hold it (numbers as text). */
export interface CameraForm {
  id: string;
  name: string;
  source: string;
  username: string;
  /** Empty while editing means "keep the stored password". */
  password: string;
  clearCredentials: boolean;
  transport: RtspTransport;
  mode: CameraMode;
  idleStopSec: string;
  maxHeight: string;
  maxBitrateKbps: string;
  location: string;
  notes: string;
  enabled: boolean;
}

export function emptyForm(): CameraForm {
  return { id: '', name: '', source: '', username: '', password: '', clearCredentials: false, transport: 'tcp', mode: 'always-on', idleStopSec: '30', maxHeight: '', maxBitrateKbps: '', location: '', notes: '', enabled: true };
}

/** The form for an existing camera: the address shown without credentials (they stay stored). */
export function formFrom(camera: Camera): CameraForm {
  return {
    ...emptyForm(),
    id: camera.id,
    name: camera.name,
    source: (camera.source ?? '').replace(/^([a-z][a-z0-9+.-]*:\/\/)\*\*\*@/i, '$1'),
    transport: camera.transport ?? 'tcp',
    mode: camera.mode ?? 'always-on',
    idleStopSec: String(camera.idleStopSec ?? 30),
    maxHeight: camera.maxHeight ? String(camera.maxHeight) : '',
    maxBitrateKbps: camera.maxBitrateKbps ? String(camera.maxBitrateKbps) : '',
    location: camera.location ?? '',
    notes: camera.notes ?? '',
    enabled: camera.enabled,
  };
}

/** Problems to fix before sending, by field; the core checks the address itself. */
export function formProblems(form: CameraForm, creating: boolean): Partial<Record<keyof CameraForm, string>> {
  const out: Partial<Record<keyof CameraForm, string>> = {};
  if (creating && !CAMERA_ID_PATTERN.test(form.id)) out.id = 'Lowercase letters, digits and dashes (e.g. camera-42); it appears in every stream URL.';
  if (form.name.trim() === '') out.name = 'Give the camera a name.';
  if (form.source.trim() === '') out.source = 'Where the appliance pulls the camera from, e.g. rtsp://10.0.0.5:554/stream1';
  if (!/^\d{1,4}$/.test(form.idleStopSec)) out.idleStopSec = 'Seconds, 0 to 3600.';
  if (form.maxHeight !== '' && !(Number(form.maxHeight) >= 144 && Number(form.maxHeight) <= 4320)) out.maxHeight = 'Lines, 144 to 4320, or empty for the source size.';
  const { min, max } = VIDEO_BITRATE_RANGE_KBPS;
  if (form.maxBitrateKbps !== '' && !(Number(form.maxBitrateKbps) >= min && Number(form.maxBitrateKbps) <= max)) out.maxBitrateKbps = `kbit/s, ${min} to ${max}, or empty.`;
  return out;
}

const intOrNull = (text: string) => (text === '' ? null : Math.round(Number(text)));

export function createRequest(form: CameraForm): CameraCreateRequest {
  return {
    id: form.id,
    name: form.name.trim(),
    source: form.source.trim(),
    ...(form.username ? { username: form.username } : {}),
    ...(form.password ? { password: form.password } : {}),
    transport: form.transport,
    mode: form.mode,
    idleStopSec: Number(form.idleStopSec),
    maxHeight: intOrNull(form.maxHeight),
    maxBitrateKbps: intOrNull(form.maxBitrateKbps),
    location: form.location.trim(),
    notes: form.notes,
    enabled: form.enabled,
  };
}

/** Only what changed; an unchanged address is not sent, so stored credentials stay. */
export function updateRequest(before: CameraForm, form: CameraForm): CameraUpdateRequest {
  const req: CameraUpdateRequest = {};
  const after = createRequest(form);
  const was = createRequest(before);
  for (const key of ['name', 'transport', 'mode', 'idleStopSec', 'maxHeight', 'maxBitrateKbps', 'location', 'notes', 'enabled'] as const) {
    if (after[key] !== was[key]) (req as Record<string, unknown>)[key] = after[key];
  }
  if (after.source !== was.source) req.source = after.source;
  if (form.username) req.username = form.username;
  if (form.password) req.password = form.password;
  if (form.clearCredentials) req.clearCredentials = true;
  return req;
}
