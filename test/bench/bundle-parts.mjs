#!/usr/bin/env node
// `npm run bench:size`: what each part of the main entry costs a user's bundle (issue 17).
// The entry is measured as test/package/bundle.test.ts and `npm run bench` measure it
// (dist/index.js bundled and minified by test/bench/bundle-size.mjs, decimal.js and
// chevrotain inside, as a browser build would). The parts come from the same bundle of the
// sources: esbuild's metafile gives each input's minified bytes, and each part is also
// minified and gzipped on its own, which ranks the parts by what they add (gzip sizes of
// parts do not add up exactly to the whole). The floor is what chevrotain and decimal.js
// cost with nothing of ours: the parser API we use (EmbeddedActionsParser, createToken,
// tokenMatcher …) and decimal.js, bundled alone; chevrotain's share of it is split into
// its own parts, with what `createToken` alone brings, which shows what of chevrotain a
// bundler can leave out when it is imported through its public entry.
// Our files are also measured by what leaving each out saves: every input minified on its
// own and concatenated in bundle order, gzipped, then gzipped again without that input.
// Unlike "gzip alone", these add up to about our share of the entry, so they show where
// our bytes are; they are summed by kind (vocabulary, messages, evaluate …) and the entry
// is bundled again for growing sets of its exports (what each feature adds).
// `npm run bench:size -- N` prints N rows of each table (default 40).
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { bundleOf } from './bundle-size.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const options = { bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], write: false, logLevel: 'silent', absWorkingDir: ROOT };
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const minGzip = async (code) => gzip(Buffer.from((await transform(code, { minify: true, loader: 'js' }).catch(() => ({ code }))).code));

/** The unminified bundle cut at esbuild's `// path` comments: each input's code (the bundle's own exports left out). */
function codeByInput(text) {
  const code = new Map();
  const end = text.search(/^export \{/m);
  for (const piece of text.slice(0, end < 0 ? text.length : end).split(/^(?=\/\/ (?:src|node_modules)\/)/m)) {
    const name = piece.slice(3, piece.indexOf('\n'));
    code.set(name, (code.get(name) ?? '') + piece);
  }
  return code;
}

/** Inputs of a bundle grouped by `groupOf`: minified bytes in the bundle, and gzip of the group alone. */
async function grouped(build0, groupOf) {
  const whole = await build({ ...options, ...build0, minify: true, metafile: true, outfile: 'entry.js' });
  const inputs = Object.values(whole.metafile.outputs)[0].inputs;
  const code = codeByInput((await build({ ...options, ...build0, minify: false })).outputFiles[0].text);
  const groups = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const key = groupOf(input);
    const g = groups.get(key) ?? { min: 0, code: '' };
    g.min += bytesInOutput;
    g.code += code.get(input) ?? '';
    groups.set(key, g);
  }
  const rows = [];
  for (const [name, g] of groups) rows.push({ name, min: g.min, gzipAlone: await minGzip(g.code) });
  return { whole: gzip(whole.outputFiles[0].contents), rows: rows.sort((a, b) => b.gzipAlone - a.gzipAlone) };
}

