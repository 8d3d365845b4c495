// Turns an operator's create/update request into a stored camera row: checks the id and
// the source address against the appliance's rules, and seals the address (credentials
// included) before it goes anywhere near the database.

import { CAMERA_ID_PATTERN, type CameraCreateRequest, type CameraUpdateRequest } from '../contracts/api';
import { ApiError } from '../contracts/api-error';
import type { CameraRow } from '../db/repos/cameras';
import { CAMERA_ROW_DEFAULTS } from '../db/repos/cameras';
import { parseSourceUrl, type SourceAddress, type SourceRules } from '../ingest/source-url';
import type { SecretBox } from './secret-box';

export interface ConfigContext {
  rules: SourceRules;
  box: SecretBox;
}

export interface ConfiguredCamera {
  row: CameraRow;
  source: SourceAddress | null;
}

export function checkCameraId(id: string): void {
  if (!CAMERA_ID_PATTERN.test(id)) {
    throw new ApiError(
      'VALIDATION_FAILED',
      'id: use 1 to 63 lowercase letters, digits and dashes, starting with a letter or digit (e.g. camera-42); it appears in every stream URL',
    );
  }
}

/** A new camera from a create request; `position` places it in the list. */
export function configureNew(req: CameraCreateRequest, position: number, ctx: ConfigContext): ConfiguredCamera {
  checkCameraId(req.id);
  const source = checkSource(req.source, credentialsOf(req), ctx);
  const row: CameraRow = {
    ...CAMERA_ROW_DEFAULTS,
    id: req.id,
    name: req.name,
    kind: 'source',
    enabled: req.enabled ?? true,
    position,
    options: {},
    location: req.location ?? '',
    notes: req.notes ?? '',
    sourceSealed: ctx.box.seal(source.url, req.id),
    transport: req.transport ?? CAMERA_ROW_DEFAULTS.transport,
    mode: req.mode ?? CAMERA_ROW_DEFAULTS.mode,
    idleStopSec: req.idleStopSec ?? CAMERA_ROW_DEFAULTS.idleStopSec,
    maxHeight: req.maxHeight ?? null,
    maxBitrateKbps: req.maxBitrateKbps ?? null,
  };
  return { row, source };
}

/** The camera after an update; `current` is what it runs with now (null if it cannot be read). */
export function configureUpdate(row: CameraRow, current: SourceAddress | null, req: CameraUpdateRequest, ctx: ConfigContext): ConfiguredCamera {
  const next: CameraRow = { ...row };
  for (const key of ['name', 'location', 'notes', 'enabled', 'transport', 'mode', 'idleStopSec', 'maxHeight', 'maxBitrateKbps'] as const) {
    if (req[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = req[key];
  }
  let source = current;
  const touchesSource = req.source !== undefined || req.username !== undefined || req.password !== undefined || req.clearCredentials;
  if (touchesSource) {
    if (row.kind === 'demo') throw new ApiError('VALIDATION_FAILED', 'source: demo cameras have no source address');
    const raw = req.source !== undefined ? unmask(req.source) : current?.url;
    if (!raw) throw new ApiError('VALIDATION_FAILED', 'source: the stored address cannot be read; give the full address again');
    const isFile = /^file:/i.test(raw.trim());
    source = checkSource(raw, isFile ? credentialsOf(req) : mergedCredentials(req, current), ctx);
    next.sourceSealed = ctx.box.seal(source.url, row.id);
  }
  return { row: next, source };
}

/** Opens a stored row's source; null for demo cameras. Throws ApiError if it cannot be read. */
export function openSource(row: CameraRow, ctx: ConfigContext): SourceAddress | null {
  if (row.kind === 'demo' || !row.sourceSealed) return null;
  let url: string;
  try {
    url = ctx.box.open(row.sourceSealed, row.id);
  } catch {
    throw new ApiError('UNAVAILABLE', 'the stored source address cannot be decrypted (was the key file of the data dir replaced?); enter the source again');
  }
  const parsed = parseSourceUrl(url, ctx.rules);
  if (!parsed.ok) throw new ApiError('UNAVAILABLE', `the stored source address is no longer accepted: ${parsed.message}`);
  return parsed.source;
}

function checkSource(raw: string, credentials: Credentials, ctx: ConfigContext): SourceAddress {
  const parsed = parseSourceUrl(raw, ctx.rules, credentials);
  if (!parsed.ok) throw new ApiError('VALIDATION_FAILED', `source: ${parsed.message}`);
  if (parsed.source.scheme === 'file' && (parsed.source.username || parsed.source.password)) {
    throw new ApiError('VALIDATION_FAILED', 'source: file sources take no username or password');
  }
  return parsed.source;
}

type Credentials = { username?: string | null; password?: string | null };

function credentialsOf(req: { username?: string; password?: string }): Credentials {
  const out: Credentials = {};
  if (req.username !== undefined) out.username = req.username;
  if (req.password !== undefined) out.password = req.password;
  return out;
}

/** A new address without credentials keeps the stored ones, unless told to clear them;
 *  a masked address copied back from the API ("***@") counts as "without". */
function mergedCredentials(req: CameraUpdateRequest, current: SourceAddress | null): Credentials {
  if (req.clearCredentials) return { username: req.username ?? null, password: req.password ?? null };
  const explicit = credentialsOf(req);
  const rawHasCredentials = req.source !== undefined && /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(unmask(req.source));
  if (rawHasCredentials && explicit.username === undefined && explicit.password === undefined) return {};
  return {
    username: explicit.username !== undefined ? explicit.username : (current?.username ?? null),
    password: explicit.password !== undefined ? explicit.password : (current?.password ?? null),
  };
}

/** The API shows stored credentials as "***@"; an address sent back that way means "keep them". */
function unmask(raw: string): string {
  return raw.trim().replace(/^([a-z][a-z0-9+.-]*:\/\/)\*\*\*@/i, '$1');
}
