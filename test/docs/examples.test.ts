import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Every TypeScript example of the README and the docs compiles and runs as written, the
 * way a user pastes it: against the built package (`npm test` builds first), imported by its
 * name (`indicator-expr`, resolved through package.json's exports, as an install resolves
 * it), type-checked strictly with `skipLibCheck: false` under node16 resolution, then run
 * from the repository's root, where the README's example table lies.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so that `indicator-expr` resolves to this package by its own name.
const WORK = join(ROOT, 'test', '.examples');
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const pages = [
  'README.md',
  'grammar/README.md',
  ...['en', 'zh'].flatMap((lang) => readdirSync(join(ROOT, 'docs', lang)).filter((f) => f.endsWith('.md')).map((f) => `docs/${lang}/${f}`)),
];

/** The API reference's examples (TypeDoc's `## Example(s)` sections; its other code blocks are signatures). */
const apiPages = (dir: string): string[] => readdirSync(join(ROOT, dir), { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? apiPages(`${dir}/${e.name}`) : e.name.endsWith('.md') ? [`${dir}/${e.name}`] : []));

interface Example { readonly page: string; readonly index: number; readonly code: string; readonly file: string }
const examplesOf = (page: string, pattern: RegExp): Example[] => [...readFileSync(join(ROOT, page), "utf8").matchAll(pattern)]
  .map((m, index) => ({ page, index, code: m[1]!, file: `${page.replace(/[/.]/g, "_")}_${index}` }));
const examples: Example[] = [
  ...pages.flatMap((page) => examplesOf(page, /^```ts\n([\s\S]*?)^```/gm)),
  ...apiPages('docs/api').flatMap((page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const at = text.search(/^#+ Examples?$/m);
    if (at < 0) return [];
    const section = text.slice(at).replace(/^#+ Examples?$/m, '').split(/^#+ /m)[0]!;
    return [...section.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m, index) => ({ page, index, code: m[1]!, file: `${page.replace(/[/.]/g, '_')}_${index}` }));
  }),
];

for (const e of examples) writeFileSync(join(WORK, `${e.file}.mts`), e.code);
writeFileSync(join(WORK, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    target: 'ES2022', module: 'Node16', moduleResolution: 'Node16', strict: true,
    skipLibCheck: false, noEmit: true, types: ['node'], lib: ['ES2022', 'DOM'],
  },
  include: ['*.mts'],
}));

describe('the examples of the README and the docs', () => {
  it('are found', () => {
    expect(examples.filter((e) => e.page === 'README.md').length).toBeGreaterThanOrEqual(4);
    expect(examples.filter((e) => e.page.startsWith('docs/api/table/')).length).toBeGreaterThanOrEqual(2);
    expect(examples.filter((e) => e.page.startsWith('docs/api/schema/')).length).toBeGreaterThanOrEqual(1);
  });

  it('compile under node16 resolution with skipLibCheck: false', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', WORK], { cwd: WORK, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it.each(examples.map((e) => [`${e.page} #${e.index + 1}`, e] as const))('%s runs', (_, e) => {
    const js = ts.transpileModule(e.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const path = join(WORK, `${e.file}.mjs`);
    writeFileSync(path, js);
    const r = spawnSync(process.execPath, [path], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the README\'s first example prints what the README says it prints', () => {
    const first = examples.find((e) => e.page === 'README.md')!;
    expect(first.code.trim().split('\n')).toHaveLength(5);
    const r = spawnSync(process.execPath, [join(WORK, `${first.file}.mjs`)], { cwd: ROOT, encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const line of lines) expect(readme).toContain(`\`${line}\``);
  });
});
