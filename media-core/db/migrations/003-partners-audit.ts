import type { Migration } from './index';

/** Partners, their OTP tokens (hashes only), and the audit trail of access decisions and
 *  viewing sessions. Audit rows carry no foreign keys: they outlive the partners and
 *  cameras they name, and are never updated except to close a session. */
export const partnersAuditMigration: Migration = {
  version: 3,
  name: 'partners, otp tokens, audit trail',
  sql: `
    CREATE TABLE partners (
      id             TEXT PRIMARY KEY,
      name           TEXT NOT NULL,
      type           TEXT NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated')),
      config         TEXT NOT NULL,
      api_user       TEXT UNIQUE,
      api_pass_hash  TEXT,
      srt_key_hash   TEXT,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE otp_tokens (
      id           TEXT PRIMARY KEY,
      partner_id   TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
      hash         TEXT NOT NULL UNIQUE,
      hash_type    TEXT NOT NULL,
      length       INTEGER NOT NULL,
      cameras      TEXT,
      bind_ip      TEXT,
      created_at   INTEGER NOT NULL,
      expires_at   INTEGER NOT NULL,
      revoked_at   INTEGER,
      used_ips     TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    CREATE INDEX otp_tokens_partner ON otp_tokens (partner_id);
    CREATE INDEX otp_tokens_expires ON otp_tokens (expires_at);

    CREATE TABLE audit_decisions (
      id            INTEGER PRIMARY KEY,
      at            INTEGER NOT NULL,
      protocol      TEXT NOT NULL,
      camera        TEXT,
      ip            TEXT NOT NULL,
      user_agent    TEXT,
      partner_id    TEXT,
      partner_name  TEXT,
      token_id      TEXT,
      method        TEXT,
      kind          TEXT,
      result        TEXT NOT NULL CHECK (result IN ('allow', 'deny')),
      code          TEXT NOT NULL,
      reason        TEXT NOT NULL,
      session_id    TEXT
    ) STRICT;
    CREATE INDEX audit_decisions_at ON audit_decisions (at);
    CREATE INDEX audit_decisions_partner ON audit_decisions (partner_id, at);
    CREATE INDEX audit_decisions_ip ON audit_decisions (ip, at);
    CREATE INDEX audit_decisions_camera ON audit_decisions (camera, at);

    CREATE TABLE audit_sessions (
      seq           INTEGER PRIMARY KEY,
      id            TEXT NOT NULL UNIQUE,
      partner_id    TEXT NOT NULL,
      partner_name  TEXT,
      token_id      TEXT,
      method        TEXT NOT NULL,
      camera        TEXT NOT NULL,
      protocol      TEXT NOT NULL,
      ip            TEXT NOT NULL,
      user_agent    TEXT,
      started_at    INTEGER NOT NULL,
      last_seen_at  INTEGER,
      ended_at      INTEGER,
      bytes         INTEGER NOT NULL DEFAULT 0,
      requests      INTEGER NOT NULL DEFAULT 0,
      end_reason    TEXT
    ) STRICT;
    CREATE INDEX audit_sessions_started ON audit_sessions (started_at);
    CREATE INDEX audit_sessions_partner ON audit_sessions (partner_id, started_at);
    CREATE INDEX audit_sessions_open ON audit_sessions (ended_at) WHERE ended_at IS NULL;
  `,
};
