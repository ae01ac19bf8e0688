/**
 * The built entry parses exactly as the sources do. The bundles carry chevrotain inside
 * them (tsup.config.ts); the sources under vitest import it from node_modules. So every
 * outcome is compared, ESM and CommonJS alike: the JSON of a
 * target, or the code, offset, length and both messages of an error, on the corpus, on
 * cells generated from the grammar's vocabulary (most of them rejected, so the parser's
 * error paths run), on generated well-formed cells, and on random strings. `npm test`
 * builds `dist/` first (pretest).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as src from '../../src/index.js';
import { serializedGrammar } from '../../src/grammar.js';
import { TREND_MODIFIERS, TREND_WORDS, PREFIX_OPS, POSTFIX_OPS, APPROX_PREFIX, APPROX_POSTFIX, RANGE_SEPARATORS, INTENT_WORDS, COMPLETION_WORDS, YEAR_END_WORDS } from '../../src/vocab/words.js';

type Entry = Pick<typeof src, 'parseTarget' | 'toJSON' | 'IndicatorError' | 'evaluate'>;
const esm = (await import(new URL('../../dist/index.js', import.meta.url).href)) as Entry;
const cjs = createRequire(import.meta.url)('../../dist/index.cjs') as Entry;
const builtGrammar = (await import(new URL('../../dist/grammar.js', import.meta.url).href)) as { serializedGrammar: typeof serializedGrammar };

function outcome(lib: Entry, text: string): unknown {
  try {
    return lib.toJSON(lib.parseTarget(text));
  } catch (e) {
    if (!(e instanceof lib.IndicatorError)) return { crashed: String(e) };
    return { code: e.code, offset: e.offset, length: e.length, messages: e.messages };
  }
}
function same(text: string): void {
  const want = outcome(src, text);
  expect(outcome(esm, text), text).toEqual(want);
  expect(outcome(cjs, text), text).toEqual(want);
}

const corpus = readFileSync(new URL('../fixtures/corpus/yancheng-2022.tsv', import.meta.url), 'utf8')
  .split('\n').slice(1).filter(Boolean).flatMap((l) => l.split('\t').slice(3));
const vocab = [
  ...PREFIX_OPS.keys(), ...POSTFIX_OPS.keys(), ...APPROX_PREFIX, ...APPROX_POSTFIX, ...TREND_WORDS.keys(), ...TREND_MODIFIERS,
  ...INTENT_WORDS, ...COMPLETION_WORDS, ...YEAR_END_WORDS, ...RANGE_SEPARATORS,
  ...src.units.slice(0, 40).flatMap((u) => [u.name, ...u.spellings]),
  '%', '万', '亿', '年', '月', '日', '底', '前', '(', ')', '[', ']', ',', '且', '±', '/', '百分之', '第', '季度',
  '1', '2022', '12', '3.5', '0', '-', '一', '十', '三万五', ' ', '满意度', '健全',
];
const decimal = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }))
  .map(([i, f]) => (f === undefined ? i.toString() : `${i}.${f}`));
const wellFormed = fc.oneof(
  fc.tuple(fc.constantFrom('', '满意度', '受益户数'), fc.constantFrom('=', '≥', '≤', '>', '<', '不低于', '达到', ''), decimal, fc.constantFrom('%', '万元', '个工作日', '人', '亿元', '元/人*月', ''))
    .map(([l, o, v, u]) => `${l}${o}${v}${u}`),
  fc.tuple(decimal, decimal, fc.constantFrom('%', '万元', '')).map(([a, b, u]) => `${a}${u}-${b}${u}`),
  fc.tuple(fc.constantFrom(...TREND_MODIFIERS, ''), fc.constantFrom(...TREND_WORDS.keys()), decimal).map(([m, w, v]) => `${m}${w}${v}%`),
  fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}年${m}月底前`),
  fc.tuple(decimal, decimal).map(([a, b]) => `≥${a}%且≤${b}%,介于${a}和${b}之间`),
);

describe('the built entry parses as the sources do (chevrotain bundled)', () => {
  it('every cell of the corpus', () => {
    expect(corpus.length).toBe(174);
    for (const text of corpus) same(text);
  });

  it('cells built from the grammar’s vocabulary, mostly rejected (6 000 runs)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 8 }).map((a) => a.join('')), same), { numRuns: 6000 });
  });

  it('generated well-formed cells (3 000 runs)', () => {
    fc.assert(fc.property(wellFormed, same), { numRuns: 3000 });
  });

  it('random strings (3 000 runs)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), same), { numRuns: 3000 });
  });

  it('verdicts, on the corpus against actual values of each kind', () => {
    for (const target of new Set(corpus)) {
      for (const actual of ['95%', '3', '是', '2022年11月', '提高2%']) {
        const json = (lib: Entry) => JSON.stringify(lib.evaluate(target, actual));
        expect(json(esm), `${target} / ${actual}`).toBe(json(src));
        expect(json(cjs), `${target} / ${actual}`).toBe(json(src));
      }
    }
  });

  it('the serialized grammar of indicator-expr/grammar', () => {
    expect(builtGrammar.serializedGrammar()).toEqual(serializedGrammar());
  });

  // With chevrotain as published and decimal.js, 52.2 KB come before any code of ours (npm run
  // bench:size): importing createToken alone brings 39.2 KB of chevrotain (its EOF token is
  // made at load with its Lexer's NA pattern, and its parser's traits are mixed in at load),
  // decimal.js is 13.0 KB. parseTarget alone bundles to about 93 KB,
  // so issue 17's 90 KB is not met (docs/performance.md, "Size of the entry" and "Size by part",
  // which say what each kind of plan adds). The entry is 111.6 KB (114 264 B): 0.9 KB more than
  // after the last size work, for the build's errors as values and ranges out of order answered
  // from their ends ("Rebuilt errors"), quantity plans of ratios and four-digit amounts ("evaluate"),
  // and verdict messages written when read. This limit, 0.3 KB above it, stops growth
  // unnoticed: raise it only with the reason in that page.
  it('the library entry with everything it imports stays within 111.9 KB minified and gzipped', async () => {
    // As `npm run bench` measures it: dist/index.js with decimal.js, bundled and minified.
    const out = await build({
      entryPoints: [new URL('../../dist/index.js', import.meta.url).pathname], bundle: true, minify: true, format: 'esm',
      platform: 'neutral', mainFields: ['module', 'main'], write: false, logLevel: 'silent',
    });
    const gz = gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(111.9 * 1024);
  });
});
