import type { Migration } from './index';

/** The abuse monitor's records: alerts with their evidence, the notification outbox
 *  (retried until sent or given up, never dropped), each partner's place on the response
 *  ladder, progressive IP blocks, and the log of every response and operator action.
 *  No foreign keys to partners: alerts outlive the partners they name. */
export const alertsMigration: Migration = {
  version: 5,
  name: 'abuse alerts, notification outbox, response ladder, ip blocks',
  sql: `
    CREATE TABLE alerts (
      id               INTEGER PRIMARY KEY,
      created_at       INTEGER NOT NULL,
      updated_at       INTEGER NOT NULL,
      last_seen_at     INTEGER NOT NULL,
      occurrences      INTEGER NOT NULL DEFAULT 1,
      detector         TEXT NOT NULL,
      subject          TEXT NOT NULL,
      severity         TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'high', 'critical')),
      partner_id       TEXT,
      partner_name     TEXT,
      camera           TEXT,
      ip               TEXT,
      token_id         TEXT,
      summary          TEXT NOT NULL,
      metrics          TEXT NOT NULL DEFAULT '{}',
      evidence         TEXT NOT NULL DEFAULT '[]',
      response         TEXT NOT NULL,
      history          TEXT NOT NULL DEFAULT '[]',
      acknowledged_at  INTEGER,
      acknowledged_by  TEXT
    ) STRICT;
    CREATE INDEX alerts_created ON alerts (created_at);
    CREATE INDEX alerts_partner ON alerts (partner_id, created_at);
    CREATE INDEX alerts_unread ON alerts (id) WHERE acknowledged_at IS NULL;
    CREATE INDEX alerts_subject ON alerts (detector, subject, last_seen_at);

    CREATE TABLE notification_outbox (
      id               INTEGER PRIMARY KEY,
      alert_id         INTEGER REFERENCES alerts(id) ON DELETE CASCADE,
      channel          TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
      target           TEXT NOT NULL,
      payload          TEXT NOT NULL,
      state            TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
      attempts         INTEGER NOT NULL DEFAULT 0,
      next_attempt_at  INTEGER,
      last_error       TEXT,
      created_at       INTEGER NOT NULL,
      sent_at          INTEGER
    ) STRICT;
    CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE state = 'pending';
    CREATE INDEX notification_outbox_alert ON notification_outbox (alert_id);

    CREATE TABLE abuse_partner_state (
      partner_id         TEXT PRIMARY KEY,
      partner_name       TEXT,
      level              INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
      since              INTEGER NOT NULL,
      last_finding_at    INTEGER,
      last_escalated_at  INTEGER,
      throttle           REAL NOT NULL DEFAULT 1
    ) STRICT;

    CREATE TABLE ip_blocks (
      ip             TEXT PRIMARY KEY,
      step           INTEGER NOT NULL,
      active         INTEGER NOT NULL,
      until          INTEGER,
      reason         TEXT NOT NULL,
      alert_id       INTEGER,
      blocked_at     INTEGER NOT NULL,
      lifted_at      INTEGER,
      lifted_by      TEXT
    ) STRICT;

    CREATE TABLE abuse_actions (
      id          INTEGER PRIMARY KEY,
      at          INTEGER NOT NULL,
      actor       TEXT NOT NULL,
      action      TEXT NOT NULL,
      partner_id  TEXT,
      ip          TEXT,
      alert_id    INTEGER,
      detail      TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX abuse_actions_at ON abuse_actions (at);
  `,
};
