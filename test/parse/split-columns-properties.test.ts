import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorError, parseTarget, toJSON, units, type Target, type TargetParts } from '../../src/index.js';
import { toChineseNumeral } from '../../src/numbers/chinese.js';
import { clean } from '../../src/text/clean.js';
import { ANSWER_TERMS } from '../../src/vocab/achievement.js';
import { ANSWER_UNITS, QUALITATIVE_OPS, QUANTITATIVE_OPS } from '../../src/vocab/split-columns.js';
import { MAGNITUDES } from '../../src/vocab/units.js';
import { APPROX_PREFIX, GRADE_WORDS, INTENT_WORDS, PREFIX_OPS, STRICTNESS_NOTES } from '../../src/vocab/words.js';
import { strip } from '../helpers.js';

/**
 * Split columns must read as the joined cell for every spelling the grammar's own vocabulary
 * has: parts are generated from it, each with the cell a table would have written instead.
 */

/** Every character that clean-up turns into `c` (full-width and small forms, folds): found, not listed. */
const LOOK_ALIKES: ReadonlyMap<string, string[]> = (() => {
  const wanted = new Set([...PREFIX_OPS.keys(), ...APPROX_PREFIX].join(''));
  const m = new Map<string, string[]>();
  for (let cp = 0x20; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCharCode(cp);
    const c = clean(`1${ch}1`).text;
    if (c.length !== 3 || c[0] !== '1' || c[2] !== '1') continue;
    const to = c[1]!;
    if (to !== ch && wanted.has(to)) m.set(to, [...(m.get(to) ?? []), ch]);
  }
  return m;
})();

/** A spelling with some of its characters written as look-alikes. */
const lookAlike = (word: string): fc.Arbitrary<string> =>
  fc.tuple(...[...word].map((ch) => fc.constantFrom(ch, ...(LOOK_ALIKES.get(ch) ?? [])))).map((cs) => cs.join(''));

/** Words with 或 may be written with 或者 (forms.md §4). */
const withHuozhe = (w: string): string[] => (w.includes('或') ? [w, w.replace('或', '或者')] : [w]);

const comparatorWord = fc.constantFrom(...[...PREFIX_OPS.keys(), ...APPROX_PREFIX].flatMap(withHuozhe)).chain(lookAlike);
const space = fc.constantFrom('', ' ', '\u3000');
const strictness = fc.constantFrom('', ...[...STRICTNESS_NOTES.keys()].flatMap((w) => [`（${w}）`, `(${w})`]));

/** An op column with a comparator, and where each of its parts stands in the joined cell. */
const comparatorOp = fc.record({
  intent: fc.constantFrom('', '', ...INTENT_WORDS),
  word: comparatorWord,
  bracket: strictness,
  pad: space,
});

const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }))
  .map(([i, f]) => (f === undefined ? i.toString() : `${i}.${f}`));
const number = fc.oneof(
  decimal,
  fc.bigInt({ min: 1n, max: 10n ** 8n }).map(toChineseNumeral),
  fc.constantFrom('三万五', '两千六', '3万4000', '25万6千', '百分之九十', '1,200', '0.5'),
);

const spellings = units.flatMap((u) => [u.name, ...u.spellings]);
const gloss = fc.constantFrom('', '', '(百分比)', '（人民币）', '(计划标准)', '（历史标准）');
const unit = fc.tuple(
  fc.oneof(
    fc.constantFrom('%', '‰', '‱', '个工作日', '元/人', '万元/人', '元/人*月', '次/年', '元/平米', ''),
    fc.tuple(fc.constantFrom('', ...MAGNITUDES.keys()), fc.constantFrom(...spellings)).map(([m, u]) => m + u),
  ),
  gloss,
).map(([u, g]) => (u === '' ? '' : u + g));

const scale = fc.tuple(fc.shuffledSubarray([...GRADE_WORDS], { minLength: 2, maxLength: 5 }), fc.constantFrom('', '、', '/'))
  .map(([g, sep]) => g.join(sep));
const term = fc.oneof(scale, fc.constantFrom('健全', '有效', '合格', '按时完成', '符合要求', '优良', '较上年提高', '2023年底前'));

