import { readFileSync } from 'node:fs';
import * as chevrotain from 'chevrotain';
import { createTokenInstance, type IToken } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookaheadModule, lookaheadPaths, lookaheadTable, trieText } from '../../grammar/lookahead.mjs';
import { CellParser } from '../../src/parse/grammar.js';
import { pathsOf } from '../../src/parse/lookahead.js';
import { makeEngine, parseTargetText } from '../../src/parse/parse.js';
import { toJSON, units } from '../../src/index.js';
import { IndicatorError } from '../../src/errors.js';
import { APPROX_POSTFIX, PREFIX_OPS, POSTFIX_OPS, TREND_WORDS } from '../../src/vocab/words.js';
import * as T from '../../src/parse/tokens.js';

// The shipped parser takes its lookahead from paths computed ahead of time
// (src/parse/lookahead-paths.ts); a parser built with validations on uses chevrotain's own
// analysis (LLkLookaheadStrategy), which computes them from the grammar on the spot.
const checked = new CellParser(true);
const shipped = new CellParser();

describe('the precomputed lookahead', () => {
  it('is what the current grammar gives (else run `npm run grammar`)', () => {
    const file = readFileSync(new URL('../../src/parse/lookahead-paths.ts', import.meta.url), 'utf8');
    expect(file).toBe(lookaheadModule(lookaheadTable(checked, chevrotain)));
  });

  it('reads back into chevrotain’s own paths, alternative by alternative', () => {
    const paths = lookaheadPaths(checked, chevrotain);
    expect(Object.keys(paths).length).toBeGreaterThan(20);
    for (const [key, alts] of Object.entries(paths)) {
      const [rule, part] = key.split(':') as [string, string];
      const read = pathsOf(rule, part).map((alt) => alt.map((path) => path.map((t) => t.name).join(' ')).sort());
      expect(read, key).toEqual(alts.map((alt) => alt.map((path) => path.join(' ')).sort()));
    }
  });

  it('writes a trie that keeps paths ending where longer ones go on, and empty paths', () => {
    expect(trieText([['A'], ['A', 'B'], ['A', 'C', 'D'], ['E']])).toBe('A(. B C(D)) E');
    expect(trieText([[], ['A']])).toBe('. A');
  });

  // Every token type, with images that do and do not look like comparator symbols (the
  // segment rule's gate reads them).
  const byName = new Map(T.allTokens.map((t) => [t.name, t]));
  const token = fc.record({ type: fc.constantFrom(...byName.keys()), image: fc.constantFrom('≥', '=', '完成', '5', '亿元') });
  const run = (parser: CellParser, tokens: IToken[]): unknown => {
    try {
      const { segments, failedAt } = parser.parseCell(tokens);
      return failedAt === null ? { segments } : { failedAt: [failedAt.tokenType.name, failedAt.startOffset] };
    } catch (e) {
      return `threw ${(e as Error).name}`;
    }
  };

  it('parses every token sequence as chevrotain’s own analysis does, and fails at the same token', () => {
    fc.assert(fc.property(fc.array(token, { maxLength: 8 }), (drawn) => {
      const tokens = drawn.map(({ type, image }, i) => createTokenInstance(byName.get(type)!, image, i, i, 1, 1, i + 1, i + 1));
      // (chevrotain's own strategy describes each failure at length: milliseconds a run.)
      expect(run(shipped, tokens)).toEqual(run(checked, tokens));
    }), { numRuns: 1000 });
  });

  // Cells, not token sequences: the targets and errors (code, offset, length, messages) of
  // the shipped parser and of one on chevrotain's own strategy, on text made of the
  // grammar's vocabulary (most of it rejected, so the failures that fit no alternative run).
  const withOwnStrategy = makeEngine(units, undefined, new CellParser(true));
  const shippedEngine = makeEngine(units);
  const outcome = (engine: typeof shippedEngine, text: string): unknown => {
    try {
      return toJSON(parseTargetText(text, {}, engine));
    } catch (e) {
      if (!(e instanceof IndicatorError)) return { crashed: String(e) };
      return { code: e.code, offset: e.offset, length: e.length, messages: e.messages };
    }
  };
  const vocab = [
    ...[...PREFIX_OPS.keys()].slice(0, 12), ...POSTFIX_OPS.keys(), ...APPROX_POSTFIX, ...[...TREND_WORDS.keys()].slice(0, 6),
    '%', '万元', '个', '年', '月', '底前', '(', ')', '[', ']', ',', '且', '±', '-', '至', '介于', '和', '之间', '百分之', '第三季度',
    '5', '2022', '12', '3.5', '满意度', '健全', '较上年', ' ',
  ];

  it('gives every cell the target or error chevrotain’s own strategy gives', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 6 }).map((a) => a.join('')), (text) => {
      expect(outcome(shippedEngine, text), text).toEqual(outcome(withOwnStrategy, text));
    }), { numRuns: 400 });
  });
});
