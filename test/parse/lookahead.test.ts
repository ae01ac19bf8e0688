import { readFileSync } from 'node:fs';
import * as chevrotain from 'chevrotain';
import { createTokenInstance, type IRecognitionException, type IToken } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookaheadModule, lookaheadPaths, lookaheadTable, trieText } from '../../grammar/lookahead.mjs';
import { CellParser } from '../../src/parse/grammar.js';
import { pathsOf } from '../../src/parse/lookahead.js';
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
  const run = (parser: CellParser, tokens: IToken[]): { result: unknown; errors: unknown[] } => {
    parser.input = tokens;
    let result: unknown;
    try {
      result = parser.cell();
    } catch (e) {
      result = `threw ${(e as Error).name}`;
    }
    const errors = parser.errors.map((e: IRecognitionException) => [e.name, e.token.tokenType.name, e.token.startOffset]);
    return { result, errors };
  };

  it('parses every token sequence as chevrotain’s own analysis does, and fails where it fails', () => {
    fc.assert(fc.property(fc.array(token, { maxLength: 8 }), (drawn) => {
      const tokens = drawn.map(({ type, image }, i) => createTokenInstance(byName.get(type)!, image, i, i, 1, 1, i + 1, i + 1));
      const want = run(checked, tokens);
      const got = run(shipped, tokens);
      // On input that fits no alternative the shipped lookahead takes the last one, so the
      // failure is a mismatched token further on rather than "no viable alternative"
      // (lookahead.ts); the errors' effect on targets is compared cell by cell below.
      if (want.errors.length === 0) expect(got).toEqual(want);
      else expect(got.errors.length).toBeGreaterThan(0);
      // (chevrotain's own strategy describes each failure at length: milliseconds a run.)
    }), { numRuns: 1000 });
  });
});
