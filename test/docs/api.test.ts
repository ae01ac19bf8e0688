import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * docs/api/ is TypeDoc's Markdown of the public API, committed. TypeDoc runs here with the
 * same options (docs/typedoc.json) into a temporary folder, and the two trees must match
 * file for file, byte for byte. Run `npm run docs` after changing the public API.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'indicator-expr-api-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const path = join(d, f);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

describe('docs/api/ (TypeDoc)', () => {
  it('is up to date with the public API (npm run docs)', () => {
    const typedoc = join(ROOT, 'node_modules/typedoc/bin/typedoc');
    const r = spawnSync(process.execPath, [typedoc, '--options', 'docs/typedoc.json', '--out', out, '--logLevel', 'Error'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const fresh = tree(out);
    const committed = tree(join(ROOT, 'docs/api'));
    expect(Object.keys(committed), 'docs/api/ has other pages than TypeDoc gives: run npm run docs').toEqual(Object.keys(fresh));
    for (const [path, text] of Object.entries(fresh)) {
      expect(committed[path], `docs/api/${path} is stale: run npm run docs`).toBe(text);
    }
    expect(Object.keys(fresh)).toEqual(expect.arrayContaining(['README.md', 'index/functions/parseTarget.md', 'grammar/functions/serializedGrammar.md', 'table/README.md', 'table/functions/checkTable.md', 'schema/README.md']));
  }, 180_000);
});
