import { isOurDecimal, plain } from '../numbers/decimal.js';
import { exactValue } from './quantity.js';
import type { DateParts, Quantity, Target } from './types.js';

/** How each op is written (also the {op} of the reasons of compare verdicts). */
export const OP_SYMBOL = { '=': '=', '>=': '≥', '<=': '≤', '>': '>', '<': '<', '!=': '≠' } as const;
const TREND_WORD = { up: '提高', down: '降低', steady: '保持' } as const;

/** A quantity in canonical text; a value without a finite decimal is written as a fraction. */
export function formatQuantity(q: Quantity): string {
  // A quantity with a finite decimal of our own constructor (nearly all): its value as is.
  if (q.exact && isOurDecimal(q.value)) return `${plain(q.value)}${q.unit}`;
  const v = exactValue(q);
  if (!v.terminating) return `${plain(v.d)}分之${plain(v.n)}${q.unit}`;
  return `${plain(v.toDecimal())}${q.unit}`;
}

function formatDate(d: DateParts): string {
  return `${d.year !== null ? `${d.year}年` : ''}${d.month !== null ? `${d.month}月` : ''}${d.day !== null ? `${d.day}日` : ''}`;
}

/**
 * Canonical text of a target: symbols for comparators, Arabic digits, units as written.
 * `parseTarget(format(t))` gives `t` back (all but `text`).
 */
export function format(t: Target): string {
  const note = t.note !== null ? `(${t.note})` : '';
  const label = t.label ?? '';
  const mods = 'modifiers' in t ? t.modifiers.join('') : '';
  switch (t.kind) {
    case 'compare':
      return `${label}${mods}${t.implicit ? '' : OP_SYMBOL[t.op]}${formatQuantity(t.quantity)}${note}`;
    case 'approx':
      return `${label}${mods}${formatQuantity(t.quantity)}左右${note}`;
    case 'range': {
      const min = formatQuantity(t.min);
      const max = formatQuantity(t.max);
      // A negative lower end would read as a range separator after text: bracket it.
      const body = t.min.value.isNegative() ? `[${min},${max}]` : `${min}~${max}`;
      return `${label}${mods}${body}${note}`;
    }
    case 'all':
      return t.targets.map(format).join('，');
    case 'qualitative':
      return `${t.term}${note}`;
    case 'trend': {
      const amount = t.amount ? `${t.amountOp ? OP_SYMBOL[t.amountOp] : ''}${formatQuantity(t.amount)}` : '';
      return `${label}${mods}${TREND_WORD[t.direction]}${amount}${note}`;
    }
    case 'deadline':
      return `${label}${mods}${formatDate(t.date)}前${note}`;
    case 'period':
      return `${label}${mods}${formatDate(t.from)}至${formatDate(t.to)}${note}`;
  }
}
