import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };
const define = { __VERSION__: JSON.stringify(version) };

/** The table layer's runtime dependencies: real dependencies, never bundled (iconv-lite's ESM bundle breaks). */
const TABLE_DEPENDENCIES = ['iconv-lite', 'fflate', 'saxes'];

/**
 * `indicator-expr/table` uses the library through `src/index.ts`. In the package it must
 * use the library entry itself (`./index.js` / `./index.cjs`), not a copy of it: a verdict
 * made by a copy is not a verdict to the entry's `toJSON` (they are recognised by
 * identity), and a copy would double the size. ESM gets this from code splitting; this
 * makes CommonJS, which tsup does not split, do the same.
 */
const tableUsesTheEntry: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'table-uses-the-entry',
  setup(build) {
    const entry = build.initialOptions.format === 'cjs' ? './index.cjs' : './index.js';
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) => (
      /[\\/]src[\\/]table[\\/][^\\/]+\.ts$/.test(args.importer) ? { path: entry, external: true } : undefined
    ));
  },
};

export default defineConfig([
  {
    // The library: ESM + CommonJS, each with its own declarations. chevrotain is bundled,
    // its published modules as they are (importing it unbundled costs ~290 ms for its
    // lodash-es modules; test/package/bundle.test.ts reads the metafile to prove nothing of
    // it is substituted or edited); decimal.js stays
    // a real dependency because users pass their own Decimal values in. The table layer
    // (`indicator-expr/table`) is an entry of its own, so that the main entry never loads
    // it or its dependencies.
    entry: { index: 'src/index.ts', grammar: 'src/grammar.ts', schema: 'src/schema.ts', table: 'src/table/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    noExternal: ['chevrotain'],
    external: ['decimal.js', ...TABLE_DEPENDENCIES],
    esbuildPlugins: [tableUsesTheEntry],
    // ESM only: the parser (our grammar with chevrotain) as an entry of its own, so that its
    // code lands in a chunk apart from the vocabulary, the numbers and the verdicts. A user's
    // bundler then drops the whole chunk when nothing calls the parser (an import of `grade`,
    // `toJSON` or the types alone, test/package/partial-import.test.ts); in a shared chunk
    // chevrotain's own start-up code would keep it. `dist/parser.js` is only that chunk's
    // door: no export of package.json leads to it, and it has no declarations.
    esbuildOptions(options, { format }) {
      if (format === 'esm') options.entryPoints = { ...(options.entryPoints as Record<string, string>), parser: 'src/parse/grammar.ts' };
    },
    metafile: true,
    define,
    // `indicator-expr/schema.json`: the schema module's object as plain JSON.
    async onSuccess() {
      const url = pathToFileURL(resolve('dist/schema.js')).href;
      const { schema } = (await import(`${url}?${Date.now()}`)) as { schema: unknown };
      writeFileSync('dist/schema.json', `${JSON.stringify(schema, null, 2)}\n`);
    },
  },
  {
    // The command: one ESM bundle (its commands in chunks loaded when run), with the
    // library and the table layer inside and their dependencies left to node_modules.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    sourcemap: true,
    noExternal: ['chevrotain'],
    external: ['decimal.js', ...TABLE_DEPENDENCIES],
    banner: { js: '#!/usr/bin/env node' },
    define,
  },
]);
