import { expect } from 'vitest';
import { IndicatorError, parseTarget, toJSON } from '../src/index.js';

/** The JSON of a parsed cell, as the contract prints it. */
export function json(text: string, options?: Parameters<typeof parseTarget>[1]): any {
  return toJSON(parseTarget(text, options));
}

/** A quantity's JSON in short: value, unit, base value, base unit. */
export function q(value: string, unit: string, dimension: string, baseValue: string, baseUnit: string, known = true) {
  return { value, unit, dimension, base: { value: baseValue, unit: baseUnit }, known };
}

/** The error a cell gives: code, offset and length in the original text. */
export function err(text: string, options?: Parameters<typeof parseTarget>[1]): { code: string; offset: number; length: number; en: string; zh: string } {
  try {
    parseTarget(text, options);
  } catch (e) {
    expect(e).toBeInstanceOf(IndicatorError);
    const x = e as IndicatorError;
    return { code: x.code, offset: x.offset, length: x.length, en: x.messages.en, zh: x.messages.zh };
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}


/** The JSON without `text` fields, which format() does not keep by design. */
export function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'text').map(([k, x]) => [k, strip(x)]));
  }
  return v;
}
