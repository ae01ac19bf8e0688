import type { UnitTable } from '../vocab/units.js';
import { MAGNITUDES } from '../vocab/units.js';

/** Levenshtein distance by code points (the command's did-you-mean uses it too). */
export function editDistance(a: string, b: string): number {
  const A = Array.from(a), B = Array.from(b);
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length]!;
}

/**
 * The known unit closest to an unknown one (`个工做日` → `个工作日`, `万圆元` → `万元`), or
 * null when nothing is close. A magnitude prefix is kept and the rest compared.
 */
export function suggestUnit(unit: string, table: UnitTable): string | null {
  let prefix = '';
  let rest = unit;
  for (const m of [...MAGNITUDES.keys()].sort((x, y) => y.length - x.length)) {
    if (unit.startsWith(m) && unit.length > m.length) { prefix = m; rest = unit.slice(m.length); break; }
  }
  let best: string | null = null;
  let bestD = Infinity;
  const limit = Array.from(rest).length <= 2 ? 1 : 2;
  for (const spelling of table.bySpelling.keys()) {
    const d = editDistance(rest, spelling);
    if (d < bestD || (d === bestD && best !== null && spelling.length < best.length)) { bestD = d; best = spelling; }
  }
  return best !== null && bestD <= limit && bestD > 0 ? prefix + best : null;
}

/** Details of an UNKNOWN_UNIT error: the unit and a did-you-mean in each language. */
export function unitSuggestion(unit: string, table: UnitTable): Record<string, string> {
  const s = suggestUnit(unit, table);
  return {
    unit,
    suggestion: s ?? '',
    suggestionZh: s ? `，是否应为“${s}”？` : '',
    suggestionEn: s ? `; did you mean "${s}"?` : '',
  };
}
