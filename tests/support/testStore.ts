import pg from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * Which store this test run uses: SQLite by default; PostgreSQL when the run was started with
 * NEWSROOM_TEST_STORE=postgres, whose global setup (tests/support/postgresGlobalSetup.ts) started a
 * cluster and left a migrated template database for each harness to copy.
 */
export interface TestStoreChoice {
  name: 'sqlite' | 'postgres';
  /** A new empty newsroom database (copied from the migrated template); null on SQLite. */
  createDatabase(): Promise<string | null>;
}

export const TEMPLATE_DATABASE = 'newsroom_template';

export function testStore(): TestStoreChoice {
  const admin = process.env['NEWSROOM_TEST_PG'];
  if (process.env['NEWSROOM_TEST_STORE'] !== 'postgres' || !admin) return { name: 'sqlite', createDatabase: async () => null };
  return {
    name: 'postgres',
    async createDatabase() {
      const name = `t_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
      } finally {
        await client.end();
      }
      return admin.replace(/\/[^/]*$/, `/${name}`);
    },
  };
}
