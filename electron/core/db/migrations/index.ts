import { sql as m001 } from './001_initial';
import { sql as m002 } from './002_search';
import { sql as m003 } from './003_workflow';
import { sql as m004 } from './004_proofreading';
import { sql as m005 } from './005_photos';
import { sql as m006 } from './006_layout';
import { sql as m007 } from './007_photo_desk';
import { sql as m008 } from './008_part_versions';
import { sql as m009 } from './009_article_counts';
import { sql as m010 } from './010_search_deferred';
import { sql as m011 } from './011_front_page';
import { sql as m012 } from './012_sessions';
import { sql as m013 } from './013_edition_night';
import { sql as m014 } from './014_imported_captions';
import { sql as m015 } from './015_desk_list';
import { sql as m016 } from './016_photo_use_crop';
import { sql as pg010 } from './postgres/010_baseline';
import { sql as pg011 } from './postgres/011_front_page';
import { sql as pg012 } from './postgres/012_sessions';
import { sql as pg013 } from './postgres/013_edition_night';
import { sql as pg014 } from './postgres/014_imported_captions';
import { sql as pg015 } from './postgres/015_desk_list';
import { sql as pg016 } from './postgres/016_photo_use_crop';

export interface Migration {
  version: number;
  name: string;
  /** SQLite's step. */
  sql: string;
  /**
   * PostgreSQL's step. PostgreSQL support begins at version 10, whose step creates everything SQLite
   * reached through 1–10; from 11 on every migration carries both.
   */
  postgres?: string;
}

/**
 * Append-only: a migration that has landed is never edited. Its number is
 * its position here and the schema version it leaves behind (`PRAGMA user_version`
 * on SQLite, the schema_migrations table on PostgreSQL).
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: m001 },
  { version: 2, name: 'search', sql: m002 },
  { version: 3, name: 'workflow', sql: m003 },
  { version: 4, name: 'proofreading', sql: m004 },
  { version: 5, name: 'photos', sql: m005 },
  { version: 6, name: 'layout', sql: m006 },
  { version: 7, name: 'photo_desk', sql: m007 },
  { version: 8, name: 'part_versions', sql: m008 },
  { version: 9, name: 'article_counts', sql: m009 },
  { version: 10, name: 'search_deferred', sql: m010, postgres: pg010 },
  { version: 11, name: 'front_page', sql: m011, postgres: pg011 },
  { version: 12, name: 'sessions', sql: m012, postgres: pg012 },
  { version: 13, name: 'edition_night', sql: m013, postgres: pg013 },
  { version: 14, name: 'imported_captions', sql: m014, postgres: pg014 },
  { version: 15, name: 'desk_list', sql: m015, postgres: pg015 },
  { version: 16, name: 'photo_use_crop', sql: m016, postgres: pg016 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
