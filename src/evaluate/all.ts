import type { AllTarget, Quantity, Target } from '../model/types.js';
import { labelledQuantities, readActual, type Read } from './actual.js';
import { early, judgingWord } from './common.js';
import type { Settings } from './options.js';
import { spec, type ReasonSpec } from './reason.js';
import type { Status, Verdict } from './types.js';
import type { Outcome } from './verdict.js';

/**
 * Cells with several targets (contract.md, "Labels and several targets"). Labelled parts
 * each need their own actual: an array by position, a record by label, or a string with
 * the same labels (`受益户数210户，受益脱贫户数16户`); an unlabelled conjunction
 * (`≥85%且≤90%`) shares one actual. A word that judges the whole cell (`已完成`) is shared
 * too. The cell's status is the worst part's: fail > unknown > partial > pass.
 */

const RANK: Record<Status, number> = { pass: 0, partial: 1, unknown: 2, fail: 3 };

/** Evaluates one part; a null actual means the part was given none of its own (`missing` then says so). */
export type PartEvaluator = (part: Target, actual: Read | null, missing: ReasonSpec | null) => Verdict;

/** A part is named by its label, else by its own text (`≤90%`). */
function partName(part: Target): string {
  return part.label ?? part.text.trim();
}

/** One actual per part, or null when the actual cannot be split (then the cell needs one per part). */
function distribute(t: AllTarget, read: Read, s: Settings): (Read | null)[] | null {
  const labelled = t.targets.some((p) => p.label !== null);
  const shared = (): Read[] => t.targets.map(() => read);
  if (early(read) || judgingWord(read)) return shared();
  switch (read.kind) {
    case 'list':
      if (read.items.length === t.targets.length) return read.items.map((x) => readActual(x, s));
      return labelled ? null : shared();
    case 'record':
      if (!t.targets.some((p) => p.label !== null && read.entries.has(p.label))) return labelled ? null : shared();
      return t.targets.map((p) => (p.label !== null && read.entries.has(p.label) ? readActual(read.entries.get(p.label), s) : null));
    case 'text': {
      if (!labelled) return shared();
      const values: ReadonlyMap<string, Quantity> | null = labelledQuantities(read, s);
      if (values === null || !t.targets.some((p) => p.label !== null && values.has(p.label))) return null;
      return t.targets.map((p) => {
        const q = p.label === null ? undefined : values.get(p.label);
        return q ? { kind: 'quantity', q } : null;
      });
    }
    default:
      return labelled ? null : shared();
  }
}

export function evaluateAll(t: AllTarget, read: Read, s: Settings, evaluatePart: PartEvaluator): Outcome {
  const reads = distribute(t, read, s);
  // Made only when some part has no actual of its own: the names of every part are its message.
  const needOne = reads === null || reads.includes(null) ? spec('NEEDS_ACTUAL_PER_TARGET', { labels: t.targets.map((p) => partName(p)).join('、') }) : null;
  const parts = t.targets.map((p, i) => evaluatePart(p, reads?.[i] ?? null, needOne));
  let worst: Status = 'pass';
  for (const v of parts) if (RANK[v.status] > RANK[worst]) worst = v.status;
  const shared = reads !== null && reads.every((r) => r === read);
  const actual = shared && parts[0] ? parts[0].actual : null;
  if (worst === 'pass') return { status: 'pass', reason: null, actual, scoring: { kind: 'all', parts }, parts };
  const k = parts.findIndex((v) => v.status === worst);
  const decider = parts[k]!;
  const own = reads?.[k] ?? null;
  // A part without its own actual speaks for the cell, and so does an actual that judged
  // every part alike (missing, unreadable, a word); any other reason is the part's, named.
  const whole = shared && (early(read) !== null || judgingWord(read) !== null);
  const reason = own === null ? needOne : { part: decider, name: whole || t.targets.length === 1 ? null : partName(t.targets[k]!) };
  return { status: worst, reason, actual, scoring: { kind: 'all', parts }, parts };
}
