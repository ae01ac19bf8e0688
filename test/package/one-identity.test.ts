import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `import` and `require` load two builds of the package (dist/index.js and dist/index.cjs),
 * each with its own classes; a program whose dependencies use both has both in one process.
 * What one build makes must be recognised by the other. The script runs in one Node
 * process (not through vitest's module loader), reaching each build the way a user does:
 * by the package's own name, through its `exports` (the `import` and the `require`
 * condition). `npm test` builds dist/ first.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const SCRIPT = `
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
const esm = await import('indicator-expr');
const cjs = createRequire(import.meta.url)('indicator-expr');
const thrown = (lib, text) => { try { lib.parseTarget(text); } catch (e) { return e; } return null; };
const out = {};
out.distinctClasses = esm.IndicatorError !== cjs.IndicatorError;
for (const [name, made, other] of [['esm', esm, cjs], ['cjs', cjs, esm]]) {
  const e = thrown(made, '≥');
  const v = made.evaluate('≥50亿元', '45亿元');
  const parts = made.evaluate('≥85%且≤90%', '95%');
  const s = made.score('≥90%', '85%', 10);
  out[name] = {
    code: e.code,
    instanceOfOther: e instanceof other.IndicatorError,
    guardOfOther: other.isIndicatorError(e),
    stillError: e instanceof Error,
    verdictOfOther: other.isVerdict(v),
    partsOfOther: parts.parts.every((p) => other.isVerdict(p)),
    scoreOfOther: other.isScore(s),
    verdictJSON: JSON.stringify(other.toJSON(v)) === JSON.stringify(made.toJSON(v)),
    partsJSON: JSON.stringify(other.toJSON(parts)) === JSON.stringify(made.toJSON(parts)),
    scoreJSON: JSON.stringify(other.toJSON(s)) === JSON.stringify(made.toJSON(s)),
    // Look-alikes are not: a spread copy, a plain Error, an object with the same fields.
    copyIsVerdict: other.isVerdict({ ...v }),
    copyIsScore: other.isScore({ ...s }),
    plainError: new Error('x') instanceof other.IndicatorError || other.isIndicatorError({ ...e, code: e.code }),
    // The class's own name, as consoles print it (a bundler renames a class that refers to itself).
    names: [made.IndicatorError.name, e.constructor.name, inspect(e).split(':')[0]],
  };
  // A caller's own subclass keeps the ordinary instanceof: the other build's error is not one.
  class Mine extends other.IndicatorError {}
  out[name].subclass = [e instanceof Mine, new Mine('EMPTY', { offset: 0, length: 0 }, '') instanceof other.IndicatorError];
}
// indicator-expr/table: its own two builds, and TableError with them.
const esmTable = await import('indicator-expr/table');
const cjsTable = createRequire(import.meta.url)('indicator-expr/table');
out.table = {
  distinctClasses: esmTable.TableError !== cjsTable.TableError,
  esmToCjs: new esmTable.TableError('UNKNOWN_FORMAT', { format: 'x' }) instanceof cjsTable.TableError,
  cjsToEsm: cjsTable.isTableError(new cjsTable.TableError('UNKNOWN_FORMAT', { format: 'x' })) && esmTable.isTableError(new cjsTable.TableError('UNKNOWN_FORMAT', { format: 'x' })),
  notIndicatorError: new esmTable.TableError('UNKNOWN_FORMAT', { format: 'x' }) instanceof cjs.IndicatorError,
  names: [esmTable.TableError.name, cjsTable.TableError.name, inspect(new cjsTable.TableError('UNKNOWN_FORMAT', { format: 'x' })).split(':')[0]],
};
console.log(JSON.stringify(out));
`;

describe('one identity across import and require', () => {
  it('recognises errors (TableError too), verdicts and scores of the other build, and no look-alike', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const each = {
      code: 'MISSING_NUMBER', instanceOfOther: true, guardOfOther: true, stillError: true,
      verdictOfOther: true, partsOfOther: true, scoreOfOther: true, verdictJSON: true, partsJSON: true, scoreJSON: true,
      copyIsVerdict: false, copyIsScore: false, plainError: false, subclass: [false, true],
      names: ['IndicatorError', 'IndicatorError', 'IndicatorError'],
    };
    expect(out).toEqual({
      distinctClasses: true, esm: each, cjs: each,
      table: { distinctClasses: true, esmToCjs: true, cjsToEsm: true, notIndicatorError: false, names: ['TableError', 'TableError', 'TableError'] },
    });
  });
});
