import { defineConfig } from 'vitest/config';

/** Browser journeys: one real server (demo data, fresh PGlite) and headless Debian Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
