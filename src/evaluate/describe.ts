import { DESCRIBE_WORDS, STATE_WORDS } from '../i18n/describe.js';
import { DEFAULT_LOCALE, fill, type Locale } from '../i18n/messages.js';
import { D, Q, type Decimal } from '../numbers/decimal.js';
import type { Quantity } from '../model/types.js';
import type { Status, Verdict } from './types.js';

/** A verdict in words of one language, for people: what the playground, the report and the workbook show. */
export interface VerdictDescription {
  readonly status: Status;
  /** 达成 / 部分达成 / 未达成 / 无法判断 (achieved / partly achieved / not achieved / cannot judge). */
  readonly verdict: string;
  /** Why it is not achieved, in words; '' for a pass. */
  readonly reason: string;
  /** The op in words and where it came from (`不高于（≤）：按指标名称判断为越低越好`); null when no op applies. */
  readonly op: string | null;
  /** Actual − bound in the unit the target was written in (`少2.3亿元`, `−0.5个百分点`); null when there is none. */
  readonly margin: string | null;
  /** `完成率104.6%` / `completion 104.6%`; null when there is none. */
  readonly completion: string | null;
  /** For a cell of several targets, one description per part; else null. */
  readonly parts: readonly VerdictDescription[] | null;
}

const SYMBOLS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '!=': '≠' } as const;
/** Margins are shown to 8 places at most: the exact value stays in the verdict. */
const MARGIN_PLACES = 8;
const MINUS = '\u2212';

/**
 * Describe a verdict in words of `locale` (default Chinese). Margins are converted from
 * the base unit back to the unit the target was written in (`230000000` 元 against
 * `≥50亿元` is `多2.3亿元`), exactly: the bound's own value over its base value gives the
 * factor, so no unit table is consulted and nothing goes through a JS number.
 */
export function describeVerdict(verdict: Verdict, locale: Locale = DEFAULT_LOCALE): VerdictDescription {
  const w = DESCRIBE_WORDS[locale];
  const op = verdict.op === null ? null : (() => {
    const words = `${w.op[verdict.op]}${locale === 'zh' ? '（' : ' ('}${SYMBOLS[verdict.op]}${locale === 'zh' ? '）' : ')'}`;
    const polarity = verdict.polarity === null ? '' : w.polarity[verdict.polarity];
    return fill(w.opSource[verdict.opSource ?? 'written'], { op: words, polarity });
  })();
  return {
    status: verdict.status,
    verdict: STATE_WORDS[locale][verdict.status],
    reason: verdict.reason === null ? '' : verdict.reason.messages[locale],
    op,
    margin: describeMargin(verdict, locale),
    completion: verdict.completion === null ? null
      : fill(w.completion, { percent: verdict.completion.times(100).toDecimalPlaces(2).toFixed() }),
    parts: verdict.parts === null ? null : verdict.parts.map((p) => describeVerdict(p, locale)),
  };
}

/** The quantity whose unit a margin is shown in: the bound of a comparison, ≈ or range, else the actual. */
function writtenQuantity(v: Verdict): Quantity | null {
  const t = v.target;
  if (t.kind === 'compare' || t.kind === 'approx') return t.quantity;
  if (t.kind === 'range') return t.min.value.isZero() ? t.max : t.min;
  const a = v.actual;
  return a !== null && 'base' in a ? a : null;
}

/**
 * The margin (kept in base units: 230000000 元) in the unit the target was written in
 * (2.3, 亿元), signed, to 8 places; null without a margin or a quantity to convert to.
 * One conversion for `eval`'s readable verdict and describeVerdict: the bound's own value
 * over its base value gives the factor, so no unit table is consulted.
 */
export function writtenMargin(v: Verdict): { readonly value: Decimal; readonly unit: string } | null {
  if (v.margin === null) return null;
  const q = writtenQuantity(v);
  if (q === null || q.base.value.isZero() || q.value.isZero()) return null;
  // Q: a reporting quotient (亩 → 平方米 does not terminate), rounded, never on the value path.
  const value = new Q(v.margin.toFixed()).times(q.value.toFixed()).dividedBy(q.base.value.toFixed()).toDecimalPlaces(MARGIN_PLACES);
  return { value: new D(value.toFixed()), unit: q.unit };
}

function describeMargin(v: Verdict, locale: Locale): string | null {
  const w = DESCRIBE_WORDS[locale];
  // Inside a range or an ≈ band the margin is 0 and says nothing the verdict does not.
  if (v.margin !== null && v.margin.isZero()) return v.op === null ? null : w.onTarget;
  const m = writtenMargin(v);
  if (m === null) return null;
  const text = m.value.abs().toFixed();
  const negative = m.value.isNegative();
  const sign = negative ? MINUS : '+';
  if (m.unit === '%') return fill(w.percentPoints, { sign, amount: text });
  if (m.unit === '‰') return fill(w.permillePoints, { sign, amount: text });
  const written = `${text}${m.unit}`;
  if (negative) return fill(v.polarity === 'positive' ? w.short : w.below, { amount: written });
  return fill(v.polarity === 'negative' ? w.over : w.above, { amount: written });
}
