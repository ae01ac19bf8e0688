import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

  it('has correct types for every entry (attw, node16 and bundler resolution)', () => {
    const r = spawnSync(join(BIN, 'attw'), ['--pack', '.', '--profile', 'node16', '--format', 'ascii'], { cwd: ROOT, encoding: 'utf8' });
    // Node 10 resolution predates "exports" and cannot see subpaths: ignored on purpose.
    const findings = (r.stdout + r.stderr).split('\n').filter((l) => !/ignored/.test(l));
    expect(findings.join('\n')).not.toMatch(/💀|❌|🐛|⚠️|🥴|🎭|❗️/u);
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

  it('type-checks a TypeScript consumer with tsc', () => {
    writeFileSync(join(app, 'use.ts'), `import { parseTarget, tryParseTarget, type Target, type Quantity } from 'indicator-expr';
const t: Target = parseTarget('≥95%');
if (t.kind === 'compare') { const q: Quantity = t.quantity; const s: string = q.base.value.toFixed(); void s; }
const r = tryParseTarget('x');
if (!r.ok) { const code: string = r.error.code; void code; }
// @ts-expect-error a number is not a target cell
parseTarget(5);
`);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] },
      files: ['use.ts'],
    }));
    sh(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], app);
  }, 120_000);

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
