import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (.output/) in a real browser, so
// they run one file at a time in a single worker with browser-sized timeouts.
// `npm test` builds first; run `npm run build` before `npm run test:e2e`.
export default defineConfig({
  // The demo server the page tests serve fixtures with imports lib/ through `@/`.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: a card opening after its hover
    // delay, or a page reading IndexedDB, can take longer on a loaded 2-core CI
    // machine. Polls end as soon as they pass; this only bounds a failure.
    expect: { poll: { timeout: 15_000 } },
  },
});
