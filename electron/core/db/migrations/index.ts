import { sql as m001 } from './001_initial';

/**
 * Append-only: a migration that has landed is never edited. Its number is
 * its position here and the `PRAGMA user_version` it leaves behind.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: m001 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
