import type { Migration } from './index';

/** RTSP Digest with a partner's API credentials needs HA1 = MD5(apiuser:realm:apipass),
 *  which the slow hash of apipass cannot give. It is computed when credentials are issued
 *  and stored sealed with the appliance's secret box, so the database alone opens nothing.
 *  Partners whose credentials predate this get it on their next rotation. */
export const rtspDigestMigration: Migration = {
  version: 6,
  name: 'partners: sealed RTSP digest HA1',
  sql: `ALTER TABLE partners ADD COLUMN digest_ha1 TEXT;`,
};
