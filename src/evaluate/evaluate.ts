import { A_TARGET, invalidArgument, isTargetShape } from '../arguments.js';
import type { CompareTarget, Target } from '../model/types.js';
import { parseTargetText, type Engine } from '../parse/parse.js';
import { readActual, type Read } from './actual.js';
import { evaluateAll } from './all.js';
import { evaluateApprox, evaluateCompare, evaluateRange } from './compare.js';
import { evaluateDeadline, evaluatePeriod } from './deadline.js';
import { settings, type Settings } from './options.js';
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
 * Judge an actual value against a target: `pass`, `partial`, `fail` or `unknown`, with the
 * op used, the reason and, where both sides are quantities, the exact margin and the
 * completion ratio (contract.md, "Evaluation semantics").
 */
export function evaluate(target: Target | string, actual: Actual, options?: EvaluateOptions): Verdict {
  return evaluateWithSettings(target, actual, settings(options));
}

/** `evaluate` with the units and words of one parser's registry (`createParser`). */
export function evaluateWith(engine: Engine, target: Target | string, actual: Actual, options?: EvaluateOptions): Verdict {
  return evaluateWithSettings(target, actual, settings(options, engine));
}

export function evaluateWithSettings(target: Target | string, actual: Actual, s: Settings): Verdict {
  const t = targetOf(target, s);
  return verdictFor(t, readActual(actual, s), s);
}
