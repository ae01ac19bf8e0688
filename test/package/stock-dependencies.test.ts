/**
 * chevrotain and decimal.js are used as published (contract.md, "Dependencies through their
 * public APIs"): a user's install may resolve a newer minor release of either, so nothing
 * of theirs may be substituted, edited or reached into. The build's own esbuild metafiles
 * (tsup `metafile: true`) say what each bundle was made from; `npm test` builds first.
 */
import { readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
interface Metafile {
  inputs: Record<string, { bytes: number }>;
  outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}
const metafiles: [string, Metafile][] = ['esm', 'cjs'].map((f) => [f, JSON.parse(readFileSync(new URL(`dist/metafile-${f}.json`, ROOT), 'utf8')) as Metafile]);

/** The package a bundled input comes from (`chevrotain`, `@chevrotain/gast`, …), or null for our sources. */
function packageOf(input: string): string | null {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? m[1]! : null;
}

/** Source files of the repository, as git lists them. */
const sources = execFileSync('git', ['ls-files', 'src', 'tsup.config.ts', 'vitest.config.ts', 'grammar'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n').filter((f) => /\.(ts|js|mjs)$/.test(f));

describe('the bundles are built from the published dependencies, unchanged', () => {
  for (const [format, meta] of metafiles) {
    it(`${format}: every bundled file is ours or chevrotain's (with its own dependencies), byte for byte as installed`, () => {
      const inputs = Object.entries(meta.inputs);
      const packages = new Set(inputs.map(([i]) => packageOf(i)).filter((p) => p !== null));
      expect([...packages].sort()).toEqual(['@chevrotain/cst-dts-gen', '@chevrotain/gast', '@chevrotain/regexp-to-ast', '@chevrotain/utils', 'chevrotain', 'lodash-es']);
      for (const [input, { bytes }] of inputs) {
        if (packageOf(input) === null) {
          // Our own sources only: no stand-in module for a part of a dependency.
          expect(input, input).toMatch(/^src\/.+\.ts$/);
          continue;
        }
        // What esbuild read is the installed file itself, not contents given by a plugin.
        expect(bytes, input).toBe(statSync(new URL(input, ROOT)).size);
      }
    });

    it(`${format}: chevrotain comes whole, through its package entry, recovery and content assist included`, () => {
      const chevrotain = Object.keys(meta.inputs).filter((i) => packageOf(i) === 'chevrotain').map((i) => i.replace(/.*node_modules\/chevrotain\//, ''));
      for (const module of [
        'lib/src/api.js',
        'lib/src/parse/parser/traits/recoverable.js',
        'lib/src/parse/parser/traits/context_assist.js',
        'lib/src/parse/parser/traits/error_handler.js',
        'lib/src/parse/grammar/llk_lookahead.js',
        'lib/src/parse/errors_public.js',
      ]) expect(chevrotain).toContain(module);
    });

    it(`${format}: decimal.js is not bundled but imported, so the user's installed copy is the one used`, () => {
      // ESM splits the entries' shared code into chunks: the import may stand in any of them.
      const files = format === 'esm' ? Object.values(meta.outputs) : [meta.outputs['dist/index.cjs']!];
      expect(files.flatMap((f) => f.imports)).toContainEqual(expect.objectContaining({ path: 'decimal.js', external: true }));
      expect(Object.keys(meta.inputs).some((i) => packageOf(i) === 'decimal.js')).toBe(false);
    });
  }

  it('no source imports a private module of a dependency, or calls or overrides chevrotain internals', () => {
    expect(sources.length).toBeGreaterThan(50);
    for (const file of sources) {
      const text = readFileSync(new URL(file, ROOT), 'utf8');
      expect(text, file).not.toMatch(/(?:from\s+|import\(\s*|require\(\s*)['"](?:chevrotain|decimal\.js|@chevrotain\/[^'"]+|lodash-es)\/[^'"]+['"]/);
      // Methods chevrotain's types do not offer (or mark internal), once overridden or called here.
      expect(text, file).not.toMatch(/\b(?:SAVE_ERROR|LA_FAST|raiseNoAltException|raiseEarlyExitException|consumeInternal|orInternal|getLookaheadFuncFor\w*|categoryMatches(?:Map)?)\b/);
    }
  });
});
