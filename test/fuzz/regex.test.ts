import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every regular expression literal in src/, found by reading the source (so a new one is
 * covered the day it is written), run on adversarial input: long runs of each character
 * the pattern names, of characters it does not, and of alternations of them, each ended by
 * a character that makes the match fail late. Time on an input ten times longer must grow
 * about tenfold (medians, a generous bound), never like a square.
 */
const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Regex literals: a `/` after an operator-like character, up to the closing `/` and flags. */
function literals(code: string): { source: string; flags: string }[] {
  const out: { source: string; flags: string }[] = [];
  const re = /(?<=[=(,:!&|?;{}\[]\s*|return\s+|\.test\(|^\s*)\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuy]*)/gm;
  for (const m of code.matchAll(re)) {
    const [, source, flags] = m;
    if (source!.startsWith('/') || source!.startsWith('*')) continue; // comments
    try {
      new RegExp(source!, flags);
      out.push({ source: source!, flags: flags! });
    } catch {
      // Not a regex (a division in an expression): skip.
    }
  }
  return out;
}

const patterns = new Map<string, { source: string; flags: string; file: string }>();
for (const f of files(SRC)) {
  // Comments may quote a pattern (`not /0+$/, which is quadratic`): only code counts.
  const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  for (const p of literals(code)) {
    const key = `/${p.source}/${p.flags}`;
    if (!patterns.has(key)) patterns.set(key, { ...p, file: f.slice(SRC.length + 1) });
  }
}

/** Characters worth repeating for a pattern: those it names, and a few it does not. */
function alphabet(source: string): string[] {
  const named = new Set<string>();
  for (const m of source.matchAll(/\\u([0-9a-fA-F]{4})|\\(.)|([^\\[\]()?*+{}|^$.])/g)) {
    if (m[1]) named.add(String.fromCharCode(parseInt(m[1], 16)));
    else if (m[2]) named.add({ d: '7', w: 'a', s: ' ', n: '\n', t: '\t', D: 'x', W: '!', S: 'x' }[m[2]] ?? m[2]);
    else if (m[3]) named.add(m[3]);
  }
  for (const c of ['0', '9', 'a', '一', ' ', ':', '.', ',', '-', '%', '<', '&', '年', '万', '\n']) named.add(c);
  return [...named].filter((c) => c.length === 1 || /\p{L}/u.test(c)).slice(0, 40);
}

function median(f: () => void, runs = 5): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) { const a = performance.now(); f(); t.push(performance.now() - a); }
  return t.sort((x, y) => x - y)[Math.floor(runs / 2)]!;
}

describe('regular expressions against catastrophic backtracking', () => {
  it('finds the package’s patterns', () => {
    expect(patterns.size).toBeGreaterThan(40);
  });

  it.each([...patterns.values()].map((p) => [`${p.file}: /${p.source}/${p.flags}`, p] as const))('%s', (_name, p) => {
    const re = new RegExp(p.source, p.flags.replace('g', '').replace('y', ''));
    const chars = alphabet(p.source);
    const shapes: ((n: number) => string)[] = [];
    for (const c of chars) {
      shapes.push((n) => c.repeat(n) + '\u0001');
      shapes.push((n) => `${c}${'0'.repeat(n)}\u0001`);
    }
    for (let i = 0; i + 1 < chars.length; i += 2) shapes.push((n) => (chars[i]! + chars[i + 1]!).repeat(n >> 1) + '\u0001');
    let worst = 0;
    let worstShape = '';
    for (const shape of shapes) {
      const small = shape(2000);
      const large = shape(20000);
      const a = median(() => re.test(small));
      if (a < 0.05) {
        // Too fast to time at 2000: a quadratic pattern would already show here at 20000.
        const b = median(() => re.test(large), 3);
        if (b > 50) { worst = b; worstShape = JSON.stringify(large.slice(0, 12)); }
        continue;
      }
      const b = median(() => re.test(large), 3);
      const g = b / a;
      if (g > worst) { worst = g; worstShape = JSON.stringify(large.slice(0, 12)); }
    }
    expect(worst, `worst growth ${worst.toFixed(1)} on ${worstShape}…`).toBeLessThan(40);
  });
});
