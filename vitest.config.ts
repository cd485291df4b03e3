import { defineConfig } from 'vitest/config';

// CI sets VITEST_JSON_OUTPUT to get a machine-readable report beside the console one.
const jsonOutput = process.env.VITEST_JSON_OUTPUT;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: 'Europe/Copenhagen' },
    reporters: jsonOutput ? ['default', 'json'] : ['default'],
    ...(jsonOutput ? { outputFile: { json: jsonOutput } } : {}),
  },
});
