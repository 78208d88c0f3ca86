import { defineConfig } from 'vitest/config';

/**
 * Tiers as projects. `unit` runs the pure rules with no emulator (`npm run test:unit`); the other
 * tiers share one global setup that starts DynamoDB Local and a memstore radosgw once, and their
 * test files isolate their data by using their own agency ids. `npm test` runs unit and emulated
 * together, then `faults` on its own (its injected faults and retries load the machine).
 */
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    typecheck: { enabled: false },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'console/test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'emulated',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/infra/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          setupFiles: ['test/helpers/local-env.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'large',
          include: ['test/large/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          setupFiles: ['test/helpers/local-env.ts'],
          testTimeout: 900_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          setupFiles: ['test/helpers/local-env.ts'],
          testTimeout: 300_000,
        },
      },
    ],
  },
});