const byPackage = (input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? input;
/** chevrotain's modules by what they do for us. */
function chevrotainPart(input) {
  if (/decimal\.js/.test(input)) return 'decimal.js';
  if (/lodash-es/.test(input)) return 'lodash-es (as chevrotain uses it)';
  if (/regexp-to-ast|chevrotain\/lib\/src\/scan\/(?:lexer|reg_exp)/.test(input)) return "chevrotain's Lexer with regexp-to-ast (never run: our lexer makes the tokens)";
  if (/@chevrotain\/gast|chevrotain\/lib\/src\/parse\/grammar\//.test(input)) return 'chevrotain grammar analysis and checks (performSelfAnalysis)';
  if (/chevrotain\/lib\/src\/parse\/(?:errors_public|exceptions_public)/.test(input)) return 'chevrotain error messages and exceptions';
  return 'chevrotain parser runtime (traits, tokens, utils)';
}

/** Gzip bytes saved by leaving out each input of the entry, from its inputs minified one by one. */
async function savedByLeavingOut(build0) {
  const code = codeByInput((await build({ ...options, ...build0, minify: false })).outputFiles[0].text);
  const min = new Map();
  for (const [name, c] of code) min.set(name, (await transform(c, { minify: true, loader: 'js' }).catch(() => ({ code: c }))).code);
  const all = gzip(Buffer.from([...min.values()].join('')));
  const saved = new Map();
  for (const name of min.keys()) saved.set(name, all - gzip(Buffer.from([...min].filter(([n]) => n !== name).map(([, c]) => c).join(''))));
  return saved;
}

/** What a file of ours is, for the table by kind. */
function kindOf(input) {
  if (!input.startsWith('src/')) return null;
  const kinds = [
    [/^src\/vocab\/(?:traditional-)?folds\.ts$/, 'fold tables (traditional script, full-width)'],
    [/^src\/vocab\//, 'vocabulary data (words, units, numerals, polarity, achievement)'],
    [/^src\/(?:i18n\/|errors\.ts$)/, 'messages in two languages (errors, reasons, descriptions)'],
    [/^src\/parse\/lookahead-paths\.ts$/, 'generated lookahead paths'],
    [/^src\/parse\/lexer\.ts$/, 'lexer'],
    [/^src\/parse\/(?:shape-cache|cache|hash|generations)\.ts$/, 'caches (cells, shapes)'],
    [/^src\/(?:parse|text)\/|^src\/numbers\/chinese\.ts$/, 'parsing: clean-up, grammar, build, split columns'],
    [/^src\/(?:model\/json|evaluate\/json)\.ts$/, 'JSON (toJSON, fromJSON)'],
    [/^src\/model\/format\.ts$/, 'format'],
    [/^src\/evaluate\/score\.ts$/, 'score'],
    [/^src\/evaluate\//, 'evaluate (verdicts)'],
    [/^src\/(?:arguments|index)\.ts$/, 'argument checks and the entry'],
  ];
  return kinds.find(([re]) => re.test(input))?.[1] ?? 'quantities, units, decimals, calendar';
}

const entry = await bundleOf(`export * from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};`);
const { rows } = await grouped({ entryPoints: ['src/index.ts'], define: { __VERSION__: '"0"' } }, byPackage);
const API = "export { EmbeddedActionsParser, EOF, tokenMatcher, createToken, createTokenInstance } from 'chevrotain';";
const floor = await grouped({ stdin: { contents: `${API} export { default as Decimal } from 'decimal.js';`, resolveDir: ROOT } }, chevrotainPart);
const chevrotain = (await grouped({ stdin: { contents: API, resolveDir: ROOT } }, chevrotainPart)).whole;
const createTokenAlone = (await grouped({ stdin: { contents: "export { createToken } from 'chevrotain';", resolveDir: ROOT } }, chevrotainPart)).whole;

const ours = rows.filter((r) => r.name.startsWith('src/'));
console.log(`main entry (dist/index.js): ${entry.gzip} B min+gzip (${(entry.gzip / 1024).toFixed(1)} KiB), ${entry.min} B minified`);
console.log(`chevrotain + decimal.js alone: ${floor.whole} B; ours adds ${entry.gzip - floor.whole} B (${ours.reduce((a, r) => a + r.min, 0)} B minified in ${ours.length} files)`);
console.log(`chevrotain as we import it: ${chevrotain} B; createToken alone: ${createTokenAlone} B\n`);
console.log('the floor by part\ngzip alone  minified  part');
for (const r of floor.rows) console.log(`${String(r.gzipAlone).padStart(10)}  ${String(r.min).padStart(8)}  ${r.name}`);
const most = Number(process.argv[2] ?? 40);
console.log('\nthe entry by part\ngzip alone  minified  part');
for (const r of rows.slice(0, most)) console.log(`${String(r.gzipAlone).padStart(10)}  ${String(r.min).padStart(8)}  ${r.name}`);

const saved = await savedByLeavingOut({ entryPoints: ['src/index.ts'], define: { __VERSION__: '"0"' } });
const mine = [...saved].filter(([n]) => n.startsWith('src/')).sort((a, b) => b[1] - a[1]);
console.log(`\nour files by what leaving each out saves (gzip; sum ${mine.reduce((a, [, b]) => a + b, 0)} B)\n     saved  part`);
for (const [n, b] of mine.slice(0, most)) console.log(`${String(b).padStart(10)}  ${n}`);
const kinds = new Map();
for (const [n, b] of mine) kinds.set(kindOf(n), (kinds.get(kindOf(n)) ?? 0) + b);
console.log('\nours by kind (gzip saved by leaving the kind\'s files out, summed)\n     saved  kind');
for (const [k, b] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`${String(b).padStart(10)}  ${k}`);

// Growing sets of the entry's exports, bundled from dist/ as a user's bundler would.
const FEATURES = [
  ['parseTarget', ['parseTarget']],
  ['+ tryParseTarget, parseQuantity, convert', ['tryParseTarget', 'parseQuantity', 'convert']],
  ['+ evaluate', ['evaluate']],
  ['+ score, grade', ['score', 'grade']],
  ['+ toJSON, fromJSON, verdictToJSON, scoreToJSON', ['toJSON', 'fromJSON', 'verdictToJSON', 'scoreToJSON']],
  ['+ format', ['format']],
  ['+ describeVerdict', ['describeVerdict']],
  ['+ createParser', ['createParser']],
];
console.log('\nby what a bundle imports (min+gzip)\n     bytes     added  imports');
const names = [];
let before = floor.whole;
for (const [label, more] of FEATURES) {
  names.push(...more);
  const b = await bundleOf(`export { ${names.join(', ')} } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};`);
  console.log(`${String(b.gzip).padStart(10)}  ${String(b.gzip - before).padStart(8)}  ${label}`);
  before = b.gzip;
}
console.log(`${String(entry.gzip).padStart(10)}  ${String(entry.gzip - before).padStart(8)}  + the rest (Decimal, units, classifiers, isScore …)`);
