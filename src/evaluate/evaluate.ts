import { A_TARGET, invalidArgument, isTargetShape } from '../arguments.js';
import type { CompareTarget, Target } from '../model/types.js';
import { parseTargetText } from '../parse/parse.js';
import { plainQuantity, readActual, type Read } from './actual.js';
import { evaluateAll } from './all.js';
import { approxQuantity, compareQuantity, effectiveOp, evaluateApprox, evaluateCompare, evaluateRange, rangeQuantity } from './compare.js';
import { evaluateDeadline, evaluatePeriod } from './deadline.js';
import { invalid, settings, type Settings } from './options.js';
import { evaluateQualitative } from './qualitative.js';
import { evaluateTrend } from './trend.js';
import type { Actual, EvaluateOptions, Verdict } from './types.js';
import { finish, type Outcome } from './verdict.js';


/** A target as given: parsed from text (parse errors are thrown, as by parseTarget), or checked. */
export function targetOf(target: Target | string, s: Settings): Target {
  if (typeof target === 'string') return parseTargetText(target, s.parseWithYear, s.engine);
  if (!isTargetShape(target)) invalidArgument(A_TARGET, target, s.locale);
  return target;
}

function outcome(t: Exclude<Target, CompareTarget>, read: Read, s: Settings): Outcome {
  switch (t.kind) {
    case 'approx': return evaluateApprox(t, read, s);
    case 'range': return evaluateRange(t, read, s);
    case 'qualitative': return evaluateQualitative(t, read, s);
    case 'trend': return evaluateTrend(t, read, s);
    case 'deadline': return evaluateDeadline(t, read, s);
    case 'period': return evaluatePeriod(t, read, s);
    case 'all':
      return evaluateAll(t, read, s, (part, r, missing) => (r === null
        ? finish(part, { status: 'unknown', reason: missing, actual: null, scoring: null }, s.locale)
        : verdictFor(part, r, s)));
  }
}

export function verdictFor(t: Target, read: Read, s: Settings): Verdict {
  // A compare target builds its verdict itself (compareQuantity); the others through an Outcome.
  return t.kind === 'compare' ? evaluateCompare(t, read, s) : finish(t, outcome(t, read, s), s.locale);
}

/**
 * A verdict on an actual given as text. Against a quantity target (compare, ≈, range) the
 * text is nearly always a number in the target's unit (`96.5%` against `≥95%`): when it is
 * one that the parser's fast path reads, it is read straight into the quantity that the
 * general reading would reach (plainQuantity), and the target is judged on that quantity as
 * evaluateCompare, evaluateApprox and evaluateRange judge it once quantityActual has found
 * it: these targets look at nothing else of the actual.
 */
function verdictOnText(t: Target, text: string, s: Settings): Verdict {
  switch (t.kind) {
    case 'compare': {
      const q = plainQuantity(text, s);
      if (q !== null) return compareQuantity(t, effectiveOp(t, s), q, s);
      break;
    }
    case 'approx': {
      const q = plainQuantity(text, s);
      if (q !== null) return finish(t, approxQuantity(t, q, s), s.locale);
      break;
    }
    case 'range': {
      const q = plainQuantity(text, s);
      if (q !== null) return finish(t, rangeQuantity(t, q, s), s.locale);
      break;
    }
    default:
  }
  return verdictFor(t, readActual(text, s), s);
}

/** The verdict as the general reading of the actual gives it (tests compare the fast one with it). */
export function generalVerdict(target: Target | string, actual: Actual, s: Settings): Verdict {
  return verdictFor(targetOf(target, s), readActual(actual, s), s);
}

/**
 * Judge an actual value against a target: `pass`, `partial`, `fail` or `unknown`, with the
 * op used, the reason and, where both sides are quantities, the exact margin and the
 * completion ratio (contract.md, "Evaluation semantics").
 */
export function evaluate(target: Target | string, actual: Actual, options?: EvaluateOptions): Verdict {
  return evaluateWithSettings(target, actual, settings(options));
}

export function evaluateWithSettings(target: Target | string, actual: Actual, s: Settings): Verdict {
  const t = targetOf(target, s);
  return typeof actual === 'string' ? verdictOnText(t, actual, s) : verdictFor(t, readActual(actual, s), s);
}
