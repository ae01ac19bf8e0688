import { IndicatorError } from '../errors.js';
import { D, plain, type Decimal } from '../numbers/decimal.js';
import { scaled } from '../numbers/quotient.js';
import { Rational } from '../numbers/rational.js';
import type { UnitTable } from '../vocab/units.js';
import { exactValue, makeQuantity } from './quantity.js';
import type { DateParts, DatePartsJSON, JsonValue, Quantity, QuantityJSON, Target, TargetJSON, TargetJSONBase } from './types.js';
import { resolveUnit } from './units.js';

/** The contract's JSON shape of a quantity: decimals as plain strings. */
export function quantityToJSON(q: Quantity): QuantityJSON {
  const out: QuantityJSON = {
    value: plain(q.value),
    unit: q.unit,
    dimension: q.dimension,
    base: { value: plain(q.base.value), unit: q.base.unit },
    known: q.known,
  };
  if (!q.exact) {
    out.exact = false;
    // A fraction fromJSON could not tell back from its rounding is written whole.
    const r = exactValue(q);
    if (!r.terminating && !sameRational(roundedFraction(new D(out.value)), r)) {
      const f = fractionText(r);
      // Past what fromJSON reads, the value stays as rounded (a numeral of thousands of digits).
      if (f.length <= MAX_FRACTION) out.fraction = f;
    }
  }
  return out;
}

function sameRational(a: Rational | null, b: Rational): boolean {
  return a !== null && a.eq(b);
}

/** A Rational as `p/q` in lowest terms (integers, q > 0). */
function fractionText(r: Rational): string {
  // n/d = cn·10^pn / (cd·10^pd): the power of ten goes to the side whose exponent is larger.
  const n = scaled(r.n);
  const d = scaled(r.d);
  let p = n.p >= d.p ? n.c * 10n ** BigInt(n.p - d.p) : n.c;
  let q = d.p > n.p ? d.c * 10n ** BigInt(d.p - n.p) : d.c;
  let [a, b] = [p, q];
  while (b !== 0n) [a, b] = [b, a % b];
  [p, q] = [p / a, q / a];
  return `${r.n.isNegative() !== r.d.isNegative() ? '-' : ''}${p}/${q}`;
}

/** The longest `fraction` fromJSON reads (a numerator and denominator of up to 4 096 digits each, as the lexer's numbers). */
const MAX_FRACTION = 8200;

function dateToJSON(d: DateParts): DatePartsJSON {
  return { year: d.year, month: d.month, day: d.day };
}

/** The fields every target's JSON ends with, after those of its kind (the order of the contract's JSON). */
function tail<T extends { kind: TargetJSON['kind'] }>(t: Target, fields: T): T & TargetJSONBase {
  const out = fields as T & TargetJSONBase & { modifiers?: string[] };
  out.text = t.text;
  out.label = t.label;
  out.note = t.note;
  if ('modifiers' in t && t.kind !== 'trend' && t.modifiers.length > 0) out.modifiers = [...t.modifiers];
  return out;
}

/** The contract's JSON shape of a target. */
export function targetToJSON(t: Target): TargetJSON {
  switch (t.kind) {
    case 'compare':
      return tail(t, { kind: 'compare', op: t.op, implicit: t.implicit, quantity: quantityToJSON(t.quantity) });
    case 'approx':
      return tail(t, { kind: 'approx', quantity: quantityToJSON(t.quantity) });
    case 'range':
      return tail(t, {
        kind: 'range', min: quantityToJSON(t.min), max: quantityToJSON(t.max),
        minInclusive: t.minInclusive, maxInclusive: t.maxInclusive,
      });
    case 'all':
      return tail(t, { kind: 'all', targets: t.targets.map(targetToJSON) });
    case 'qualitative': {
      const o: { kind: 'qualitative'; term: string; scale?: string[] } = { kind: 'qualitative', term: t.term };
      if (t.scale) o.scale = [...t.scale];
      return tail(t, o);
    }
    case 'trend':
      return tail(t, {
        kind: 'trend', direction: t.direction, modifiers: [...t.modifiers],
        amount: t.amount ? quantityToJSON(t.amount) : null, amountOp: t.amountOp,
      });
    case 'deadline':
      return tail(t, { kind: 'deadline', op: t.op, date: dateToJSON(t.date) });
    case 'period':
      return tail(t, { kind: 'period', from: dateToJSON(t.from), to: dateToJSON(t.to) });
  }
}

// ---- fromJSON ------------------------------------------------------------------------

type Obj = { [k: string]: JsonValue };

function bad(detail: string): never {
  throw new IndicatorError('INVALID_JSON', { offset: 0, length: 0 }, '', { detail });
}

function obj(v: JsonValue | undefined, what: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) bad(`${what} is not an object`);
  return v as Obj;
}

