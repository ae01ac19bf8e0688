import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

/**
 * chevrotain as the shipped parser runs it. Three reductions, each checked by the tests:
 *
 * - `lodash-es` becomes src/parse/lodash.ts, the 37 functions chevrotain imports written on
 *   native collections (lodash-es put about 300 modules, 30 KB minified, in the bundle).
 *   vitest.config.ts makes the same substitution, so the whole suite, the grammar's
 *   validations included, runs chevrotain on it.
 * - chevrotain's modules for what the parser never runs (its lexer, grammar validations,
 *   error recovery, concrete syntax trees, content assist, init tracing, the descriptions
 *   of failures CellParser overrides, the lookahead analysis src/parse/lookahead.ts does
 *   ahead of time) become src/parse/chevrotain-trim.js, which keeps the
 *   few calls the parser makes and throws on the rest.
 * - methods the parser never calls are cut from chevrotain's sources (UNUSED_METHODS).
 *
 * test/package/bundle.test.ts compares the built entries with the sources on the corpus,
 * generated and rejected cells, and keeps the entry within 64 KB min+gzip. Together these
 * take about 16 KB off it (docs/performance.md, "Round two").
 */
const CHEVROTAIN_TRIMMED = [
  'scan/lexer_public.js',
  'parse/grammar/checks.js',
  'parse/grammar/follow.js',
  'parse/errors_public.js',
  'parse/parser/traits/recoverable.js',
  'parse/parser/traits/tree_builder.js',
  'parse/parser/traits/context_assist.js',
  'parse/cst/cst_visitor.js',
  'parse/parser/traits/error_handler.js',
  'parse/parser/traits/perf_tracer.js',
  'parse/grammar/lookahead.js',
  'parse/grammar/llk_lookahead.js',
];
/** `NAME`, `NAME1` … `NAME9`, or the numbers from `from` on. */
const numbered = (name: string, from = 0): string[] => Array.from({ length: 10 - from }, (_, k) => `${name}${k + from === 0 ? '' : k + from}`);
/**
 * Methods of chevrotain's parser traits that the shipped parser never calls, cut from the
 * bundled source: the DSL forms src/parse/grammar.ts does not use (`CONSUME1`, `CONSUME3` …,
 * `OR3` …, every `MANY_SEP` and `AT_LEAST_ONE_SEP`, `AT_LEAST_ONE1` …, the lower-case
 * `consume(idx, …)` family, `ACTION`, `BACKTRACK`, `OVERRIDE_RULE`), what only they call (the
 * engine's separated repetitions, backtracking's saved state and lexer state, their
 * recording forms, the lookahead collector's visits of separated repetitions). A
 * grammar that starts using one fails every parse test of the built entry; the build fails
 * if a method is not found exactly once.
 */
const UNUSED_METHODS: Record<string, readonly string[]> = {
  'parse/parser/traits/recognizer_api.js': [
    ...numbered('CONSUME', 3), ...numbered('SUBRULE', 3), ...numbered('OPTION', 4), ...numbered('OR', 3), ...numbered('MANY', 3),
    ...numbered('MANY_SEP'), ...numbered('AT_LEAST_ONE', 1), ...numbered('AT_LEAST_ONE_SEP'),
    'CONSUME1', 'SUBRULE1', 'OPTION1', 'OR1', 'MANY1', 'consume', 'subrule', 'option', 'or', 'many', 'atLeastOne',
    'ACTION', 'BACKTRACK', 'OVERRIDE_RULE',
    // src/grammar.ts serializes the productions itself, so only that entry carries the serializer.
    'getSerializedGastProductions',
  ],
  'parse/parser/traits/recognizer_engine.js': [
    'manySepFirstInternal', 'manySepFirstInternalLogic', 'atLeastOneSepFirstInternal', 'atLeastOneSepFirstInternalLogic', 'repetitionSepSecondInternal',
    'saveRecogState', 'reloadRecogState',
  ],
  'parse/parser/traits/gast_recorder.js': ['atLeastOneSepFirstInternalRecord', 'manySepFirstInternalRecord', 'ACTION_RECORD', 'BACKTRACK_RECORD'],
  // Backtracking's other half, and a token skip only recovery uses.
  'parse/parser/traits/lexer_adapter.js': ['SKIP_TOKEN', 'importLexerState'],
  // The walks and visits of separated repetitions, which the grammar has none of.
  'parse/parser/traits/looksahead.js': ['visitRepetitionWithSeparator', 'visitRepetitionMandatoryWithSeparator'],
};

/** The source without the named methods (class members at four spaces, as chevrotain's build writes them). */
function withoutMethods(file: string, source: string, names: readonly string[]): string {
  let out = source;
  for (const name of names) {
    const found = [...out.matchAll(new RegExp(`\\n {4}${name}\\([^)]*\\) \\{\\n[\\s\\S]*?\\n {4}\\}(?=\\n)`, 'g'))];
    if (found.length !== 1) throw new Error(`${file}: expected the method ${name} once, found it ${found.length} times`);
    out = out.replace(found[0]![0], '');
  }
  return out;
}

const chevrotainParserOnly: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'chevrotain-parser-only',
  setup(build) {
    const trim = resolve('src/parse/chevrotain-trim.js');
    const lodash = resolve('src/parse/lodash.ts');
    const inChevrotain = /[\\/]node_modules[\\/](chevrotain|@chevrotain[\\/][^\\/]+)[\\/]/;
    build.onResolve({ filter: /^lodash-es$/ }, (args) => (inChevrotain.test(args.importer) ? { path: lodash } : undefined));
    build.onResolve({ filter: /\.js$/ }, (args) => {
      if (!inChevrotain.test(args.importer)) return undefined;
      const target = resolve(dirname(args.importer), args.path).replace(/\\/g, '/');
      if (CHEVROTAIN_TRIMMED.some((m) => target.endsWith(`/chevrotain/lib/src/${m}`))) return { path: trim };
      // The walkers of repetition recovery, as the recognizer engine imports them.
      if (target.endsWith('/grammar/interpreter.js') && /[\\/]recognizer_engine\.js$/.test(args.importer)) return { path: trim };
      return undefined;
    });
    // Every file of UNUSED_METHODS, and only those (the filter is made from its keys, so a
    // file added there cannot be passed over).
    const files = Object.keys(UNUSED_METHODS);
    const names = files.map((m) => m.replace(/[.]/g, '\\.').replace(/\//g, '[\\\\/]')).join('|');
    build.onLoad({ filter: new RegExp(`[\\\\/]chevrotain[\\\\/]lib[\\\\/]src[\\\\/](${names})$`) }, (args) => {
      const file = files.find((m) => args.path.replace(/\\/g, '/').endsWith(`/chevrotain/lib/src/${m}`))!;
      return { contents: withoutMethods(file, readFileSync(args.path, 'utf8'), UNUSED_METHODS[file]!), loader: 'js' };
    });
  },
};

export default defineConfig([
  {
    // The library: ESM + CommonJS, each with its own declarations. chevrotain is bundled
    // (importing it unbundled costs ~290 ms for its lodash-es modules); decimal.js stays
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
    esbuildPlugins: [tableUsesTheEntry, chevrotainParserOnly],
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
    esbuildPlugins: [chevrotainParserOnly],
    banner: { js: '#!/usr/bin/env node' },
    define,
  },
]);
