import { readFileSync, readdirSync } from 'node:fs';
import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { createParser, parseQuantity, parseTarget, toJSON } from '../../src/index.js';

/** The package never touches what it does not own. */
describe('safety', () => {
  it('leaves the global decimal.js configuration alone', () => {
    const before = { precision: DecimalJs.precision, rounding: DecimalJs.rounding, toExpNeg: DecimalJs.toExpNeg, toExpPos: DecimalJs.toExpPos };
    parseTarget('≥3.37亿元');
    parseQuantity('三分之二');
    expect({ precision: DecimalJs.precision, rounding: DecimalJs.rounding, toExpNeg: DecimalJs.toExpNeg, toExpPos: DecimalJs.toExpPos }).toEqual(before);
    expect(before.precision).toBe(20); // decimal.js's own default
  });

  it('does not change built-in prototypes', () => {
    const names = (o: object) => Object.getOwnPropertyNames(o).sort();
    const before = [names(Object.prototype), names(Array.prototype), names(String.prototype), names(Map.prototype)];
    parseTarget('受益户数≥200户,受益脱贫户数≥15户');
    expect([names(Object.prototype), names(Array.prototype), names(String.prototype), names(Map.prototype)]).toEqual(before);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
    'reads %s as an ordinary word, never as a registry key',
    (word) => {
      expect(toJSON(parseTarget(word))).toMatchObject({ kind: 'qualitative', term: word });
      if (/^[A-Za-z]+$/.test(word)) {
        expect(toJSON(parseTarget(`≥5${word}`))).toMatchObject({ quantity: { unit: word, known: false } });
        const p = createParser({ classifiers: [word] });
        expect(toJSON(p.parseTarget(`≥5${word}`))).toMatchObject({ quantity: { known: true, dimension: 'count' } });
      } else {
        // `_` is no letter of a unit: the cell is rejected, and nothing was looked up by that key.
        expect(() => parseTarget(`≥5${word}`)).toThrow(/__/);
      }
    },
  );

  it('ships no eval and no Function constructor', () => {
    const dist = new URL('../../dist/', import.meta.url);
    for (const f of readdirSync(dist).filter((n) => /\.(c?js)$/.test(n))) {
      const code = readFileSync(new URL(f, dist), 'utf8');
      expect(code, f).not.toMatch(/\bnew Function\s*\(|[^.\w]eval\s*\(/);
    }
  });

  it('returns frozen results', () => {
    const t = parseTarget('≥85%且≤90%') as any;
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.targets)).toBe(true);
    expect(Object.isFrozen(t.targets[0].quantity.base)).toBe(true);
    expect(() => { 'use strict'; t.kind = 'x'; }).toThrow(TypeError);
  });
});
