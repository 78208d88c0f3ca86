import { defineConfig } from 'vitest/config';

/**
 * One run for every tier. The global setup starts DynamoDB Local and a memstore radosgw once; test
 * files isolate their data by using their own agency ids.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/local-env.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    typecheck: { enabled: false },
  },
});