function str(v: JsonValue | undefined, what: string): string {
  if (typeof v !== 'string') bad(`${what} is not a string`);
  return v as string;
}

function strOrNull(v: JsonValue | undefined, what: string): string | null {
  if (v === undefined || v === null) return null;
  return str(v, what);
}

function dateFrom(v: JsonValue | undefined, what: string): DateParts {
  const o = obj(v, what);
  const f = (k: string): number | null => {
    const x = o[k];
    if (x === null || x === undefined) return null;
    if (typeof x !== 'number' || !Number.isInteger(x)) bad(`${what}.${k} is not an integer`);
    return x as number;
  };
  return Object.freeze({ year: f('year'), month: f('month'), day: f('day') });
}

export function quantityFromJSON(v: JsonValue | undefined, units: UnitTable, what = 'quantity'): Quantity {
  const o = obj(v, what);
  const value = str(o['value'], `${what}.value`);
  if (!/^-?\d+(\.\d+)?$/.test(value)) bad(`${what}.value is not a plain decimal`);
  const unit = str(o['unit'], `${what}.unit`);
  if (o['exact'] !== undefined && typeof o['exact'] !== 'boolean') bad(`${what}.exact is not a boolean`);
  // `exact: false` says a decimal was rounded: the value read back is the fraction it was,
  // or, when that fraction cannot be told (its denominator is too large to be taken for
  // it), the decimal still marked as rounded, so that toJSON writes it as it was read.
  const rounded = o['exact'] === false;
  if (o['fraction'] !== undefined) {
    // The exact value written whole (toJSON writes it where its rounding cannot tell it).
    const f = str(o['fraction'], `${what}.fraction`);
    const m = f.length <= MAX_FRACTION ? /^(-?\d+)\/(\d+)$/.exec(f) : null;
    if (m === null || /^0+$/.test(m[2]!)) bad(`${what}.fraction is not a fraction p/q`);
    if (!rounded) bad(`${what}.fraction is given without exact: false`);
    const r = Rational.of(m![1]!, m![2]!);
    if (r.terminating) bad(`${what}.fraction has a finite decimal: it is written as value`);
    if (plain(r.toDecimal()) !== value) bad(`${what}.fraction does not round to ${what}.value`);
    return makeQuantity(r, unit, resolveUnit(unit, units));
  }
  const exact = rounded && value.length <= 200 ? roundedFraction(new D(value)) : null;
  return makeQuantity(exact ?? Rational.of(value), unit, resolveUnit(unit, units), rounded && exact === null);
}

/** The significant digits toJSON keeps of a value without a finite decimal (contract.md). */
const JSON_DIGITS = 20;
const MAX_DENOMINATOR = 1_000_000;

/**
 * The fraction that toJSON rounded to `v` (half up, 20 significant digits): the simplest
 * one that rounds to it, when that one has no finite decimal (`0.66666666666666666667` is
 * 2/3, `3333.3333333333333333` is 10000/3); null when `v` is itself the value (a value in
 * 亩, whose base value alone was rounded). Simplest means smallest denominator: the fractions
 * of these tables are a numeral's (三分之二) or a unit's factor (亩 = 2000/3 平方米), so only
 * one with a denominator up to MAX_DENOMINATOR is taken: near any long decimal lies some
 * fraction with a large denominator (2550255.8000894 万亩 is not 12625763060734/4950783),
 * while one up to 10⁶ lies within 10⁻²⁰ of a decimal that is not its rounding about once in
 * 10⁸.
 */
function roundedFraction(v: Decimal): Rational | null {
  if (v.isZero() || v.precision(true) > JSON_DIGITS) return null;
  const exponent = Number(v.abs().toExponential().split('e')[1]);
  const half = new D(10).pow(exponent - JSON_DIGITS + 1).div(2);
  const a = v.abs();
  const f = simplestBetween(a.minus(half), a.plus(half));
  if (f === null || f[1].gt(denominatorLimit(v, exponent))) return null;
  const r = Rational.of(v.isNegative() ? f[0].negated() : f[0], f[1]);
  return !r.terminating && r.toDecimal(JSON_DIGITS).eq(v) ? r : null;
}

/**
 * How simple a fraction must be to be taken for `v`. A decimal of all 20 digits was rounded:
 * any fraction up to MAX_DENOMINATOR. One with fewer digits may be a rounding that ended in
 * zeros (1/9999 is 0.00010001000100010001) or a value written out whole (a value in 亩,
 * whose base value alone was rounded); near a large value the fractions up to 10⁶ lie closer
 * together than the 20th digit (1867209335686/622403 rounds to 3000000.53933866 too). So it
 * takes only fractions simple enough that one falls that near by chance under once in 10⁸:
 * their spacing, about 1/q², against half a unit of the 20th digit, 10^(exponent − 19) / 2.
 */
