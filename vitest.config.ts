import { defineConfig } from 'vitest/config';

/**
 * The service-level suites: everything that goes through the core and its store. They run twice, on
 * the embedded SQLite store and on PostgreSQL (a cluster the run starts itself, see
 * tests/support/postgresGlobalSetup.ts).
 */
const SERVICE_SUITES = [
  'tests/unit/core/contract.test.ts',
  'tests/unit/core/articleList.test.ts',
  'tests/unit/core/demo.test.ts',
  'tests/unit/core/sharedEvents.test.ts',
  'tests/unit/core/sessions.test.ts',
  'tests/unit/core/loginThrottle.test.ts',
  'tests/unit/workflow/*.test.ts',
  'tests/unit/proofreading/service.test.ts',
  'tests/unit/search/searchService.test.ts',
  'tests/unit/search/storesAgree.test.ts',
  'tests/unit/layout/layoutService.test.ts',
  'tests/unit/layout/signAndPrint.test.ts',
  'tests/unit/proofreading/proofDesk.test.ts',
  'tests/unit/layout/placeStory.test.ts',
  'tests/unit/layout/boardStore.test.ts',
  'tests/unit/photos/photoService.test.ts',
  'tests/unit/revisions/revisionService.test.ts',
  'tests/unit/importing/importService.test.ts',
  'tests/unit/server/*.test.ts',
  'tests/unit/interchange/exports.test.ts',
  'tests/unit/interchange/wireImport.test.ts',
  'tests/unit/paper/mastheadImage.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'] },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: SERVICE_SUITES,
          env: { NEWSROOM_TEST_STORE: 'postgres' },
          globalSetup: ['tests/support/postgresGlobalSetup.ts'],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
