import { format, type Target } from '../index.js';
import type { ReportState } from '../i18n/report.js';
import { decimalText } from '../table/decimal-text.js';
import type { CheckedRow } from '../table/index.js';

/**
 * A checked row as the outputs for people show it: the verdict as a state, the target in
 * its canonical text, completion as a percentage, score and weight as decimal text, and
 * the reason in words of the locale the rows were checked in.
 */
export interface RowView {
  readonly line: number;
  /** null for a row with no verdict and no error (a table without actual values). */
  readonly state: ReportState | null;
  /** `format(target)`, or '' when the target did not parse. */
  readonly target: string;
  /** `104.6%`, or ''. */
  readonly completion: string;
  readonly score: string;
  readonly weight: string;
  /** Why the row is not achieved, could not be judged or read; '' for a pass. */
  readonly reason: string;
  /** Over-achievement that the self-evaluation form asks to explain (偏差说明). */
  readonly deviation: boolean;
}

/** Texts of targets, by identity: the checker gives one Target per distinct cell text. */
const FORMAT_CACHE_SIZE = 1000;

export class RowViews {
  private readonly formatted = new Map<Target, string>();

  view(row: CheckedRow): RowView {
    const v = row.verdict;
    const sc = row.score;
    const state: ReportState | null = row.error !== null ? 'error' : v !== null ? v.status : null;
    const completion = v?.completion ? `${decimalText(v.completion.toFixed(), 2) ?? v.completion.toFixed()}%` : '';
    return {
      line: row.line,
      state,
      target: row.target === null ? '' : this.format(row.target),
      completion,
      score: sc?.score?.toFixed() ?? '',
      weight: sc !== null ? sc.weight.toFixed() : row.record?.weight ?? '',
      reason: row.error !== null ? row.error.message : v?.reason?.message ?? '',
      deviation: sc?.deviation === true,
    };
  }

  private format(t: Target): string {
    let s = this.formatted.get(t);
    if (s === undefined) {
      s = format(t);
      if (this.formatted.size >= FORMAT_CACHE_SIZE) this.formatted.clear();
      this.formatted.set(t, s);
    }
    return s;
  }
}

/** Columns a text takes in a spreadsheet or a monospace font: CJK and full-width characters two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return w;
}
