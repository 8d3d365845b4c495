import type { GeoDatabaseStatus } from '../../contracts/alerts';
import type { Logger } from '../../log/logger';
import type { GeoLocator } from './geo-locator';
import { findGeoDatabase, loadGeoDatabase } from './load-geo';

/**
 * The operator-replaceable geolocation database: a file named in the settings, or the
 * newest .mmdb/.csv dropped into <dataDir>/geoip/. Loading happens off the start-up
 * path; until it is done (or when there is none) the geographic detector stays quiet.
 */
export class GeoDatabase {
  private db: GeoLocator | null = null;
  private state: GeoDatabaseStatus = { path: null, loaded: false, format: null, entries: null, error: null };
  private loading: Promise<GeoDatabaseStatus> | null = null;

  constructor(
    private readonly dir: string | null,
    private readonly log: Logger,
  ) {}

  current = (): GeoLocator | null => this.db;

  status(): GeoDatabaseStatus {
    return { ...this.state };
  }

  /** (Re)loads; the previous database stays in use until the new one is ready. */
  load(configured: string | null): Promise<GeoDatabaseStatus> {
    const run = async (): Promise<GeoDatabaseStatus> => {
      const path = findGeoDatabase(configured, this.dir);
      if (!path) {
        this.db = null;
        this.state = { path: null, loaded: false, format: null, entries: null, error: this.dir ? `no .mmdb or .csv file in ${this.dir}` : 'no database configured' };
        return this.status();
      }
      try {
        const db = await loadGeoDatabase(path);
        this.db?.close?.();
        this.db = db;
        this.state = { path, loaded: true, format: db.format, entries: db.entries, error: null };
        this.log.info({ path, format: db.format, entries: db.entries }, 'geolocation database loaded');
      } catch (err) {
        this.state = { path, loaded: this.db !== null, format: this.db?.format ?? null, entries: this.db?.entries ?? null, error: (err as Error).message };
        this.log.warn({ path, err: (err as Error).message }, 'geolocation database could not be loaded');
      }
      return this.status();
    };
    const next = (this.loading ?? Promise.resolve()).then(run, run);
    this.loading = next;
    return next;
  }
}
