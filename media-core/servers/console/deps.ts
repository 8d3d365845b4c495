import type { Camera, CameraCreateRequest, CameraUpdateRequest, ConsoleEvent, Operator, OperatorRole, SystemInfo } from '../../contracts/api';
import type { CameraGroup, WallGrid, WallLayout } from '../../contracts/layouts';
import type { OperatorAccount } from '../../contracts/operators';
import type { AuditDecisionRow, AuditPage, AuditQuery, AuditSessionRow } from '../../contracts/audit';
import type { ConsoleAlerts } from './routes-alerts';
import type { AuditRetention } from '../../contracts/audit-retention';
import type { CredentialsRequest, JwtKeyInput, PartnerCreateInput, PartnerUpdateInput, TokenCreateRequest } from '../../contracts/partner-requests';
import type { AccessLimits, JwtKeyView, Partner, PartnerCreated, PartnerCredentials, SessionView, TokenCreated, TokenView } from '../../contracts/partners';

/** What the console server needs from the rest of the core; the core wires it in. */
export interface ConsoleOperators {
  login(
    username: string,
    password: string,
    clientIp: string,
  ): Promise<
    | { ok: true; token: string; operator: Operator; expiresIn: number }
    | { ok: false; reason: 'invalid' }
    | { ok: false; reason: 'rate-limited'; retryAfterSec: number }
  >;
  authenticate(token: string | undefined): Operator | null;
  logout(token: string): void;
}

export interface ConsoleCameras {
  list(): Camera[];
  get(id: string): Camera | undefined;
  remove(id: string): Promise<boolean>;
  // Optional so that doubles which only list cameras need not implement them; the routes
  // answer 503 when the core did not wire them.
  /** Throws ApiError (VALIDATION_FAILED, CONFLICT) for a refused camera. */
  create?(req: CameraCreateRequest): Promise<Camera>;
  /** Throws ApiError (NOT_FOUND, VALIDATION_FAILED). */
  update?(id: string, req: CameraUpdateRequest): Promise<Camera>;
  /** undefined: unknown camera; null: no picture yet. */
  snapshot?(id: string): Promise<{ jpeg: Buffer; takenAt: number } | null | undefined>;
}

export interface ConsoleEvents {
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
}

/** A shared layout has no owner; a personal one is its operator's. */
export interface LayoutKey {
  owner: string | null;
  name: string;
}

export interface ConsoleLayouts {
  listVisibleTo(owner: string): WallLayout[];
  find(key: LayoutKey): WallLayout | undefined;
  put(write: LayoutKey & { grid: WallGrid; cameras: string[]; group: string | null; updatedBy: string }): { layout: WallLayout; created: boolean };
  delete(key: LayoutKey): boolean;
}

export interface ConsoleCameraGroups {
  list(): CameraGroup[];
  find(name: string): CameraGroup | undefined;
  put(name: string, cameras: string[], updatedBy: string): { group: CameraGroup; created: boolean };
  delete(name: string): boolean;
}

type AccountRefusal = 'exists' | 'not-found' | 'self' | 'last-admin';

/** Operator account management; `actor` is the operator asking. */
export interface ConsoleOperatorAccounts {
  listAccounts(): OperatorAccount[];
  createAccount(username: string, password: string, role: OperatorRole): Promise<OperatorAccount | AccountRefusal>;
  deleteAccount(actor: string, username: string): 'deleted' | AccountRefusal;
  setAccountRole(actor: string, username: string, role: OperatorRole): OperatorAccount | AccountRefusal;
  resetAccountPassword(actor: string, username: string, password: string, keepToken?: string): Promise<'reset' | AccountRefusal>;
}

export interface ConsoleDeps {
  operators: ConsoleOperators;
  operatorAccounts: ConsoleOperatorAccounts;
  layouts: ConsoleLayouts;
  cameraGroups: ConsoleCameraGroups;
  cameras: ConsoleCameras;
  events: ConsoleEvents;
  system(): SystemInfo;
  /** Built console web app (index.html and assets), or null when it was not built. */
  staticDir: string | null;
  /** Mounts the operators' HLS routes (`/hls/...`) on the console listener. */
  mountHls(app: import('fastify').FastifyInstance, authenticate: (token: string | undefined) => Operator | null): void;
  /** Partners, their tokens and sessions, and the access limits (routes-partners.ts). */
  partners?: ConsolePartners;
  /** The audit trail (routes-audit.ts). */
  audit?: ConsoleAudit;
  /** Abuse alerts, responses, IP blocks and their settings (routes-alerts.ts). */
  alerts?: ConsoleAlerts;
  /** Privacy blackout of cameras (routes-blackout.ts). */
  blackout?: ConsoleBlackout;
  /** How long the audit trail is kept (routes-retention.ts). */
  auditRetention?: ConsoleAuditRetention;
  /** Start-up listener settings (routes-listeners.ts); applied at the next start. */
  listenerSettings?: ConsoleListenerSettings;
}

export interface ConsoleAuditRetention {
  get(): AuditRetention;
  set(value: AuditRetention): AuditRetention;
}

/** Puts a camera under privacy blackout (partners refused, their sessions ended) or
 *  lifts it; undefined for an unknown camera. */
export interface ConsoleBlackout {
  set(cameraId: string, on: boolean): Camera | undefined;
}

/** Partner management as the console needs it. Methods throw ApiError for refusals;
 *  undefined/false mean "no such partner (or token, or session)". */
export interface ConsolePartners {
  list(): Partner[];
  get(id: string): Partner | undefined;
  create(input: PartnerCreateInput): Promise<PartnerCreated>;
  update(id: string, patch: PartnerUpdateInput): Promise<Partner | undefined>;
  remove(id: string): boolean;
  rotateCredentials(id: string, req: CredentialsRequest): Promise<PartnerCredentials | undefined>;
  addJwtKey(id: string, key: JwtKeyInput): Promise<JwtKeyView | undefined>;
  removeJwtKey(id: string, kid: string): boolean;
  rotateSrtKey(id: string): { srtKey: string } | undefined;
  listTokens(id: string): TokenView[] | undefined;
  createToken(id: string, req: TokenCreateRequest): TokenCreated | undefined;
  revokeToken(id: string, tokenId: string): TokenView | undefined;
  sessions(): SessionView[];
  terminateSession(id: string): boolean;
  limits(): AccessLimits;
  setLimits(patch: Partial<AccessLimits>): AccessLimits;
}

/** Reads of the audit trail. */
export interface ConsoleAudit {
  decisions(q: AuditQuery): AuditPage<AuditDecisionRow>;
  sessions(q: AuditQuery): AuditPage<AuditSessionRow>;
  export(kind: 'decisions' | 'sessions', q: AuditQuery, format: 'csv' | 'jsonl'): AsyncIterable<string>;
}

/** Reads and saves the listener settings; `set` throws ApiError VALIDATION_FAILED. */
export interface ConsoleListenerSettings {
  get(): import('../../contracts/listener-settings').ListenerSettingsView;
  set(change: import('../../contracts/listener-settings').ListenerSettingsUpdate): import('../../contracts/listener-settings').ListenerSettingsView;
}
