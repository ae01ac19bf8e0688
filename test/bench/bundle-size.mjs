// What a user's bundler makes of an import of the package: the code bundled and minified
// with esbuild (decimal.js and chevrotain included, as a browser build would), its size
// minified and gzipped, and whether chevrotain's parser is in it. Used by npm run bench
// (the entry's size) and test/package/partial-import.test.ts (an import of `grade`,
// `toJSON` or the types alone must not carry the parser).
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Strings of chevrotain's recognizer that minification keeps: its exceptions' names. */
export const PARSER_MARKERS = ['MismatchedTokenException', 'NotAllInputParsedException'];

/** `code` (a module importing from dist/) bundled and minified: bytes minified and gzipped, and whether it holds the parser. */
export async function bundleOf(code, loader = 'js') {
  const out = await build({
    stdin: { contents: code, loader, resolveDir: ROOT, sourcefile: `entry.${loader}` },
    bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], write: false, logLevel: 'silent',
  });
  const bytes = out.outputFiles[0].contents;
  const text = new TextDecoder().decode(bytes);
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, parser: PARSER_MARKERS.some((m) => text.includes(m)) };
}
