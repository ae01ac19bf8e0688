import { types } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createParser, evaluate, IndicatorError, parseTarget, score, toJSON, tryParseTarget, type CompareTarget, type Target } from '../../src/index.js';
import { errorFrom } from '../../src/errors.js';
import { CACHE_SIZE, TargetCache } from '../../src/parse/cache.js';
import { hashOf } from '../../src/parse/hash.js';
import { CellParser } from '../../src/parse/grammar.js';
import { DEFAULT_ENGINE, makeEngine, parseTargetFresh, parseTargetValue, type ParseOptions } from '../../src/parse/parse.js';
import { UNITS } from '../../src/vocab/units.js';

/** As the parser uses the cache: the kept answer, or the parse's, kept if seen before. */
function through(cache: TargetCache, key: string, parse: () => Target | IndicatorError, locale: 'zh' | 'en'): Target | IndicatorError {
  return cache.get(key, locale) ?? cache.put(key, parse());
}

/** What an attacker can reach inside a decimal: decimal.js keeps its digits in an array `d`. */
function tamperDecimal(d: unknown): void {
  const digits = (d as { d: number[] }).d;
  if (Array.isArray(digits) && !Object.isFrozen(digits)) digits[0] = 1;
}

/** Tampers with every decimal a caller can reach in the target's quantity. */
function tamper(t: Target): void {
  const q = (t as CompareTarget).quantity;
  for (const d of [q.value, q.base.value]) tamperDecimal(d);
  // Whatever else a quantity holds, as far as a caller can reach it.
  for (const k of [...Object.getOwnPropertyNames(q), ...Object.getOwnPropertySymbols(q)]) {
    const v = (q as unknown as Record<PropertyKey, unknown>)[k];
    if (v !== null && typeof v === 'object') for (const x of Object.values(v)) tamperDecimal(x);
  }
}

