import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**/*.e2e.test.ts', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    // Limits only stop a hang; speed is the bench's to measure. The defaults
    // (5 s, 10 s) are within reach of a few seconds' test on a loaded 2-core CI machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // expect.poll's default of 1 s, like testing-library's (see test/setup.ts).
    expect: { poll: { timeout: 5_000 } },
  },
});
