#!/usr/bin/env node
// The playground's browser build: the package's main entry and the browser-safe parts of
// the table reader (entry.ts) bundled with decimal.js, fflate and saxes into one IIFE
// script that defines the global `IndicatorExpr` (`npm run playground`). It is built from
// the source, so it always matches the code beside it; it is not committed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const outfile = new URL('indicator-expr.browser.js', import.meta.url);

/**
 * The table modules import node:fs, node:stream and iconv-lite at their top for the paths
 * that read files and streams; the page never takes those paths (entry.ts says which parts
 * it uses). They resolve to a module whose every export throws when called, so that a
 * mistake shows as an error naming the module rather than as a page that silently fails.
 */
const nodeOnly = {
  name: 'node-only',
  setup(b) {
    b.onResolve({ filter: /^(node:|iconv-lite$)/ }, (args) => ({ path: args.path, namespace: 'node-only' }));
    b.onLoad({ filter: /.*/, namespace: 'node-only' }, (args) => ({
      loader: 'js',
      contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} is not available in the browser build`)}); };
module.exports = new Proxy(fail, { get: (_, k) => (k === '__esModule' ? false : fail) });`,
    }));
  },
};

await build({
  entryPoints: [fileURLToPath(new URL('entry.ts', import.meta.url))],
  outfile: fileURLToPath(outfile),
  bundle: true,
  format: 'iife',
  globalName: 'IndicatorExpr',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'eof',
  define: { __VERSION__: JSON.stringify(version) },
  banner: { js: `/* indicator-expr ${version}: browser build for docs/playground (npm run playground). Generated: do not edit. */` },
  logLevel: 'warning',
  plugins: [nodeOnly],
});
process.stdout.write(`docs/playground/indicator-expr.browser.js\n`);