function denominatorLimit(v: Decimal, exponent: number): number {
  if (v.precision(true) === JSON_DIGITS) return MAX_DENOMINATOR;
  return Math.min(MAX_DENOMINATOR, Math.floor(Math.sqrt(2 * 10 ** (11 - exponent))));
}

/** The fraction p/q with the smallest q in [lo, hi] (0 < lo < hi, exact decimals), by continued fractions. */
function simplestBetween(lo: Decimal, hi: Decimal): [Decimal, Decimal] | null {
  const scale = new D(10).pow(Math.max(lo.decimalPlaces(), hi.decimalPlaces()));
  // lo = ln/ld, hi = hn/hd as integers; each step takes the whole part and turns the rest over.
  let [ln, ld, hn, hd] = [lo.times(scale), scale, hi.times(scale), scale];
  const terms: Decimal[] = [];
  for (let step = 0; step < 200; step++) {
    const whole = ln.divToInt(ld);
    if (whole.times(ld).eq(ln) || whole.plus(1).times(hd).lte(hn)) {
      // An integer lies in the interval: the smallest one ends the expansion.
      let p = whole.times(ld).eq(ln) ? whole : whole.plus(1);
      let q = new D(1);
      for (let i = terms.length - 1; i >= 0; i--) [p, q] = [terms[i]!.times(p).plus(q), p];
      return [p, q];
    }
    terms.push(whole);
    [ln, ld, hn, hd] = [hd, hn.minus(whole.times(hd)), ld, ln.minus(whole.times(ld))];
  }
  return null;
}

function mods(o: Obj): readonly string[] {
  const m = o['modifiers'];
  if (m === undefined || m === null) return Object.freeze([]);
  if (!Array.isArray(m) || m.some((x) => typeof x !== 'string')) bad('modifiers is not a list of strings');
  return Object.freeze([...(m as string[])]);
}

/** Conjunctions hold plain targets; past this depth a value is cyclic or built to exhaust the stack. */
const MAX_NESTING = 16;

export function targetFromJSON(v: JsonValue, units: UnitTable, depth = 0): Target {
  const o = obj(v, 'target');
  if (depth > MAX_NESTING) bad('targets are nested too deeply');
  const base = { text: str(o['text'], 'text'), label: strOrNull(o['label'], 'label'), note: strOrNull(o['note'], 'note') };
  const f = Object.freeze;
  switch (o['kind']) {
    case 'compare': {
      const op = str(o['op'], 'op');
      if (!['=', '>=', '<=', '>', '<', '!='].includes(op)) bad(`unknown op ${op}`);
      return f({ kind: 'compare', op: op as '=', implicit: o['implicit'] === true, quantity: quantityFromJSON(o['quantity'], units), ...base, modifiers: mods(o) });
    }
    case 'approx':
      return f({ kind: 'approx', quantity: quantityFromJSON(o['quantity'], units), ...base, modifiers: mods(o) });
    case 'range':
      return f({
        kind: 'range', min: quantityFromJSON(o['min'], units, 'min'), max: quantityFromJSON(o['max'], units, 'max'),
        minInclusive: o['minInclusive'] !== false, maxInclusive: o['maxInclusive'] !== false, ...base, modifiers: mods(o),
      });
    case 'all': {
      const ts = o['targets'];
      if (!Array.isArray(ts)) bad('targets is not a list');
      return f({ kind: 'all', targets: f((ts as JsonValue[]).map((x) => targetFromJSON(x, units, depth + 1))), ...base });
    }
    case 'qualitative': {
      const scale = o['scale'];
      const term = str(o['term'], 'term');
      if (Array.isArray(scale)) return f({ kind: 'qualitative', term, scale: f(scale.map((x) => str(x, 'scale'))), ...base });
      return f({ kind: 'qualitative', term, ...base });
    }
    case 'trend': {
      const dir = str(o['direction'], 'direction');
      if (!['up', 'down', 'steady'].includes(dir)) bad(`unknown direction ${dir}`);
      const amountOp = o['amountOp'] ?? null;
      if (amountOp !== null && amountOp !== '>=' && amountOp !== '<=') bad('amountOp');
      return f({
        kind: 'trend', direction: dir as 'up', modifiers: mods(o),
        amount: o['amount'] === null || o['amount'] === undefined ? null : quantityFromJSON(o['amount'], units, 'amount'),
        amountOp: amountOp as '>=' | null, ...base,
      });
    }
    case 'deadline':
      return f({ kind: 'deadline', op: '<=', date: dateFrom(o['date'], 'date'), ...base, modifiers: mods(o) });
    case 'period':
      return f({ kind: 'period', from: dateFrom(o['from'], 'from'), to: dateFrom(o['to'], 'to'), ...base, modifiers: mods(o) });
    default:
      return bad(`unknown kind ${String(o['kind'])}`);
  }
}
