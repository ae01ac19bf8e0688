import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };
const define = { __VERSION__: JSON.stringify(version) };

export default defineConfig([
  {
    // The library: ESM + CommonJS, each with its own declarations. chevrotain is bundled
    // (importing it unbundled costs ~290 ms for its lodash-es modules); decimal.js stays
    // a real dependency because users pass their own Decimal values in.
    entry: { index: 'src/index.ts', grammar: 'src/grammar.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    noExternal: ['chevrotain'],
    external: ['decimal.js'],
    define,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    sourcemap: true,
    noExternal: ['chevrotain'],
    external: ['decimal.js'],
    banner: { js: '#!/usr/bin/env node' },
    define,
  },
]);
