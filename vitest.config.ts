import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // chevrotain runs on src/parse/lodash.ts instead of lodash-es, as in the bundles
  // (tsup.config.ts): inlining chevrotain lets the alias reach its imports, so every test,
  // the grammar's validations included, exercises the substitute.
  resolve: {
    alias: [{ find: /^lodash-es$/, replacement: fileURLToPath(new URL('./src/parse/lodash.ts', import.meta.url)) }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    server: { deps: { inline: [/[\\/]node_modules[\\/](chevrotain|@chevrotain)[\\/]/] } },
  },
});
