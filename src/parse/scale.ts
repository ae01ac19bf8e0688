import { GRADE_WORDS } from '../vocab/words.js';

/** Longest first, so that `不合格` is read before `合格` and `良好` before `良`. */
const LONGEST_FIRST: readonly string[] = [...GRADE_WORDS].sort((a, b) => b.length - a.length);

/** What separates the grades of a written scale: `优、良、中、差`, `合格/不合格`. */
const SEPARATORS = /[\s、，,/／]+/;

/**
 * The grades of a term written as a grade scale, best first (`优良中低差`, `好坏`,
 * `合格不合格`, `较好、一般、较差`), or null: a scale is two or more grade words and
 * nothing else, each once. One grade word (`良好`, `合格`) is an ordinary term. Words are
 * read between separators, longest first, so that `良、好` stays two grades.
 */
export function gradeScale(term: string): readonly string[] | null {
  const grades: string[] = [];
  for (const piece of term.split(SEPARATORS)) {
    let at = 0;
    while (at < piece.length) {
      const word = LONGEST_FIRST.find((g) => piece.startsWith(g, at));
      if (word === undefined || grades.includes(word)) return null;
      grades.push(word);
      at += word.length;
    }
  }
  return grades.length >= 2 ? Object.freeze(grades) : null;
}
