import fs from 'node:fs';
import { openCore } from '../../electron/core/core';
import { tempDataDir } from './hostProcess';
import { startCluster } from './postgres';
import { TEMPLATE_DATABASE } from './testStore';

/**
 * For the run of the service-level suites on PostgreSQL: one cluster for the run, and a template
 * database migrated to the current schema that every harness copies (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(): Promise<() => void> {
  const cluster = await startCluster();
  cluster.admin(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const dataDir = tempDataDir();
  const core = await openCore({ dataDir, database: cluster.url(TEMPLATE_DATABASE) });
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.env['NEWSROOM_TEST_PG'] = cluster.url();
  return () => cluster.stop();
}
