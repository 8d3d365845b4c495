import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../conf/schema';
import type { Logger } from '../log/logger';
import { openDatabase } from '../db/database';
import { CamerasRepo } from '../db/repos/cameras';
import { OperatorsRepo } from '../db/repos/operators';
import { SettingsRepo } from '../db/repos/settings';
import { AuditPruner, AuditRetentionSettings } from '../audit/retention';
import { LayoutsRepo } from '../db/repos/layouts';
import { CameraGroupsRepo } from '../db/repos/camera-groups';
import { EventBus } from '../events/event-bus';
import { OperatorService } from '../operators/operator-service';
import { CameraService } from '../cameras/camera-service';
import { StreamHub } from '../stream/index';
import { createConsoleServer } from '../servers/console/server';
import { createPartnerHttpServer } from '../servers/http/server';
import { RtspServer } from '../servers/rtsp/index';
import { appVersion, rendererDir } from './version';
import { listenOn } from './listen';
import { locateFfmpeg, type FfmpegLocation } from './ffmpeg-location';
import { HlsWiring } from './hls-wiring';
import { createPartnerAccess } from './partner-access';
import { createAbuseWiring } from './abuse-wiring';
import { createBlackoutWiring } from './blackout-wiring';
import { createPipelineFactory, fileSourceDir } from './pipeline-factory';
import { watchApplianceSummary } from './appliance-summary';
import { loadPartnerTls } from './partner-tls';
import { createListenerSettings } from './listener-settings-wiring';
import { SecretBox } from '../cameras/secret-box';
import { SnapshotService } from '../cameras/snapshots';
import { createResourceSampler, databaseInfo, pipelineHealth } from './system-resources';

const STATS_EVERY_MS = 5_000;

export interface ApplianceSummary {
  cameras: { total: number; live: number };
  unreadAlerts: number;
}

export interface RunningCore {
  /** Listener name → actual "host:port". */
  listen: Record<string, string>;
  consoleUrl: string;
  /** The admin password generated for a new data dir (to print once), else null. */
  generatedAdminPassword: string | null;
  /** Calls `listener` with the appliance summary now and on every change (for the tray). */
  watchSummary(listener: (s: ApplianceSummary) => void): () => void;
  /** A console session for the desktop app's own window. */
  issueDesktopSession(): string;
  stop(): Promise<void>;
}

export interface CoreOptions {
  config: Config;
  log: Logger;
  adminPassword?: string | undefined;
}

