import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, parseTarget, score, toJSON, type Actual, type EvaluateOptions } from '../../src/index.js';

/**
 * Golden verdicts and scores for rows of the seed table. The targets and indicator names
 * are real; the actual values and weights are invented (the fixture says so). Every
 * expected value was reviewed by hand against contract.md before it was pinned.
 */
interface Case {
  line: number;
  indicator: string;
  target: string;
  actual: Actual;
  weight: string | number;
  options?: EvaluateOptions;
  verdict: { status: string; target: { kind: string } };
  score: unknown;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/yancheng-2022-verdicts.json', import.meta.url), 'utf8')) as {
  illustrative: boolean; comment: string; cases: Case[];
};
const corpus = readFileSync(new URL('../fixtures/corpus/yancheng-2022.tsv', import.meta.url), 'utf8').split('\n');

describe('golden verdicts: yancheng-2022 (illustrative actuals)', () => {
  it('is marked illustrative', () => {
    expect(fixture.illustrative).toBe(true);
    expect(fixture.comment).toMatch(/INVENTED/);
  });

  it('takes its targets and names from the corpus rows it cites', () => {
    for (const c of fixture.cases) {
      const cols = corpus[c.line - 1]!.split('\t');
      expect([cols[2], cols[4]]).toEqual([c.indicator, c.target]);
    }
  });

  it('covers pass, fail, partial and unknown for every kind of target in the table', () => {
    const kinds = new Set(fixture.cases.map((c) => parseTarget(c.target).kind));
    expect([...kinds].sort()).toEqual(['approx', 'compare', 'qualitative', 'trend']);
    for (const kind of kinds) {
      const statuses = new Set(fixture.cases.filter((c) => c.verdict.target.kind === kind).map((c) => c.verdict.status));
      expect([kind, [...statuses].sort()]).toEqual([kind, ['fail', 'partial', 'pass', 'unknown']]);
    }
  });

  it.each(fixture.cases.map((c) => [c.line, c.indicator, c.target, JSON.stringify(c.actual), c] as const))(
    'line %i %s %s ← %s', (_line, _name, _target, _actual, c) => {
      const options: EvaluateOptions = { indicator: c.indicator, ...c.options };
      expect(toJSON(evaluate(c.target, c.actual, options))).toEqual(c.verdict);
      expect(toJSON(score(c.target, c.actual, c.weight, options))).toEqual(c.score);
    },
  );
});
