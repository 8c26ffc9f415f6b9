// app.duckdb, version 1. Lists and nested values (zones, indicators, baseline, target, history)
// are JSON text: they are read and written whole, and text columns keep DuckDB's UPDATE
// in place. No foreign keys: DuckDB would refuse to update a referenced row; the store keeps
// references right (sessions are deleted with their user's access, nothing else is deleted).
// "history" is append-only: the store has no statement that updates or deletes it.
// "example_cycles" lists the demo's example cycles (examples.ts), the only ones shown without an
// account; a file without that table gets it, empty, when opened (no version change needed).

export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id VARCHAR PRIMARY KEY,
  username VARCHAR NOT NULL UNIQUE,
  display_name VARCHAR NOT NULL,
  role VARCHAR NOT NULL CHECK (role IN ('editor', 'analyst', 'admin')),
  zones VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  disabled BOOLEAN NOT NULL,
  failed_logins INTEGER NOT NULL,
  locked_until TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash VARCHAR PRIMARY KEY,
  user_id VARCHAR NOT NULL,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS cycles (
  id VARCHAR PRIMARY KEY,
  system_code VARCHAR NOT NULL,
  zone_code VARCHAR NOT NULL,
  indicators VARCHAR NOT NULL,
  title VARCHAR NOT NULL,
  problem VARCHAR NOT NULL,
  baseline VARCHAR NOT NULL,
  target VARCHAR,
  phase VARCHAR NOT NULL CHECK (phase IN ('plan', 'do', 'check', 'act', 'closed')),
  decision VARCHAR CHECK (decision IS NULL OR decision IN ('adopt', 'adapt', 'abandon')),
  previous_id VARCHAR,
  actions_from INTEGER,
  do_started_at TIMESTAMPTZ,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS actions (
  id VARCHAR PRIMARY KEY,
  cycle_id VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  owner VARCHAR NOT NULL,
  due_date VARCHAR,
  status VARCHAR NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS notes (
  id VARCHAR PRIMARY KEY,
  cycle_id VARCHAR NOT NULL,
  user_id VARCHAR NOT NULL,
  text VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS history_id;
CREATE TABLE IF NOT EXISTS history (
  id BIGINT PRIMARY KEY DEFAULT nextval('history_id'),
  cycle_id VARCHAR NOT NULL,
  user_id VARCHAR NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL,
  what VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS example_cycles (cycle_id VARCHAR PRIMARY KEY);`;
