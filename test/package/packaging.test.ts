import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as users get it: packed with `npm pack`, installed into an empty project,
 * and used through `import`, `require`, a type-checked TypeScript file, an esbuild browser
 * bundle and the `indicator-expr` command. `npm test` builds dist/ first.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
let work = '';
let app = '';

function sh(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'indicator-expr-pack-'));
  sh('npm', ['pack', '--pack-destination', work, '--silent'], ROOT);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // The registry (or npm's cache, filled by `npm ci`) provides the runtime dependencies.
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, tarball)], app);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the published package', () => {
  it('passes publint --strict', () => {
    const out = sh(join(BIN, 'publint'), ['--strict'], ROOT);
    expect(out).toMatch(/All good/);
  }, 120_000);

  it('has correct types for every entry (attw: node10, node16 CJS and ESM, bundler)', () => {
    // The strict profile: node10 included, whose subpaths come from typesVersions.
    const r = spawnSync(join(BIN, 'attw'), ['--pack', '.', '--format', 'ascii'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/💀|❌|🐛|⚠️|🥴|🎭|❗️|ignored/u);
    expect(r.stdout).toMatch(/No problems found/);
    expect(r.status).toBe(0);
  }, 180_000);

  it('works through import (ESM)', () => {
    writeFileSync(join(app, 'esm.mjs'), `import { parseTarget, toJSON } from 'indicator-expr';
console.log(JSON.stringify(toJSON(parseTarget('≥50亿元')).quantity.base));`);
    expect(sh(process.execPath, ['esm.mjs'], app).trim()).toBe('{"value":"5000000000","unit":"元"}');
  });

  it('ships the JSON Schema as a module and as plain JSON, the same', () => {
    writeFileSync(join(app, 'schema.mjs'), `import { schema } from 'indicator-expr/schema';
import { createRequire } from 'node:module';
const json = createRequire(import.meta.url)('indicator-expr/schema.json');
console.log(JSON.stringify(schema) === JSON.stringify(json), Object.keys(schema.definitions).join(','));`);
    expect(sh(process.execPath, ['schema.mjs'], app).trim()).toBe('true Decimal,DateParts,Quantity,Target,Verdict,Score');
  });

  it('works through require (CommonJS)', () => {
    writeFileSync(join(app, 'cjs.cjs'), `const { parseTarget, IndicatorError } = require('indicator-expr');
try { parseTarget('≥'); } catch (e) { console.log(e instanceof IndicatorError, e.code); }`);
    expect(sh(process.execPath, ['cjs.cjs'], app).trim()).toBe('true MISSING_NUMBER');
  });

  it('bundles for the browser with esbuild', () => {
    writeFileSync(join(app, 'web.js'), `import { parseTarget, format } from 'indicator-expr';
globalThis.result = format(parseTarget('控制在90%左右'));`);
    sh(join(BIN, 'esbuild'), ['web.js', '--bundle', '--platform=browser', '--format=iife', '--outfile=web.bundle.js', '--log-level=error'], app);
    const run = `globalThis.window = globalThis; require('./web.bundle.js'); console.log(globalThis.result);`;
    expect(sh(process.execPath, ['-e', run], app).trim()).toBe('90%左右');
  }, 120_000);

  it('installs the indicator-expr command', () => {
    const out = sh(join(app, 'node_modules', '.bin', 'indicator-expr'), ['parse', '=207项'], app);
    expect(JSON.parse(out)).toMatchObject({ kind: 'compare', quantity: { unit: '项' } });
  });
});

/**
 * The types as a TypeScript user gets them: each folder of test/types/ is a consumer
 * project for one module resolution mode (its tsconfig.json, its package.json `type`, a
 * mode.ts of what only that mode can write), and test/types/consumer.ts, copied into
 * each, uses every subpath and the public API, with lines that must not compile; the
 * TypeScript examples of the README and the docs are checked beside it, as written.
 * `tsc --noEmit -p` checks it against the package installed from the tarball above,
 * never against the repository through a symlink or self-reference: a file left out of
 * `files`, a dependency the declarations need but package.json does not list, or an
 * export condition that only the repository's own layout satisfies fails here as it
 * would for a user. `skipLibCheck: false` checks the shipped declarations themselves.
 */
describe('the published types under every resolution mode', () => {
  const TYPES = join(ROOT, 'test', 'types');
  const modes = readdirSync(TYPES).filter((m) => existsSync(join(TYPES, m, 'tsconfig.json')));

  beforeAll(() => {
    // The consumers use node's types (the /table subpath is for Node), as a Node project has them.
    mkdirSync(join(app, 'node_modules', '@types'), { recursive: true });
    const typesNode = join(app, 'node_modules', '@types', 'node');
    if (!existsSync(typesNode)) symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), typesNode, 'dir');
  });

  /** The TypeScript example of docs/<lang>/recipes.md ("In TypeScript"), its comments removed. */
  const docsExample = (lang: string, comments = true): string => {
    const page = readFileSync(join(ROOT, 'docs', lang, 'recipes.md'), 'utf8');
    const code = /\n## [^\n]*TypeScript[^\n]*\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
    return comments ? code : code.replace(/ *\/\/.*$/gm, '');
  };

  /** The TypeScript blocks of README.md, each a module of its own. */
  const readmeExamples = (): string[] => [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('shows the same TypeScript example in both languages of the docs', () => {
    expect(docsExample('en', false)).toMatch(/from 'indicator-expr'/);
    expect(docsExample('zh', false)).toBe(docsExample('en', false));
  });

  it('finds the README\'s TypeScript examples', () => {
    expect(readmeExamples().length).toBeGreaterThanOrEqual(3);
  });

  it('has a project for node16 ESM and CJS, nodenext, bundler and node10', () => {
    expect(modes).toEqual(expect.arrayContaining(['node16-esm', 'node16-cjs', 'nodenext-esm', 'bundler', 'node10']));
  });

  it.each(modes)('type-checks the consumer and the examples under %s', (mode) => {
    const dir = join(app, mode);
    cpSync(join(TYPES, mode), dir, { recursive: true });
    cpSync(join(TYPES, 'consumer.ts'), join(dir, 'consumer.ts'));
    writeFileSync(join(dir, 'docs-example.ts'), docsExample('en'));
    // The README's examples as written; top-level await only where the file is a module.
    const cjs = mode === 'node10' || mode.endsWith('-cjs');
    readmeExamples().forEach((code, i) => {
      if (!(cjs && /^for await|^await /m.test(code))) writeFileSync(join(dir, `readme-${i + 1}.ts`), code);
    });
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 180_000);
});