/** Parts and the cell a table would have written in one column. */
const splitRow: fc.Arbitrary<{ parts: TargetParts; joined: string; comparator?: boolean }> = fc.oneof(
  fc.tuple(comparatorOp, number, unit).map(([op, v, u]) => ({
    parts: { op: `${op.pad}${op.intent}${op.word}${op.bracket}${op.pad}`, value: v, unit: u },
    joined: `${op.intent}${op.word}${v}${u}${op.bracket}`,
    comparator: true,
  })),
  fc.tuple(fc.constantFrom('', ' ', ...QUANTITATIVE_OPS), number, unit).map(([op, v, u]) => ({ parts: { op, value: v, unit: u }, joined: `${v}${u}` })),
  fc.tuple(fc.constantFrom(...QUALITATIVE_OPS), term).map(([op, t]) => ({ parts: { op, value: t }, joined: t })),
  fc.tuple(fc.constantFrom('', '=', '﹦', QUALITATIVE_OPS[0]!), fc.constantFrom(...ANSWER_TERMS.keys()), fc.constantFrom(...ANSWER_UNITS))
    .map(([op, v, u]) => ({ parts: { op, value: v, unit: u }, joined: v })),
);

function attempt(input: string | TargetParts): Target | IndicatorError {
  try {
    return parseTarget(input);
  } catch (e) {
    if (e instanceof IndicatorError) return e;
    throw e;
  }
}

const inside = (e: IndicatorError, text: string): boolean =>
  e.input === text && e.offset >= 0 && e.length >= 0 && e.offset + e.length <= text.length;

describe('property: split columns give the target of the joined cell', () => {
  it('the look-alikes are found (the generator is not empty)', () => {
    expect(LOOK_ALIKES.get('=')).toContain('﹦');
    expect(LOOK_ALIKES.get('≥')).toContain('≧');
    expect(LOOK_ALIKES.get('>')).toContain('＞');
  });

  it('parseTarget(parts) equals parseTarget(joined) up to text; where the cell is rejected, so are the parts', () => {
    let read = 0;
    fc.assert(
      fc.property(splitRow, ({ parts, joined, comparator }) => {
        const whole = attempt(joined);
        const split = attempt(parts);
        const text = `${parts.op ?? ''}${parts.value}${parts.unit ?? ''}`;
        if (whole instanceof IndicatorError) {
          expect(split).toBeInstanceOf(IndicatorError);
          expect(inside(split as IndicatorError, text)).toBe(true);
          return;
        }
        // An intent word run into a comparator word (`确保` + `不低于于` lexes as `确保不低于` + `于`)
        // makes the whole cell a term; an op column holding it is named (UNKNOWN_OP), not taken as a term.
        if (split instanceof IndicatorError && comparator === true && whole.kind === 'qualitative') {
          expect(split.code).toBe('UNKNOWN_OP');
          return;
        }
        if (split instanceof IndicatorError) throw new Error(`${JSON.stringify(parts)}: ${split.code} at ${split.offset}, but ${joined} parses`);
        expect(strip(toJSON(split))).toEqual(strip(toJSON(whole)));
        expect(split.text).toBe(text);
        read++;
      }),
      { numRuns: 2000 },
    );
    // Most generated rows are cells the parser reads: the comparison is not vacuous.
    expect(read).toBeGreaterThan(1500);
  });

  it('whatever the columns hold: a target whose text is their join, or a typed error inside that text', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('', '≥', '≈≈', '定性', '定量', '/', '不适用', '良好', '是', '是/否', '%(百分比)', '(', '（含', '个工做日', '亿园', '90%-85', '5%-3天'),
      comparatorWord,
      number,
      unit,
    );
    fc.assert(
      fc.property(fc.option(piece, { nil: undefined }), piece, fc.option(piece, { nil: undefined }), (op, value, u) => {
        const text = `${op ?? ''}${value}${u ?? ''}`;
        const r = attempt({ op, value, unit: u });
        if (r instanceof IndicatorError) expect(inside(r, text), `${r.code} ${r.offset}+${r.length} in ${text}`).toBe(true);
        else expect(r.text).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
