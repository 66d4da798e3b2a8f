import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Preact has no WXT module, so it is added as a plain Vite plugin.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Dramatis',
    description:
      'Marks the people and organizations you read about, shows who they are on hover, and keeps your quotes and notes. Everything stays in your browser.',
    permissions: ['storage', 'unlimitedStorage'],
  },
});
