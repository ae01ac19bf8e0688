import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const TABLE_PACKAGES = ['iconv-lite', 'fflate', 'saxes'];

/** Every module the library entry loads, by following its static imports. */
function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

it('importing indicator-expr loads neither the table layer nor its dependencies', () => {
  const { files, packages } = graph(resolve(SRC, 'index.ts'));
  expect([...files].filter((f) => f.includes('/table/'))).toEqual([]);
  expect([...packages].filter((p) => TABLE_PACKAGES.includes(p))).toEqual([]);
  // The scan does see the table layer's own imports: it is not vacuous.
  expect([...graph(resolve(SRC, 'table/index.ts')).packages].sort()).toEqual(expect.arrayContaining(TABLE_PACKAGES));
});
