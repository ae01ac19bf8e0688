/**
 * A user who imports only `grade`, `toJSON` or the types must not bundle the parser
 * (issue 17): their bundler keeps what those need and drops chevrotain. Checked on the
 * built entry, as a bundler sees the package (`npm test` builds dist/ first).
 *
 * On the build of 0.1.0, `grade` and `toJSON` shared a chunk of dist/ with the parser and
 * brought it along (about 35 KB min+gzip each). The ESM build now gives the parser a chunk
 * of its own (tsup.config.ts), and nothing the other modules run when loaded touches it.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleOf } from '../bench/bundle-size.mjs';

const ENTRY = JSON.stringify(fileURLToPath(new URL('../../dist/index.js', import.meta.url)));

describe('a bundle importing part of the library', () => {
  it('the detection sees the parser in a bundle of the whole entry', async () => {
    expect((await bundleOf(`export * from ${ENTRY};`)).parser).toBe(true);
  });

  it('importing only the types bundles nothing of the library', async () => {
    const b = await bundleOf(`import type { Target, Verdict } from ${ENTRY};\nexport const same = (t: Target, v: Verdict): boolean => v.target === t;`, 'ts');
    expect(b.parser).toBe(false);
    expect(b.min).toBeLessThan(200);
  });

  it('importing only grade bundles no parser', async () => {
    expect((await bundleOf(`export { grade } from ${ENTRY};`)).parser).toBe(false);
  });

  it('importing only toJSON bundles no parser', async () => {
    expect((await bundleOf(`export { toJSON } from ${ENTRY};`)).parser).toBe(false);
  });
});
