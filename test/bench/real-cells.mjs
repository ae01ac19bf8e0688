// The cells the benchmark draws from: every target cell of the corpus of published tables
// (test/fixtures/corpus, each occurrence kept, the Songgang cells exactly as the budget
// system stored them, whitespace and line breaks included) and every example cell of the
// documentation (docs/en: the generated examples of forms.md, evaluation.md, errors.md and
// the command-line page). Read from the repository only, no library loaded.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(`${ROOT}${path}`, 'utf8');

/** A TSV field of the Songgang file: `\\`, `\t`, `\r`, `\n` written escaped (its .md says so). */
const unescapeField = (s) => s.replace(/\\([\\trn])/g, (_, c) => ({ '\\': '\\', t: '\t', r: '\r', n: '\n' })[c]);

/** The columns named `names` of every data line of a TSV fixture, non-empty cells only. */
function tsvColumns(path, names, unescape) {
  const [header, ...lines] = read(path).split('\n').filter((l) => l !== '');
  const cols = header.split('\t');
  const at = names.map((n) => cols.indexOf(n));
  if (at.includes(-1)) throw new Error(`${path}: no column ${names[at.indexOf(-1)]}`);
  return lines.flatMap((l) => { const f = l.split('\t'); return at.map((i) => unescape(f[i] ?? '')); }).filter((c) => c !== '');
}

/** Every target cell of the corpus, as often as the tables hold it. */
export function corpusCells() {
  return [
    ...tsvColumns('test/fixtures/corpus/yancheng-2022.tsv', ['half_year_target', 'full_year_target'], (s) => s),
    ...tsvColumns('test/fixtures/corpus/songgang-2021-2023.tsv', ['target'], unescapeField),
  ];
}

/** Target texts among the arguments of a generated block of the docs (`<!-- gen:NAME [args] -->`). */
const FROM_MARKER = {
  parse: ([cell]) => (typeof cell === 'string' ? [cell] : []),
  error: ([cell]) => (typeof cell === 'string' ? [cell] : []),
  examples: ([cells]) => cells,
  evaluate: ([target]) => [target],
  verdicts: ([pairs]) => pairs.map(([target]) => target).filter((t) => typeof t === 'string'),
  // `indicator-expr parse CELL…` and `eval TARGET ACTUAL`: the positional arguments.
  cli: ([argv]) => {
    const positional = argv.slice(1).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
    if (argv[0] === 'parse') return positional;
    if (argv[0] === 'eval') return positional.slice(0, 1);
    return [];
  },
};

/** Every example target cell of the English docs (the Chinese pages show the same cells), each once. */
export function docsCells() {
  const cells = new Set();
  for (const name of readdirSync(`${ROOT}docs/en`).filter((f) => f.endsWith('.md')).sort()) {
    const text = read(`docs/en/${name}`);
    for (const m of text.matchAll(/<!-- gen:([a-z]+) (.*) -->/g)) {
      const take = FROM_MARKER[m[1]];
      if (take) for (const c of take(JSON.parse(m[2]))) cells.add(c);
    }
    // errors.md shows each error code's call: `parseTarget("…")` with a string literal.
    for (const m of text.matchAll(/^parseTarget\(("(?:[^"\\]|\\.)*")\)$/gm)) cells.add(JSON.parse(m[1]));
  }
  return [...cells];
}
