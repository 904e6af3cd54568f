// The one SQL schema both shipped stores use (PGlite is PostgreSQL, so one dialect), as numbered
// migrations. Applied ones are recorded in social_link_schema_migrations — not a bare
// "schema_migrations", which the host's own migration tool may already own.

export const PROFILES_TABLE = 'social_link_profiles';
export const HOOKS_TABLE = 'social_link_hooks';
export const CHANGES_TABLE = 'social_link_changes';
/** The LISTEN/NOTIFY channel changes are told on. */
export const CHANGES_CHANNEL = 'social_link_changes';
/** The per-subject Ayrshare budget: calls counted per slice of a window (live/budget-window.ts). */
export const BUDGET_TABLE = 'social_link_budget';
export const MIGRATIONS_TABLE = 'social_link_schema_migrations';
/** pg_advisory_xact_lock key for migrations: any constant the host's own locks will not use. */
export const MIGRATION_LOCK_KEY = 7_340_201_920_301;

export interface Migration {
  version: number;
  name: string;
  /** One statement per entry: PGlite's parameterised query runs one statement at a time. */
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'profiles',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${PROFILES_TABLE} (
        user_id text PRIMARY KEY,
        title text NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('pending', 'ready', 'lost')),
        ref_id text,
        key_cipher text,
        key_id text,
        lease_owner text,
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX IF NOT EXISTS ${PROFILES_TABLE}_ref_id ON ${PROFILES_TABLE} (ref_id)`,
      `CREATE INDEX IF NOT EXISTS ${PROFILES_TABLE}_unused ON ${PROFILES_TABLE} ((coalesce(last_used_at, created_at))) WHERE state = 'ready'`,
    ],
  },
  {
    version: 2,
    name: 'webhooks and changes',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${HOOKS_TABLE} (
        hook_id text PRIMARY KEY,
        keep_until timestamptz NOT NULL
      )`,
      `CREATE INDEX IF NOT EXISTS ${HOOKS_TABLE}_keep_until ON ${HOOKS_TABLE} (keep_until)`,
      `CREATE TABLE IF NOT EXISTS ${CHANGES_TABLE} (
        id bigserial PRIMARY KEY,
        subject text NOT NULL,
        type text NOT NULL,
        platform text,
        source text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX IF NOT EXISTS ${CHANGES_TABLE}_subject ON ${CHANGES_TABLE} (subject, id)`,
      `CREATE INDEX IF NOT EXISTS ${CHANGES_TABLE}_created ON ${CHANGES_TABLE} (created_at)`,
    ],
  },
  {
    version: 3,
    name: 'budget',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${BUDGET_TABLE} (
        subject text NOT NULL,
        window_ms bigint NOT NULL,
        slice_start bigint NOT NULL,
        used integer NOT NULL,
        PRIMARY KEY (subject, window_ms, slice_start)
      )`,
      `CREATE INDEX IF NOT EXISTS ${BUDGET_TABLE}_slice ON ${BUDGET_TABLE} (slice_start)`,
    ],
  },
];

export const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;
