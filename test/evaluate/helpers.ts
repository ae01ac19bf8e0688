import { evaluate, score, type Actual, type EvaluateOptions, type Verdict } from '../../src/index.js';

/** The parts of a verdict most tests look at, decimals as plain strings. */
export function brief(target: string, actual: Actual, options?: EvaluateOptions) {
  const v = evaluate(target, actual, options);
  return summary(v);
}

export function summary(v: Verdict) {
  return {
    status: v.status,
    op: v.op,
    opSource: v.opSource,
    code: v.reason?.code ?? null,
    assumedUnit: v.assumedUnit,
    margin: v.margin === null ? null : v.margin.toFixed(),
    completion: v.completion === null ? null : v.completion.toFixed(),
  };
}

export function status(target: string, actual: Actual, options?: EvaluateOptions): string {
  return evaluate(target, actual, options).status;
}

export function code(target: string, actual: Actual, options?: EvaluateOptions): string | null {
  return evaluate(target, actual, options).reason?.code ?? null;
}

/** The score as a plain string (null when unknown). */
export function points(target: string, actual: Actual, weight: string | number, options?: EvaluateOptions): string | null {
  const s = score(target, actual, weight, options);
  return s.score === null ? null : s.score.toFixed();
}
