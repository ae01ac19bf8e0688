#!/usr/bin/env node
// The playground's browser build: the package's main entry bundled with decimal.js into
// one IIFE script that defines the global `IndicatorExpr` (`npm run playground`). It is
// built from the source, so it always matches the code beside it; it is not committed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const outfile = new URL('indicator-expr.browser.js', import.meta.url);

await build({
  entryPoints: [fileURLToPath(new URL('src/index.ts', root))],
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
});
process.stdout.write(`docs/playground/indicator-expr.browser.js\n`);