/** Wires the core together and starts every listener. Only wiring lives here. */
export async function startCore({ config, log, adminPassword }: CoreOptions): Promise<RunningCore> {
  const startedAt = new Date();
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, 'wink.db'), log);
  const settings = new SettingsRepo(db);
  // One key file seals every stored secret: camera sources, SMTP and webhook secrets, RTSP digest HA1.
  const secrets = SecretBox.openOrCreate(join(config.dataDir, 'source-key'));
  const bus = new EventBus(log);
  const operators = new OperatorService(new OperatorsRepo(db), log);
  const generatedAdminPassword = await operators.ensureAdmin(adminPassword);

  const ffmpeg: FfmpegLocation = await locateFfmpeg(log);
  const hub = new StreamHub({ log });
  const hls = new HlsWiring(log);
  const cameras = new CameraService({
    repo: new CamerasRepo(db),
    settings,
    bus,
    log,
    demoEnabled: config.demo,
    box: secrets,
    sourceRules: { fileDir: fileSourceDir(config.dataDir) },
    snapshots: new SnapshotService({ ffmpegPath: ffmpeg.path, log }),
    openStream: (id) => hls.attach(id, hub.open(id)),
    closeStream: (id) => {
      hls.detach(id);
      hub.close(id);
    },
  });
  cameras.seedDemoCameras();
  cameras.load();
  const partnerAccess = createPartnerAccess({
    db,
    dataDir: config.dataDir,
    settings,
    log,
    knownCameras: () => cameras.list().map((c) => c.id),
    muxerFor: (id) => hls.muxer(id),
    touchViewer: (id, client) => hls.touchViewer(id, client),
    digestBox: secrets,
  });

  const partnerTls = loadPartnerTls(config);
  const listen: Record<string, string> = {};
  const partnerHttp = await createPartnerHttpServer(
    {
      ...partnerAccess.http,
      health: () => ({
        status: 'ok',
        version: appVersion(),
        uptimeSec: Math.round((Date.now() - startedAt.getTime()) / 1000),
        cameras: { total: cameras.list().length, live: cameras.liveCount() },
      }),
    },
    log,
    partnerTls,
  );
  // The abuse monitor watches every access decision and enforces its responses through the plane.
  const abuse = createAbuseWiring({ db, settings, dataDir: config.dataDir, log, bus, partnerAccess, partnerHttp, muxerFor: (id) => hls.muxer(id), sealer: secrets });
  // Privacy blackout: the camera keeps the flag, the access plane refuses and ends partners.
  const blackout = createBlackoutWiring(cameras, partnerAccess.access);
  const sampleResources = createResourceSampler();
  const auditRetention = new AuditRetentionSettings(settings);
  const auditPruner = new AuditPruner({ db, log, retention: () => auditRetention.get().retentionDays });
  auditPruner.start();
  const consoleApp = await createConsoleServer(
    {
      listenerSettings: createListenerSettings(config),
      operators,
      operatorAccounts: operators,
      layouts: new LayoutsRepo(db),
      cameraGroups: new CameraGroupsRepo(db),
      cameras,
      events: bus,
      ...partnerAccess.console,
      alerts: abuse.service.consoleApi,
      blackout: blackout.console,
      auditRetention,
      staticDir: rendererDir(),
      mountHls: (app, authenticate) => hls.mountOperatorRoutes(app, authenticate),
      system: () => ({
        version: appVersion(),
        startedAt: startedAt.toISOString(),
        listeners: { ...listen },
        partnerTls: partnerTls !== undefined,
        dataDir: config.dataDir,
        ffmpeg: { path: ffmpeg.path ?? '', source: ffmpeg.source, version: ffmpeg.version },
        uptimeSec: Math.round((Date.now() - startedAt.getTime()) / 1000),
        resources: sampleResources(),
        database: databaseInfo(join(config.dataDir, 'wink.db'), db.pragma('user_version', { simple: true }) as number),
        pipelines: pipelineHealth(cameras.list()),
      }),
    },
    log,
  );
  // Partner RTSP (VMS/NVR) on the same access plane, which can end any session at once.
  const rtsp = new RtspServer({ access: partnerAccess.access, source: (id) => hub.get(id), log: log.child({ listener: 'rtsp' }) });
  try {
    listen.http = await listenOn(partnerHttp, config.bind, config.httpPort);
    listen.console = await listenOn(consoleApp, config.consoleBind, config.consolePort);
    listen.rtsp = await rtsp.listen(config.bind, config.rtspPort);
  } catch (err) {
    await Promise.allSettled([partnerHttp.close(), consoleApp.close(), rtsp.close(), cameras.stopAll(), abuse.stop()]);
    partnerAccess.stop();
    auditPruner.stop();
    db.close();
    throw err;
  }

  // Cameras start once ffmpeg's abilities are probed; the listeners do not wait for it.
  const camerasStarted = createPipelineFactory(ffmpeg, log, { fileDir: fileSourceDir(config.dataDir) }).then(
    (factory) => cameras.startPipelines(factory),
    (err: unknown) => log.error({ err }, 'cameras could not be started'),
  );

  const statsTimer = setInterval(() => bus.publish({ type: 'camera.stats', stats: cameras.statsById() }), STATS_EVERY_MS);
  statsTimer.unref();

  let stopping: Promise<void> | undefined;
  return {
    listen,
    consoleUrl: `http://${listen.console}/`,
    generatedAdminPassword,
    watchSummary: (listener) => watchApplianceSummary(bus, () => ({ total: cameras.list().length, live: cameras.liveCount() }), abuse.service.consoleApi.unread(), listener),
    issueDesktopSession: () => operators.issueSession({ username: 'admin', role: 'admin' }),
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(statsTimer);
        await camerasStarted;
        await Promise.allSettled([partnerHttp.close(), consoleApp.close(), rtsp.close(), cameras.stopAll()]);
        hls.closeAll();
        await abuse.stop();
        partnerAccess.stop();
        auditPruner.stop();
        db.close();
        log.info('core stopped');
      })()),
  };
}
