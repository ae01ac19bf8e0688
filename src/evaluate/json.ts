import { quantityToJSON, targetToJSON } from '../model/json.js';
import { isQuantity } from '../model/quantity.js';
import { plain } from '../numbers/decimal.js';
import type { ActualJSON, ActualValue, Score, ScoreJSON, Verdict, VerdictJSON } from './types.js';

/** The contract's JSON shapes of verdicts and scores: decimals as plain strings. */

function actualToJSON(a: ActualValue | null): ActualJSON | null {
  if (a === null) return null;
  if (isQuantity(a)) return quantityToJSON(a);
  if ('term' in a) return { term: a.term };
  if ('boolean' in a) return { boolean: a.boolean };
  if ('date' in a) return { date: a.date };
  return { value: quantityToJSON(a.value), baseline: quantityToJSON(a.baseline) };
}

export function verdictToJSON(v: Verdict): VerdictJSON {
  // Built from a Verdict, whose reason is null exactly on pass: the JSON pairs them alike.
  const out = {
    status: v.status,
    op: v.op,
    opSource: v.opSource,
    reason: v.reason === null ? null : { code: v.reason.code, message: v.reason.message },
    assumedUnit: v.assumedUnit,
    target: targetToJSON(v.target),
    actual: actualToJSON(v.actual),
    margin: v.margin === null ? null : plain(v.margin),
    completion: v.completion === null ? null : plain(v.completion),
  } as VerdictJSON;
  if (v.parts !== null) out.parts = v.parts.map(verdictToJSON);
  return out;
}

export function scoreToJSON(s: Score): ScoreJSON {
  return {
    score: s.score === null ? null : plain(s.score),
    weight: plain(s.weight),
    ratio: s.ratio === null ? null : plain(s.ratio),
    rule: s.rule,
    status: s.status,
    deviation: s.deviation,
  };
}
