#!/usr/bin/env node
// `npm run bench:size`: what each part of the main entry costs a user's bundle (issue 17).
// The entry is bundled and minified as test/bench/bundle-size.mjs does (decimal.js and
// chevrotain inside, as a browser build would); esbuild's metafile gives each input's
// minified bytes, and each part is also minified and gzipped on its own, which ranks the
// parts by what they add (gzip sizes of parts do not add up exactly to the whole). The
// floor is what chevrotain and decimal.js cost with nothing of ours: the parser API we use
// (EmbeddedActionsParser, createToken, tokenMatcher …) and decimal.js, bundled alone.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const options = { bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], write: false, logLevel: 'silent', absWorkingDir: ROOT };
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Every input of the bundle of `src/index.ts`, grouped by package (ours by file): minified bytes and gzip of the part alone. */
async function parts() {
  const whole = await build({ ...options, entryPoints: ['src/index.ts'], minify: true, metafile: true, outfile: 'entry.js', define: { __VERSION__: '"0"' } });
  const inputs = Object.values(whole.metafile.outputs).find((o) => o.entryPoint !== undefined).inputs;
  // The same bundle unminified, cut at esbuild's `// path` comments, gives each input's code.
  const text = (await build({ ...options, entryPoints: ['src/index.ts'], minify: false, define: { __VERSION__: '"0"' } })).outputFiles[0].text;
  const code = new Map();
  for (const piece of text.split(/^(?=\/\/ (?:src|node_modules)\/)/m)) {
    const name = piece.slice(3, piece.indexOf('\n'));
    code.set(name, (code.get(name) ?? '') + piece);
  }
  const groups = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    const key = pkg ?? input;
    const g = groups.get(key) ?? { min: 0, code: '' };
    g.min += bytesInOutput;
    g.code += code.get(input) ?? '';
    groups.set(key, g);
  }
  const rows = [];
  for (const [name, g] of groups) {
    const min = (await transform(g.code, { minify: true, loader: 'js' }).catch(() => ({ code: g.code }))).code;
    rows.push({ name, min: g.min, gzipAlone: gzip(Buffer.from(min)) });
  }
  return { whole: gzip(whole.outputFiles[0].contents), rows: rows.sort((a, b) => b.gzipAlone - a.gzipAlone) };
}

/** chevrotain's parser API as we use it and decimal.js, with nothing of ours. */
async function floor() {
  const contents = "export { EmbeddedActionsParser, EOF, tokenMatcher, createToken, createTokenInstance } from 'chevrotain'; export { default as Decimal } from 'decimal.js';";
  const out = await build({ ...options, stdin: { contents, resolveDir: ROOT }, minify: true });
  return gzip(out.outputFiles[0].contents);
}

const { whole, rows } = await parts();
const base = await floor();
const ours = rows.filter((r) => r.name.startsWith('src/'));
console.log(`main entry: ${whole} B min+gzip (${(whole / 1024).toFixed(1)} KiB); chevrotain + decimal.js alone: ${base} B; ours adds ${whole - base} B`);
console.log(`ours: ${ours.reduce((a, r) => a + r.min, 0)} B minified in ${ours.length} files\n`);
console.log('gzip alone  minified  part');
for (const r of rows.slice(0, Number(process.argv[2] ?? 40))) console.log(`${String(r.gzipAlone).padStart(10)}  ${String(r.min).padStart(8)}  ${r.name}`);
