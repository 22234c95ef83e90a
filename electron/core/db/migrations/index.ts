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
import { sql as m011 } from './011_imported_captions';
import { sql as m012 } from './012_desk_list';
import { sql as m013 } from './013_photo_use_crop';

/**
 * Append-only: a migration that has landed is never edited. Its number is
 * its position here and the `PRAGMA user_version` it leaves behind.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: m001 },
  { version: 2, name: 'search', sql: m002 },
  { version: 3, name: 'workflow', sql: m003 },
  { version: 4, name: 'proofreading', sql: m004 },
  { version: 5, name: 'photos', sql: m005 },
  { version: 6, name: 'layout', sql: m006 },
  { version: 7, name: 'photo_desk', sql: m007 },
  { version: 8, name: 'part_versions', sql: m008 },
  { version: 9, name: 'article_counts', sql: m009 },
  { version: 10, name: 'search_deferred', sql: m010 },
  { version: 11, name: 'imported_captions', sql: m011 },
  { version: 12, name: 'desk_list', sql: m012 },
  { version: 13, name: 'photo_use_crop', sql: m013 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
