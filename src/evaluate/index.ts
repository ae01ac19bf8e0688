/**
 * Evaluation and scoring of actual values against parsed targets (issue 3): verdicts
 * that explain themselves and never guess, and points by the self-evaluation rules.
 * One module per concern: actual values (actual.ts, dates.ts, words.ts), polarity
 * (polarity.ts), units (align.ts), each kind of target (compare.ts, qualitative.ts,
 * trend.ts, deadline.ts, all.ts), verdicts (verdict.ts), scores (score.ts), JSON (json.ts).
 */
export { evaluate } from './evaluate.js';
export { grade, isScore, score, type Grade } from './score.js';
export { isVerdict } from './verdict.js';
export { scoreToJSON, verdictToJSON } from './json.js';
export type {
  Actual, ActualDate, ActualPair, ActualRecord, ActualScalar, ActualValue, DecimalInput, EvaluateOptions, OpSource,
  Polarity, Reason, ReasonCode, Score, ScoreRule, Status, Verdict,
  ActualJSON, NonPassVerdict, PassVerdict, ReasonJSON, ScoreJSON, VerdictBase, VerdictJSON, VerdictJSONBase,
} from './types.js';