describe('the cache of parsed cells', () => {
  it('keeps a repeated cell that does not parse: parsed once, each caller its own error in its own locale', () => {
    const cache = new TargetCache();
    let parses = 0;
    const fail = (): IndicatorError => {
      parses++;
      return new IndicatorError('NOT_APPLICABLE', { offset: 0, length: 3 }, '不适用', {}, 'zh');
    };
    const errors: IndicatorError[] = [];
    // The first two callers get the parse's own errors (the parse reads in their locale).
    const locales = ['zh', 'zh', 'en', 'zh', 'en'] as const;
    for (let i = 0; i < 5; i++) {
      const r = through(cache, '不适用', fail, locales[i]!);
      if (r instanceof IndicatorError) errors.push(r);
      // A caller who changes its error changes no later one.
      if (i < 2) (r as { code: string }).code = 'EMPTY';
    }
    // Seen once (not kept), seen twice (kept), then answered from the cache.
    expect(parses).toBe(2);
    expect(errors).toHaveLength(5);
    expect(new Set(errors).size).toBe(5);
    for (const [i, e] of errors.entries()) {
      expect(e).toBeInstanceOf(IndicatorError);
      expect({ code: e.code, offset: e.offset, length: e.length, input: e.input, messages: e.messages })
        .toEqual({ code: i < 2 ? 'EMPTY' : 'NOT_APPLICABLE', offset: 0, length: 3, input: '不适用', messages: errors[0]!.messages });
      expect(e.message).toBe(e.messages[locales[i]!]);
    }
    // What else a parse throws is not kept.
    let other = 0;
    for (let i = 0; i < 3; i++) {
      expect(() => through(cache, 'x', (): Target => { other++; throw new RangeError('boom'); }, 'zh')).toThrow(RangeError);
    }
    expect(other).toBe(3);
  });

  it('a repeated error through the library reads as the first one, in the locale asked for', () => {
    const first = tryParseTarget('≥亿元 ');
    for (const locale of ['zh', 'en', 'zh', 'en'] as const) {
      const r = tryParseTarget('≥亿元 ', { locale });
      expect(r.ok).toBe(false);
      if (r.ok || first.ok) continue;
      expect(r.error).not.toBe(first.error);
      expect(r.error.toJSON()).toEqual({ ...first.error.toJSON(), message: r.error.messages[locale] });
    }
  });

  it('tryParseTarget answers a repeated cell as parseTarget does: the kept target, or a new error of its own', () => {
    const parser = createParser();
    for (const cell of ['不适用', '50 60', '=100%']) {
      const thrown = [0, 1, 2].map(() => { try { return parser.parseTarget(cell); } catch (e) { return e as IndicatorError; } });
      for (let i = 0; i < 3; i++) {
        const r = parser.tryParseTarget(cell);
        if (r.ok) {
          expect(r.value).toBe(thrown[2]);
          continue;
        }
        const want = thrown[2] as IndicatorError;
        expect(r.error).toBeInstanceOf(IndicatorError);
        expect(r.error).not.toBe(want);
        expect(fieldsOf(r.error)).toEqual(fieldsOf(want));
        expect(r.error.stack).toBe(want.stack);
        (r.error as { code: string }).code = 'EMPTY';
      }
      const last = parser.tryParseTarget(cell);
      expect(last.ok || last.error.code !== 'EMPTY').toBe(true);
    }
  });

  it('gives a repeated cell its one frozen target, whose decimals are new with every read', () => {
    const first = parseTarget('≥97.5%');
    const second = parseTarget('≥97.5%');
    const third = parseTarget('≥97.5%');
    expect(second).toEqual(first);
    expect(third).toBe(second);
    const q = (third as CompareTarget).quantity;
    expect(q.value).not.toBe(q.value);
    expect(q.base.value).not.toBe(q.base.value);
    expect(q.value.toFixed()).toBe('97.5');
    expect(Object.isFrozen(third)).toBe(true);
    expect(Object.isFrozen(q)).toBe(true);
    expect(Object.isFrozen(q.base)).toBe(true);
    // Nothing but the contract's fields is in sight, in its order.
    expect(Object.keys(q)).toEqual(['value', 'unit', 'dimension', 'base', 'known', 'exact']);
    expect(Object.getOwnPropertySymbols(q)).toEqual([]);
    expect(JSON.parse(JSON.stringify(q))).toEqual({ value: '97.5', unit: '%', dimension: 'ratio', base: { value: '0.975', unit: '1' }, known: true, exact: true });
  });

  it('cannot be altered through a result: a tampered decimal changes no later call (issue 17)', () => {
    for (let round = 0; round < 4; round++) {
      const t = parseTarget('≥50亿元');
      expect(toJSON(t)).toMatchObject({ quantity: { value: '50', base: { value: '5000000000' } } });
      // The attack works on the decimal the caller read…
      const read = (t as CompareTarget).quantity.value;
      tamperDecimal(read);
      expect(read.toFixed()).not.toBe('50');
      tamper(t);
      // …and on nothing else: not the target, not later calls.
      expect((t as CompareTarget).quantity.value.toFixed()).toBe('50');
      expect(evaluate('≥50亿元', '45亿元').status).toBe('fail');
      expect(evaluate('≥50亿元', '50亿元').status).toBe('pass');
      // Through what evaluate hands out, too: its target and its actual.
      const v = evaluate('≥50亿元', '45亿元');
      tamper(v.target);
      tamperDecimal(v.margin);
      expect(evaluate(parseTarget('≥50亿元'), '45亿元').status).toBe('fail');
      expect(evaluate(parseTarget('≥50亿元'), '45亿元').margin!.toFixed()).toBe('-500000000');
      // A margin of zero (inside a range) is a decimal of its verdict's own, too.
      tamperDecimal(evaluate('85%-90%', '87%').margin);
      expect(evaluate('85%-90%', '88%').margin!.toFixed()).toBe('0');
      // So is a score of zero.
      const zero = score('≥95%', '0%', 10).score!;
      expect(zero.toFixed()).toBe('0');
      tamperDecimal(zero);
      expect(score('≥95%', '0%', 10).score!.toFixed()).toBe('0');
    }
    // Every kind that holds a quantity, and the parts of a conjunction.
    for (const cell of ['90%左右', '85%-90%', '较上年提高5%', '≥85%且≤90%', '20亩', '三分之二']) {
      for (let round = 0; round < 3; round++) {
        const before = JSON.stringify(toJSON(parseTarget(cell)));
        const t = parseTarget(cell);
        const parts = t.kind === 'all' ? t.targets : [t];
        for (const p of parts) {
          const qs = p.kind === 'range' ? [p.min, p.max] : p.kind === 'trend' ? [p.amount!] : p.kind === 'approx' || p.kind === 'compare' ? [p.quantity] : [];
          expect(qs.length).toBeGreaterThan(0);
          for (const q of qs) tamper({ kind: 'compare', quantity: q } as unknown as Target);
        }
        expect(JSON.stringify(toJSON(parseTarget(cell))), cell).toBe(before);
      }
    }
  });

  it('answers a repeated cell called without options as the full path does', () => {
    // Kept from the second time it is seen.
    parseTarget('≥96.5%');
    for (let round = 0; round < 3; round++) {
      const t = parseTarget('≥96.5%');
      // The same kept target with options that leave the key alone.
      expect(parseTarget('≥96.5%', {})).toBe(t);
      expect(parseTarget('≥96.5%', { locale: 'en' })).toBe(t);
      // Bad arguments are still refused, kept cell or not.
      expect(() => parseTarget(96.5 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
      expect(() => parseTarget('≥96.5%', { maxLength: 3 })).toThrow(expect.objectContaining({ code: 'INPUT_TOO_LONG' }));
    }
    // A parser whose 分 is a cent reads its calls without options with its own default.
    const cents = createParser({ fen: 'cent' });
    for (let round = 0; round < 3; round++) {
      expect((cents.parseTarget('≥5分') as CompareTarget).quantity.dimension).toBe('currency');
      expect((parseTarget('≥5分') as CompareTarget).quantity.dimension).toBe('score');
    }
  });

  it('keeps nothing of a cell seen once but a hash', () => {
    const { cache } = DEFAULT_ENGINE.get();
    const before = cache.size;
    for (let i = 0; i < 500; i++) parseTarget(`≥${i}.25人次`);
    for (let i = 0; i < 500; i++) parseTarget(`满意度≥${i}.25%（计划标准）`);
    expect(cache.size).toBe(before);
  });

  it('keeps a cell the parser read across the fresh numbers a plan answers between its sightings', () => {
    const p = createParser();
    // Each cell the parser reads (no digits, or a shape never planned: numbers in words), seen once.
    const parsed = ['两小时之内', '第三季度', '年底完成', '特殊对象及群体、居民心理健康有效提升', '1,200万元'];
    for (const c of parsed) p.parseTarget(c);
    // As many fresh numbers as a few thousand rows of a table, each answered by its shape's plan.
    for (let i = 0; i < 12_000; i++) p.parseTarget(`≥${i}.5%`);
    for (const c of parsed) {
      // Seen again, so kept: the third sighting is given the second's target.
      const second = p.parseTarget(c);
      expect(p.parseTarget(c), c).toBe(second);
    }
  });

  it('stays bounded: CACHE_SIZE targets at most', () => {
    const { cache } = DEFAULT_ENGINE.get();
    for (let i = 0; i < CACHE_SIZE * 3; i++) {
      parseTarget(`≥${i}项`);
      parseTarget(`≥${i}项`);
    }
    expect(cache.size).toBeGreaterThan(CACHE_SIZE / 4);
    expect(cache.size).toBeLessThanOrEqual(CACHE_SIZE);
    // A cell seen long ago is parsed again, and equal to before.
    const again = parseTarget('≥0项');
    expect((again as CompareTarget).quantity.value.toFixed()).toBe('0');
  });

  it('keeps texts whose filter hashes collide apart (they only wait longer to be kept)', () => {
    // "Aa" and "BB" have the same 31-polynomial hash, so every word of them does too.
    const words = ['Aa', 'BB'];
    let labels = [''];
    for (let k = 0; k < 6; k++) labels = labels.flatMap((l) => words.map((w) => l + w));
    expect(new Set(labels.map((l) => hashOf(`${l}≥5%`))).size).toBe(1);
    for (let round = 0; round < 3; round++) {
      for (const l of labels) expect(parseTarget(`${l}≥5%`).label).toBe(l);
    }
  });

  it('keys a cell by the options that change its result', () => {
    for (let round = 0; round < 3; round++) {
      expect((parseTarget('12月底前', { year: 2023 }) as { date: { year: number } }).date.year).toBe(2023);
      expect((parseTarget('12月底前', { year: 2024 }) as { date: { year: number } }).date.year).toBe(2024);
      expect((parseTarget('12月底前') as { date: { year: number | null } }).date.year).toBe(null);
      expect((parseTarget('5分', { fen: 'cent' }) as CompareTarget).quantity.dimension).toBe('currency');
      expect((parseTarget('5分') as CompareTarget).quantity.dimension).toBe('score');
    }
  });

  it('never keeps errors, and the limit still applies to a cached cell', () => {
    for (let i = 0; i < 3; i++) {
      expect(() => parseTarget('≥')).toThrow(expect.objectContaining({ code: 'MISSING_NUMBER' }));
      expect(() => parseTarget('')).toThrow(expect.objectContaining({ code: 'EMPTY' }));
    }
    parseTarget('=100%');
    parseTarget('=100%');
    expect(() => parseTarget('=100%', { maxLength: 3 })).toThrow(/3/);
  });
});

/** What parseTarget throws on `text`. */
function thrownBy(text: string, options?: { locale: 'zh' | 'en' }, parser = { parseTarget }): IndicatorError {
  try {
    parser.parseTarget(text, options);
  } catch (e) {
    return e as IndicatorError;
  }
  throw new Error(`${text} parsed`);
}

/** Every own property of an error but its stack, with its attributes. */
function fieldsOf(e: IndicatorError): [string, PropertyDescriptor | undefined][] {
  return Object.getOwnPropertyNames(e).filter((k) => k !== 'stack').map((k) => [k, Object.getOwnPropertyDescriptor(e, k)]);
}

describe('the error of a cell kept as failing', () => {
  it('is an IndicatorError as the constructor makes it: same prototype, fields, attributes and order', () => {
    for (const text of ['不适用', '≥亿元 ', '95%-90%', '2022年13月', '万人']) {
      for (const locale of ['zh', 'en'] as const) {
        // A parser of its own: the cell is new to its cache.
        const parser = createParser();
        const first = thrownBy(text, { locale }, parser);
        thrownBy(text, { locale }, parser);
        const repeated = thrownBy(text, { locale }, parser);
        expect(repeated).not.toBe(first);
        expect(Object.getPrototypeOf(repeated)).toBe(IndicatorError.prototype);
        expect(repeated).toBeInstanceOf(Error);
        expect(types.isNativeError(repeated)).toBe(true);
        expect(Object.prototype.toString.call(repeated)).toBe('[object Error]');
        expect(fieldsOf(repeated), text).toEqual(fieldsOf(first));
        expect(repeated.message).toBe(first.messages[locale]);
        expect(String(repeated)).toBe(String(first));
        expect(repeated.toJSON()).toEqual(first.toJSON());
        expect(Object.isFrozen(repeated.messages) && Object.isFrozen(repeated.details)).toBe(true);
      }
    }
    // Made directly, too: what the constructor would have made from the same fields.
    const made = new IndicatorError('MISSING_NUMBER', { offset: 1, length: 2 }, '≥亿元', { found: '≥', whereZh: '之后', whereEn: ' after' }, 'en');
    expect(fieldsOf(errorFrom(made, 'en'))).toEqual(fieldsOf(made));
  });

  it('is each caller\'s own: altering it alters no later one', () => {
    thrownBy('/');
    thrownBy('/');
    const seen = new Set<IndicatorError>();
    for (let i = 0; i < 4; i++) {
      const e = thrownBy('/');
      expect(seen.has(e)).toBe(false);
      seen.add(e);
      expect({ code: e.code, message: e.message, offset: e.offset, length: e.length, input: e.input })
        .toEqual({ code: 'NOT_APPLICABLE', message: e.messages.zh, offset: 0, length: 1, input: '/' });
      (e as { code: string }).code = 'EMPTY';
      e.message = `第 ${i} 行：${e.message}`;
      (e as unknown as { row: number }).row = i;
      // What it shares with the others cannot be altered.
      expect(() => { (e.details as Record<string, string>)['text'] = 'x'; }).toThrow(TypeError);
      expect(() => { (e.messages as { zh: string }).zh = 'x'; }).toThrow(TypeError);
    }
  });

  it('has no call stack, where a cell failing the first and second time has its caller\'s', () => {
    const cell = '≥万元（试）';
    const stacks = [0, 1, 2, 3].map(() => thrownBy(cell).stack!);
    for (const stack of stacks.slice(0, 2)) expect(stack).toContain('thrownBy');
    for (const [i, stack] of stacks.slice(2).entries()) expect(stack, `call ${i + 3}`).toBe(`IndicatorError: ${thrownBy(cell).message}`);
    // The same through tryParseTarget and evaluate, and for a parser of one's own.
    const tried = tryParseTarget(cell);
    expect(!tried.ok && tried.error.stack).toBe(stacks[3]);
    expect(() => evaluate(cell, '5万元')).toThrow(expect.objectContaining({ stack: stacks[3] }));
    const own = createParser({ classifiers: ['标段'] });
    const ownStacks = [0, 1, 2].map(() => { const r = own.tryParseTarget(cell); return r.ok ? '' : r.error.stack!; });
    expect(ownStacks[0]).toContain('cache.test.ts');
    expect(ownStacks[2]).toBe(stacks[3]);
  });

  it('has no call stack when made from the plan of a shape seen failing before, where the first text of the shape has its caller\'s', () => {
    const own = createParser({ classifiers: ['标段'] });
    // Texts of one shape, each seen once: the first is parsed and its error planned (shape-cache.ts).
    const stacks = ['≥91%以下', '≥92%以下', '≥93%以下'].map((t) => thrownBy(t, undefined, own).stack!);
    expect(stacks[0]).toContain('thrownBy');
    expect(stacks[1]).toBe(`IndicatorError: ${thrownBy('≥94%以下', undefined, own).message}`);
    expect(stacks[2]).toBe(`IndicatorError: ${thrownBy('≥95%以下', undefined, own).message}`);
    // The same for a range out of order, whose error the build makes again on the new digits (rebuild-plans.ts).
    const ranges = ['91%-85%', '92%-85%'].map((t) => thrownBy(t, undefined, own).stack!);
    expect(ranges[0]).toContain('thrownBy');
    expect(ranges[1]).toBe(`IndicatorError: ${thrownBy('92%-85%', undefined, own).message}`);
    // A text of a shape seen only as a success keeps its caller's stack.
    own.parseTarget('[95%,96%]');
    expect(thrownBy('[97%,96%]', undefined, own).stack).toContain('thrownBy');
  });
});

describe('a cell without digits answered from the kept target of its cleaned text', () => {
  // Cells without digits (so without a shape) and decorations clean-up removes, entities that
  // decode to a tag when cleaned again, trailing marks, line breaks that split a cell in two.
  const cells = ['健全', '两小时之内', '年底完成', '第三季度', '明显增强', '特殊对象及群体、居民心理健康有效提升', '全年', '不适用', '≥', '优良中低差',
    '较上年提高', '按时完成（计划标准）', '是', '三小时之内\n', '万人', '<b>健全', '第三季度；年底完成', '健全\n及时', 'OK；第三季度', '两栋', '三分之二',
    // Cells of several parts as clean-up leaves them (it folds `；` to `;`).
    '第三季度;年底完成', 'OK;健全'];
  const decorations: ((c: string) => string)[] = [
    (c) => `<p>${c}</p>`, (c) => ` ${c}\t\n`, (c) => `&nbsp;${c}`, (c) => `&lt;b&gt;${c}`, (c) => `${c}。`, (c) => `${c}。。`, (c) => `“${c}”`,
    (c) => `${c}<br>${c}`, (c) => `<b>${c}</b>；`, (c) => `&lt;/p&gt;${c}&lt;p&gt;`, (c) => c.toUpperCase(), (c) => `${c}&amp;lt;b&amp;gt;`,
    // A cell whose tags are written as entities (`&lt;b&gt;健全` cleans to `<b>健全`, which cleans again to `健全`), a break as `<br>`.
    (c) => c.replace(/</g, '&lt;').replace(/>/g, '&gt;'), (c) => `<p>${c.replace(/\n/g, '<br>')}</p>`,
    // Inside the text: full-width letters, which the lexer folds and a part of several keeps as written (`ＯＫ`),
    // and a tag inside the first word, which a part of several keeps in its slice of the text.
    (c) => c.replace(/[A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)), (c) => `${c.slice(0, 1)}<b></b>${c.slice(1)}`,
  ];
  type Answer = { text: string; keys: string[]; json: unknown } | { code: string; offset: number; length: number; input: string; messages: unknown; details: unknown };
  const answer = (r: Target | IndicatorError): Answer => (r instanceof IndicatorError
    ? { code: r.code, offset: r.offset, length: r.length, input: r.input, messages: r.messages, details: r.details }
    : { text: r.text, keys: Object.keys(r), json: toJSON(r) });
  // The parse alone, without the caches of cells and of shapes (one grammar parser for all engines: it keeps nothing between cells).
  const grammar = new CellParser();
  const reference = makeEngine(UNITS, undefined, grammar);
  const fresh = (text: string, options: ParseOptions): Answer => answer(parseTargetFresh(text, options, reference));

  it('gives what a fresh parser gives, field for field and in key order, whatever the order of sightings', () => {
    fc.assert(fc.property(
      // A few cells, each drawn plain or decorated, with or without a year (a deadline's date reads it), seen once or twice in a row.
      fc.shuffledSubarray(cells, { minLength: 1, maxLength: 3 }).chain((few) =>
        fc.array(fc.tuple(fc.constantFrom(...few), fc.nat(decorations.length), fc.constantFrom(undefined, 2024), fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 16 })),
      (draws) => {
        const warm = makeEngine(UNITS, undefined, grammar);
        for (const [cell, d, year, times] of draws) {
          const text = d === decorations.length ? cell : decorations[d]!(cell);
          const options: ParseOptions = year === undefined ? {} : { year };
          for (let k = 0; k < times; k++) {
            const r = parseTargetValue(text, options, warm);
            expect(JSON.stringify(answer(r)), text).toBe(JSON.stringify(fresh(text, options)));
            if (!(r instanceof IndicatorError)) {
              expect(Object.isFrozen(r)).toBe(true);
              // What a caller does to its target reaches no later call.
              for (const part of r.kind === 'all' ? r.targets : [r]) if ('quantity' in part) tamper(part);
            }
          }
        }
      },
    ), { numRuns: 1500 });
  });

  it('answers a decorated cell from its cleaned text without parsing it, either seen first', () => {
    const quantity = (t: Target): unknown => (t as CompareTarget).quantity;
    const p = createParser();
    p.parseTarget('两小时之内');
    p.parseTarget('两小时之内');
    const t = p.parseTarget('<p>两小时之内</p>');
    expect(t.text).toBe('<p>两小时之内</p>');
    expect(Object.keys(t)).toEqual(Object.keys(p.parseTarget('两小时之内')));
    // The same quantity object as the kept cell's: answered from it, not parsed again.
    expect(quantity(t)).toBe(quantity(p.parseTarget('两小时之内')));
    // The decorated cell seen first, twice: its cleaned text is then kept, and answers the plain cell and other decorations.
    const q = createParser();
    q.parseTarget(' 三小时之内\t\n');
    const first = q.parseTarget(' 三小时之内\t\n');
    expect(quantity(q.parseTarget('三小时之内'))).toBe(quantity(first));
    expect(q.parseTarget('三小时之内').text).toBe('三小时之内');
    expect(quantity(q.parseTarget('<p>三小时之内</p>'))).toBe(quantity(first));
    // Not a cell of several parts: each part holds its own slice of the text, the plain one's or the decorated one's.
    const parts = (t: Target): unknown => (t.kind === 'all' ? t.targets.map((x) => x.text) : t.text);
    const plainFirst = createParser();
    for (let k = 0; k < 2; k++) plainFirst.parseTarget('第三季度;年底完成');
    expect(parts(plainFirst.parseTarget('第<b></b>三季度;年底完成'))).toEqual(['第<b></b>三季度', '年底完成']);
    const decoratedFirst = createParser();
    for (let k = 0; k < 2; k++) decoratedFirst.parseTarget('第<b></b>三季度;年底完成');
    expect(parts(decoratedFirst.parseTarget('第三季度;年底完成'))).toEqual(['第三季度', '年底完成']);
  });
});
