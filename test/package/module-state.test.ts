import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No module-level mutable state (issue 17, contract.md): a call's result never depends on
 * another caller, and nothing carries data between calls but what a parser object holds.
 * This reads the sources as text: no module-level `let` or `var`; a module-level collection
 * (Map, Set, typed array, array, a unit table) is filled while the module loads (its
 * initializer, or a top-level loop) and never changed by a function afterwards; a module-level
 * unit table is never handed to the resolvers that keep a memo in it.
 */
const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const COLLECTION = /^(?:export )?const ([A-Za-z_$][\w$]*)(?::[^=]+)? = (?:\/\* @__PURE__ \*\/ )?(new (?:Map|Set|WeakMap|WeakSet|Int32Array|Uint8Array|Uint16Array|Array)\b|\[\]|buildUnitTable\()/;
const MUTATES = (name: string): RegExp => new RegExp(`\\b${name}(?:\\.(?:set|add|delete|clear|push|pop|shift|unshift|splice|fill|sort)\\(|\\[[^\\]]+\\]\\s*(?:=[^=]|\\+\\+|--|\\+=|-=|\\|=))`);
const MEMO_RESOLVERS = (name: string): RegExp => new RegExp(`\\bresolveUnit\\([^)]*\\b${name}\\b`);

/** Each line of a file with the top-level statement it belongs to (the last unindented line above it). */
function withStatement(lines: readonly string[]): Array<{ line: string; n: number; top: string }> {
  let top = '';
  return lines.map((line, i) => {
    if (/^\S/.test(line) && !/^[}\])]/.test(line)) top = line;
    return { line, n: i + 1, top };
  });
}

export function moduleStateFindings(file: string, text: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  const where = (n: number) => `${relative(SRC, file)}:${n}`;
  lines.forEach((l, i) => {
    if (/^(?:export )?(?:let|var) /.test(l)) found.push(`${where(i + 1)} module-level ${l.split(' ')[l.startsWith('export') ? 1 : 0]}`);
  });
  for (const m of lines.map((l) => COLLECTION.exec(l)).filter((x) => x !== null)) {
    const name = m[1]!;
    const mutates = MUTATES(name);
    for (const { line, n, top } of withStatement(lines)) {
      // Filled while the module loads: in its own initializer or a top-level loop.
      const atLoad = top.startsWith(`const ${name}`) || top.startsWith(`export const ${name}`) || /^for\s*\(/.test(top);
      if (mutates.test(line) && !atLoad) found.push(`${where(n)} changes module-level ${name}`);
      if (m[2] === 'buildUnitTable(' && MEMO_RESOLVERS(name).test(line)) found.push(`${where(n)} writes the memo of module-level ${name}`);
    }
  }
  return found;
}

/**
 * The one exception, with its reason: clean-up's table of what each UTF-16 code unit is
 * (unchanged, changed by NFKC or a fold, or `<`) is filled as characters are first met,
 * because working it out for all 65 536 at load takes about 9 ms of NFKC. Each entry is a
 * function of the code unit alone (and of the runtime's Unicode data), so no call can make
 * another's result differ: it is the same table whoever filled it.
 */
const ALLOWED = ['text/clean.ts: changes module-level PLAIN'];

describe('no module-level mutable state', () => {
  it('no source keeps data between calls at module level', () => {
    const found = sources(SRC).flatMap((f) => moduleStateFindings(f, readFileSync(f, 'utf8')));
    expect(found.filter((x) => !ALLOWED.includes(x.replace(/:\d+ /, ': ')))).toEqual([]);
    // The exception is still there to be excused (drop it from ALLOWED when it goes).
    expect(ALLOWED.every((a) => found.some((x) => x.replace(/:\d+ /, ': ') === a))).toBe(true);
  });

  it('the check finds what it looks for', () => {
    const f = join(SRC, 'x.ts');
    expect(moduleStateFindings(f, 'let last = null;\nexport function f() {}')).toEqual(['x.ts:1 module-level let']);
    expect(moduleStateFindings(f, 'const SEEN = new Map<string, number>();\nexport function f(k: string) {\n  SEEN.set(k, 1);\n}')).toEqual(['x.ts:3 changes module-level SEEN']);
    expect(moduleStateFindings(f, 'const SLOTS = new Int32Array(8);\nfunction f(i: number) {\n  SLOTS[i & 7] = i;\n}')).toEqual(['x.ts:3 changes module-level SLOTS']);
    expect(moduleStateFindings(f, 'const T = buildUnitTable(UNITS);\nfunction f(s: string) {\n  return resolveUnit(s, T).known;\n}')).toEqual(['x.ts:3 writes the memo of module-level T']);
    // Filled once while loading: a table, not state.
    expect(moduleStateFindings(f, 'const PLAIN = new Uint8Array(4);\nfor (let c = 0; c < 4; c++) {\n  PLAIN[c] = 1;\n}\nconst S = new Set([1]);')).toEqual([]);
  });
});
