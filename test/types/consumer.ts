/**
 * A TypeScript user of the published package, type-checked (never run) by
 * test/package/types.test.ts under every module resolution mode in test/types/<mode>/,
 * with `strict` and `skipLibCheck: false`. It imports every subpath and uses the public
 * API; each `@ts-expect-error` line is a mistake the types must reject (an unused one
 * fails the check, so a type that decays to `any` is caught).
 */
import {
  Decimal, IndicatorError, convert, evaluate, format, fromJSON, grade, isIndicatorError, isScore, isVerdict,
  parseQuantity, parseTarget, score, toJSON, tryParseTarget, units,
  type ErrorCode, type QuantityJSON, type Score, type ScoreJSON, type Target, type TargetJSON, type Verdict, type VerdictJSON,
} from 'indicator-expr';
import { serializedGrammar, type GrammarRule } from 'indicator-expr/grammar';
import { schema } from 'indicator-expr/schema';
import { checkRows, isTableError, type CheckedRowJSON } from 'indicator-expr/table';

// ---- Decimals are decimal.js decimals, never `any` ------------------------------------
const t = parseTarget('≥50亿元');
if (t.kind === 'compare') {
  const base: string = t.quantity.base.value.toFixed();
  const doubled: Decimal = t.quantity.value.times(2);
  void base; void doubled;
  // @ts-expect-error a Decimal is not a number
  const n: number = t.quantity.value;
  void n;
}
// @ts-expect-error a Target has no quantity until it is narrowed on kind
void t.quantity;
const d: Decimal = new Decimal('1.5');
void d.plus(1).toFixed(2);

// ---- Targets narrow on kind --------------------------------------------------------------
function describe(target: Target): string {
  switch (target.kind) {
    case 'compare': return `${target.op} ${target.quantity.unit}`;
    case 'approx': return target.quantity.unit;
    case 'range': return `${target.min.unit}~${target.max.unit}`;
    case 'all': return target.targets.map(describe).join(',');
    case 'qualitative': return target.term;
    case 'trend': return target.direction;
    case 'deadline': return String(target.date.year);
    case 'period': return String(target.from.month);
  }
}
void describe(t);

// ---- Verdicts narrow on status: a non-pass always has a reason ----------------------------
const v: Verdict = evaluate(t, '45亿元');
if (v.status === 'fail') {
  const code: string = v.reason.code;
  void code;
}
if (v.status !== 'pass') void v.reason.messages.zh;
if (v.status === 'pass') {
  const none: null = v.reason;
  void none;
}
// @ts-expect-error before narrowing, the reason may be null
void v.reason.code;
// @ts-expect-error 'passed' is not a status
if (v.status === 'passed') void 0;
const margin: Decimal | null = v.margin;
void margin;

const s: Score = score('≥90%', '85%', 10);
const points: Decimal | null = s.score;
void points; void grade(85);

// ---- toJSON returns the JSON shape of what it is given --------------------------------------
const tj: TargetJSON = toJSON(t);
if (tj.kind === 'compare') {
  const value: string = tj.quantity.value;
  void value;
}
const qj: QuantityJSON = toJSON(parseQuantity('52.3亿元'));
const baseValue: string = qj.base.value;
const vj: VerdictJSON = toJSON(v);
if (vj.status !== 'pass') void vj.reason.code.toLowerCase();
const sj: ScoreJSON = toJSON(s);
const scored: string | null = sj.score;
void baseValue; void scored;
// @ts-expect-error the JSON of a target is not the JSON of a verdict
const wrong: VerdictJSON = toJSON(t);
void wrong;
// @ts-expect-error decimals in JSON are strings
const asNumber: number = qj.value;
void asNumber;
const back = fromJSON(tj);
void back;

// ---- format takes a Target, and only a Target ------------------------------------------------
const canonical: string = format(t);
void canonical;
// @ts-expect-error format does not take text
format('≥50亿元');
// @ts-expect-error nor a quantity
format(parseQuantity('5天'));

// ---- Errors --------------------------------------------------------------------------------
try {
  parseTarget('≥');
} catch (e) {
  if (isIndicatorError(e)) {
    const code: ErrorCode = e.code;
    const at: number = e.offset + e.length;
    void code; void at; void e.messages.en;
  }
  if (e instanceof IndicatorError) void e.toJSON().code;
}
const r = tryParseTarget('≥');
if (!r.ok) void r.error.code;
else void r.value.kind;
void convert(parseQuantity('1亿元'), '万元').value.toFixed();
void isVerdict(v); void isScore(s); void units.length;

// ---- Subpaths ------------------------------------------------------------------------------
const rules: readonly GrammarRule[] = serializedGrammar();
void rules;
void schema.definitions.Quantity.required;
void checkRows; void isTableError;
const row: CheckedRowJSON | null = null;
void row;
