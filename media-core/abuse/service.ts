import { join } from 'node:path';
import type { AccessGuard } from '../access/types';
import type { AbuseSettings } from '../contracts/alerts';
import type { Db } from '../db/database';
import { AbuseStateRepo } from '../db/repos/abuse-state';
import { AlertsRepo } from '../db/repos/alerts';
import { NotificationOutboxRepo } from '../db/repos/notification-outbox';
import type { Logger } from '../log/logger';
import { AlertStore } from './alert-store';
import { AlertsConsoleApi } from './console-api';
import { BandwidthDetector } from './detectors/bandwidth';
import { CredentialSharingDetector } from './detectors/credential-sharing';
import { DownloadPatternDetector } from './detectors/download-pattern';
import { GeoImpossibleDetector } from './detectors/geo-impossible';
import { RedistributionDetector } from './detectors/redistribution';
import { SystemAbuseDetector } from './detectors/system-abuse';
import { GeoDatabase } from './geo/geo-database';
import { IpBlocks } from './ip-blocks';
import { PartnerLadder } from './ladder';
import { AbuseMonitor } from './monitor';
import { NotificationConfig, type ConfigStore, type Sealer } from './notify/notification-config';
import { Notifier } from './notify/notifier';
import { OperatorActions } from './operator-actions';
import { Responder } from './responder';
import { AbuseSettingsStore } from './settings-store';
import type { AbuseActions, AbuseInput, AlertEventSink, AuditSink } from './types';

export interface AbuseServiceOptions {
  db: Db;
  /** Key/value settings (the settings table). */
  config: ConfigStore;
  sealer: Sealer;
  actions: AbuseActions;
  audit: AuditSink;
  events: AlertEventSink;
  log: Logger;
  now?: () => number;
  /** <dataDir>: the geolocation database may be dropped into <dataDir>/geoip/. */
  dataDir?: string | null;
  /** Bandwidth evaluation bucket; one minute unless a test needs it shorter. */
  bandwidthBucketMs?: number;
  notifierDelays?: { baseMs: number; maxMs: number };
  /** Alerts older than this are deleted (default 365 days). */
  retentionDays?: number;
}

/**
 * The abuse monitor, its responses and its alerts, assembled. The core attaches the
 * access plane's inputs (`attach`), installs `guard` in the plane, hands `consoleApi` to
 * the console server, and calls start/stop.
 */
export class AbuseService {
  readonly settings: AbuseSettingsStore;
  readonly monitor: AbuseMonitor;
  readonly blocks: IpBlocks;
  readonly ladder: PartnerLadder;
  readonly store: AlertStore;
  readonly notifier: Notifier;
  readonly notifications: NotificationConfig;
  readonly operator: OperatorActions;
  readonly geo: GeoDatabase;
  readonly consoleApi: AlertsConsoleApi;
  readonly guard: AccessGuard;
  private readonly now: () => number;
  private readonly detach: (() => void)[] = [];
  private pruneTimer: NodeJS.Timeout | undefined;

  constructor(private readonly o: AbuseServiceOptions) {
    const now = (this.now = o.now ?? Date.now);
    const repo = new AbuseStateRepo(o.db);
    const outbox = new NotificationOutboxRepo(o.db);
    this.settings = new AbuseSettingsStore(o.config);
    const settings = this.settings.get;
    this.store = new AlertStore(new AlertsRepo(o.db), outbox, o.events, now);
    this.notifications = new NotificationConfig(o.config, o.sealer);
    this.notifier = new Notifier({
      outbox,
      config: this.notifications,
      log: o.log,
      now,
      onChange: (id) => this.store.publish(id),
      baseDelayMs: o.notifierDelays?.baseMs,
      maxDelayMs: o.notifierDelays?.maxMs,
    });
    this.ladder = new PartnerLadder(repo, o.actions, o.audit, now);
    this.blocks = new IpBlocks(repo, o.actions, o.audit, () => settings().ipBlocks, now);
    this.guard = this.blocks.guard;
    this.geo = new GeoDatabase(o.dataDir ? join(o.dataDir, 'geoip') : null, o.log);
    const geoDetector = new GeoImpossibleDetector(this.geo.current);
    const bandwidth = new BandwidthDetector(o.bandwidthBucketMs);
    const observedRate = (id: string) => bandwidth.recentRate(id);
    const responder = new Responder({ store: this.store, ladder: this.ladder, blocks: this.blocks, actions: o.actions, notifier: this.notifier, settings, now, log: o.log, observedRate });
    this.monitor = new AbuseMonitor(
      [new CredentialSharingDetector(), geoDetector, bandwidth, new DownloadPatternDetector(), new RedistributionDetector(), new SystemAbuseDetector()],
      responder,
      settings,
      now,
      o.log,
    );
    this.operator = new OperatorActions({ store: this.store, ladder: this.ladder, blocks: this.blocks, actions: o.actions, notifier: this.notifier, outbox, repo, audit: o.audit, settings, now, observedRate });
    this.consoleApi = new AlertsConsoleApi(this, repo, o.audit, now);
    let geoPath = settings().geoImpossible.database;
    this.detach.push(
      this.settings.onChange((s: AbuseSettings) => {
        if (s.geoImpossible.database === geoPath) return;
        geoPath = s.geoImpossible.database;
        geoDetector.forgetLocations();
        void this.geo.load(geoPath);
      }),
    );
  }

  attach(input: AbuseInput): void {
    this.detach.push(this.monitor.attach(input));
  }

  /** Re-applies throttles the plane forgot over a restart, loads the geolocation
   *  database, starts the periodic evaluation and the notification outbox. */
  start(): void {
    this.ladder.reapplyThrottles();
    void this.geo.load(this.settings.get().geoImpossible.database);
    this.monitor.start();
    this.notifier.start();
    const retentionMs = (this.o.retentionDays ?? 365) * 86_400_000;
    const prune = () => {
      const n = this.store.prune(this.now() - retentionMs);
      if (n) this.o.log.info({ deleted: n }, 'old alerts deleted');
    };
    prune();
    this.pruneTimer = setInterval(prune, 6 * 3_600_000);
    this.pruneTimer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.pruneTimer);
    for (const off of this.detach.splice(0)) off();
    this.monitor.stop();
    await this.monitor.idle();
    await this.notifier.stop();
  }
}
