import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorError, parseQuantity, parseTarget, toJSON, units } from '../../src/index.js';
import { schema } from '../../src/schema.js';
import {
  APPROX_POSTFIX, APPROX_PREFIX, COMPLETION_WORDS, INTENT_WORDS, POSTFIX_OPS, PREFIX_OPS, RANGE_SEPARATORS,
  TREND_MODIFIERS, TREND_WORDS, YEAR_END_WORDS,
} from '../../src/vocab/words.js';

/**
 * Hostile and random input: 100 000 runs in all. Whatever comes in, the only thing ever
 * thrown is IndicatorError (with an offset inside the text), and whatever comes out is
 * valid JSON of the contract's shapes.
 */
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema, 'indicator-expr');
const validTarget = ajv.compile({ $ref: 'indicator-expr#/definitions/Target' });
const validQuantity = ajv.compile({ $ref: 'indicator-expr#/definitions/Quantity' });

function check(text: string): void {
  let out: unknown;
  try {
    out = toJSON(parseTarget(text));
  } catch (e) {
    if (!(e instanceof IndicatorError)) throw e;
    if (e.code !== 'INPUT_TOO_LONG') {
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset + e.length).toBeLessThanOrEqual(text.length);
    }
    expect(e.messages.zh.length).toBeGreaterThan(0);
    expect(e.messages.en.length).toBeGreaterThan(0);
    return;
  }
  const round = JSON.parse(JSON.stringify(out));
  if (!validTarget(round)) throw new Error(`${JSON.stringify(text)} → invalid JSON shape: ${ajv.errorsText(validTarget.errors)}`);
  expect((round as { text: string }).text).toBe(text);
}

const corpus = readFileSync(new URL('../fixtures/corpus/yancheng-2022.tsv', import.meta.url), 'utf8')
  .split('\n').slice(1).filter(Boolean).flatMap((l) => l.split('\t').slice(3));
const seeds = [...new Set([
  ...corpus, '脱贫人口满意度≥90%', '受益户数≥200户,受益脱贫户数≥15户', '2020.1.1-2020.12.31', '介于85%和90%之间', '±3%以内',
  '较上年增长10%', '同比提高不低于3%', '25万6千元', '百分之九十', '2022年12月底前', '100%(历史标准)', '50万元（含）以上',
])];

const vocab = [
  ...PREFIX_OPS.keys(), ...POSTFIX_OPS.keys(), ...APPROX_PREFIX, ...APPROX_POSTFIX, ...TREND_WORDS.keys(), ...TREND_MODIFIERS,
  ...INTENT_WORDS, ...COMPLETION_WORDS, ...YEAR_END_WORDS, ...RANGE_SEPARATORS,
  ...units.slice(0, 60).flatMap((u) => [u.name, ...u.spellings]),
  '%', '‰', '万', '亿', '千万', '年', '月', '日', '底', '前', '(', ')', '（', '）', '[', ']', ',', '，', '且', '±', '/', '*', '·',
  '百分之', '分之', '第', '季度', '<p>', '</p>', '<br/>', '&ge;', '&#8805;', '&', '<', '1', '2022', '12', '31', '3.5', '0', '-',
  '一', '十', '百', '零', '两', '三万五', ' ', '\u3000', '满意度', '健全', '优良中低差', '“', '”', '。', '；',
];

describe('fuzz: parseTarget', () => {
  it('random Unicode strings (30 000 runs)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 30_000 });
  });

  it('strings built from the grammar’s own vocabulary (40 000 runs)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...vocab), { maxLength: 14 }).map((a) => a.join('')), check), { numRuns: 40_000 });
  });

  it('mutations of real cells: inserted, deleted, replaced and doubled pieces (30 000 runs)', () => {
    const mutation = fc.tuple(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace', 'double'), fc.oneof(fc.constantFrom(...vocab), fc.string({ unit: 'binary', maxLength: 2 }))), { maxLength: 4 }),
    ).map(([seed, edits]) => {
      let s = seed;
      for (const [at, how, piece] of edits) {
        const i = s.length === 0 ? 0 : at % (s.length + 1);
        if (how === 'insert') s = s.slice(0, i) + piece + s.slice(i);
        else if (how === 'delete') s = s.slice(0, i) + s.slice(i + 1);
        else if (how === 'replace') s = s.slice(0, i) + piece + s.slice(i + piece.length);
        else s = s + s;
      }
      return s;
    });
    fc.assert(fc.property(mutation, check), { numRuns: 30_000 });
  });

  it('parseQuantity on random and grammar-shaped input', () => {
    const q = (text: string): void => {
      try {
        const out = JSON.parse(JSON.stringify(toJSON(parseQuantity(text))));
        if (!validQuantity(out)) throw new Error(`${JSON.stringify(text)}: ${ajv.errorsText(validQuantity.errors)}`);
      } catch (e) {
        if (!(e instanceof IndicatorError)) throw e;
      }
    };
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.array(fc.constantFrom(...vocab), { maxLength: 4 }).map((a) => a.join(''))), q), { numRuns: 5000 });
  });

  it('every corpus cell gives a valid shape', () => {
    for (const c of seeds) check(c);
  });
});
