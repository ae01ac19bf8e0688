import { DESCRIBE_WORDS, STATE_WORDS } from '../i18n/describe.js';
import { DEFAULT_LOCALE, fill, type Locale } from '../i18n/messages.js';
import { Q, type Decimal } from '../numbers/decimal.js';
import type { Quantity, Target } from '../model/types.js';
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
/** Margins are shown to 6 places at most: the exact value stays in the verdict. */
const PLACES = 6;
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

/** The quantity whose unit a margin is shown in: the bound of a comparison, ≈ or range. */
function boundOf(t: Target): Quantity | null {
  if (t.kind === 'compare' || t.kind === 'approx') return t.quantity;
  if (t.kind === 'range') return t.min.value.isZero() ? t.max : t.min;
  return null;
}

function describeMargin(v: Verdict, locale: Locale): string | null {
  const m = v.margin;
  if (m === null) return null;
  const w = DESCRIBE_WORDS[locale];
  // Inside a range or an ≈ band the margin is 0 and says nothing the verdict does not.
  if (m.isZero()) return v.op === null ? null : w.onTarget;
  const bound = boundOf(v.target);
  let amount: Decimal = m.abs();
  let unit = '';
  if (bound !== null && !bound.value.isZero() && !bound.base.value.isZero()) {
    // factor = base / written; amount in the written unit = |margin| / factor.
    amount = new Q(amount.toFixed()).times(bound.value.toFixed()).dividedBy(bound.base.value.toFixed()) as unknown as Decimal;
    unit = bound.unit;
  } else if (bound !== null) {
    unit = bound.base.unit === '1' ? '' : bound.base.unit;
  }
  const text = amount.toDecimalPlaces(PLACES).toFixed();
  const sign = m.isNegative() ? MINUS : '+';
  if (unit === '%') return fill(w.percentPoints, { sign, amount: text });
  if (unit === '‰') return fill(w.permillePoints, { sign, amount: text });
  const written = `${text}${unit}`;
  if (m.isNegative()) return fill(v.polarity === 'positive' ? w.short : w.below, { amount: written });
  return fill(v.polarity === 'negative' ? w.over : w.above, { amount: written });
}
