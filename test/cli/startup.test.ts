import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * The command's entry, `parse` and `eval` start without the table layer and its
 * dependencies (iconv-lite, fflate, saxes): only `check` and `normalize` load them.
 * Followed through the built files' static imports.
 */
const DIST = join(ROOT, 'dist');
const TABLE_DEPENDENCIES = ['iconv-lite', 'fflate', 'saxes'];

function staticImports(file: string): string[] {
  const text = readFileSync(join(DIST, file), 'utf8');
  return [...text.matchAll(/^import\s[^;]*?from\s*"([^"]+)";?$|^import\s*"([^"]+)";?$/gms)].map((m) => m[1] ?? m[2]!);
}

/** Every module a file loads before it runs, itself included. */
function loaded(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of staticImports(file)) {
    if (spec.startsWith('./')) loaded(spec.slice(2), seen);
    else seen.add(spec);
  }
  return seen;
}

function commandFile(command: string): string {
  const m = new RegExp(`import\\("\\./(${command}-[\\w-]+\\.js)"\\)`).exec(readFileSync(join(DIST, 'cli.js'), 'utf8'));
  expect(m, command).not.toBeNull();
  return m![1]!;
}

describe('what each command loads', () => {
  it('the entry, parse and eval load none of the table layer\'s dependencies; check does', () => {
    for (const file of ['cli.js', commandFile('parse'), commandFile('eval')]) {
      const modules = loaded(file);
      for (const dep of TABLE_DEPENDENCIES) expect(modules.has(dep), `${file} loads ${dep}`).toBe(false);
    }
    // The walk does see them where they are.
    expect(loaded(commandFile('check')).has('iconv-lite')).toBe(true);
  });
});
