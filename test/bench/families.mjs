// The families of target cells and how often real tables publish each (issue 17: the
// occurrences of target cells across about 100 published tables), and the classification
// of every real cell (real-cells.mjs) into them, kept as data in families.tsv.
//
// families.tsv is written by `node test/bench/families.mjs --write` (after a build) and
// checked by test/bench/families.test.ts, which classifies every cell again with the
// library: a change of the parser's results, of the corpus or of a docs example that moves
// a cell to another family fails that test instead of silently changing the mix measured.
//
// The module itself is pure (no library loaded): run.mjs's workers and instructions.mjs
// read the table through inputs.mjs; only `classify` and `--write` take the library.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusCells, docsCells } from './real-cells.mjs';

/**
 * Share of each family among the target cells real tables publish, in per cent. The four
 * families "under 1 % each" count 0.5 %; the draw normalises the total. HTML remnants,
 * spaces, full-width characters and unusual units are spread over all families (the corpus
 * cells carry their own; DECORATIONS adds the rest).
 */
export const FAMILY_SHARES = [
  { family: 'bare', share: 37, what: 'a quantity alone: 100%, 3个工作日, 207项' },
  { family: 'symbol', share: 35, what: 'a comparator symbol, then a quantity: ≥95%, ≤1‰, =207项' },
  { family: 'qualitative', share: 16, what: 'a qualitative term: 健全, 及时, 基本满意' },
  { family: 'trend', share: 5, what: 'a direction: 提高, 较上年增长10%, 得到提升' },
  { family: 'deadline', share: 2.5, what: 'a deadline or period: 2022年12月底前, 第三季度' },
  { family: 'words', share: 2, what: 'comparator words before or after: 不低于95%, 90%以上' },
  { family: 'error', share: 1.6, what: 'an error or a placeholder: 不适用, /, ≥亿元' },
  { family: 'labelled', share: 1, what: 'an indicator name inside the cell: 满意度≥90%, 总成本不超过42万元' },
  { family: 'conjunction', share: 0.5, what: 'several targets: ≥85%且≤90%, 手册3000张；景点10处' },
  { family: 'approx', share: 0.5, what: 'an approximation: 90%左右, 约95%' },
  { family: 'range', share: 0.5, what: 'a range: 85%-90%, ±3%以内' },
];
export const FAMILIES = FAMILY_SHARES.map((f) => f.family);

const COMPARATOR_SYMBOL = /[≥≤=<>≠≧≦⩾⩽＞＜＝》《]|&[lg]e;|&[lg]t;/;

/**
 * The family of a cell, from what the library makes of it (lib: parseTarget and toJSON).
 * A label turns a comparison into `labelled`; on trends, deadlines and periods it is a
 * subject (`得到提升`, `服务期限2023.1.1-…`) and the family stays theirs.
 */
export function classify(lib, text) {
  let t;
  try { t = lib.toJSON(lib.parseTarget(text)); } catch { return 'error'; }
  switch (t.kind) {
    case 'compare':
      if (t.label !== null) return 'labelled';
      if (t.implicit) return 'bare';
      return COMPARATOR_SYMBOL.test(text.normalize('NFKC').replace(/<\/?[a-z][^<>]*>/gi, '')) ? 'symbol' : 'words';
    case 'all': return 'conjunction';
    case 'approx': return 'approx';
    case 'range': return 'range';
    case 'qualitative': return 'qualitative';
    case 'trend': return 'trend';
    case 'deadline': case 'period': return 'deadline';
    default: throw new Error(`a target kind the benchmark does not know: ${t.kind} (${text})`);
  }
}

/** Fresh digits are told apart by a use number of this many digits (a round of the mix has fewer draws). */
export const USE_DIGITS = 6;
/**
 * The cell with fresh digits for a use of it, so that no cache can answer it: `id`, unique
 * to the use among all the draws of a run (below 10^USE_DIGITS), is written as the last
 * digits of every number's fraction (`≥95%` → `≥95.000123%`, `85%-90%` →
 * `85.000123%-90.000123%`: a range stays in order, two cells never meet); the years of
 * deadlines and periods, which take no fraction, move back by `n % 100` years, n the use's
 * count among the cell's own uses (every end alike: a period stays in order). Cells whose
 * family this would change keep their digits (`fresh` false in the table: `1,200`,
 * `3万4000`, dates inside other families).
 */
export function freshen(text, family, id, n = id) {
  if (!(id >= 0 && id < 10 ** USE_DIGITS)) throw new RangeError(`use ${id} has more than ${USE_DIGITS} digits: fewer rounds, or more USE_DIGITS`);
  if (family === 'deadline') return text.replace(/(?<!\d)(?:19|20)\d\d(?!\d)/g, (y) => String(Number(y) - 100 + (n % 100)));
  const tail = String(id).padStart(USE_DIGITS, '0');
  return text.replace(/\d+(\.\d+)?/g, (d, frac) => `${d}${frac === undefined ? '.' : ''}${tail}`);
}

/** HTML remnants, spaces and full-width characters, each on one use in DECORATE_EVERY of a cell. */
export const DECORATIONS = [
  (s) => `<p>${s}</p>`,
  (s) => ` ${s}\t\n`,
  (s) => s.replace(/[0-9%<>=.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
];
export const DECORATE_EVERY = 40;
/** The cell as a use of it writes it (id and n as for `freshen`): fresh digits (if the table allows), and on some uses a decoration. */
export function variant(cell, id, n) {
  const text = cell.fresh ? freshen(cell.text, cell.family, id, n) : cell.text;
  const d = DECORATE_EVERY - 1 - (n % DECORATE_EVERY);
  return cell.decorate && d < DECORATIONS.length ? DECORATIONS[d](text) : text;
}

/**
 * What the actual value of a self-evaluation row looks like for a target: `#` stands for a
 * fresh number, `@` for a fresh date; qualitative targets are answered by their term.
 */
function actualTemplate(lib, text) {
  let t;
  try { t = lib.toJSON(lib.parseTarget(text)); } catch { return '#%'; }
  const unit = (q) => `#${q?.unit ?? ''}`;
  switch (t.kind) {
    case 'compare': case 'approx': return unit(t.quantity);
    case 'range': return unit(t.min ?? t.max);
    case 'all': return actualTemplate(lib, t.targets[0].text);
    case 'qualitative': return t.term;
    case 'trend': return t.amount ? unit(t.amount) : ({ up: '已提高', down: '已下降' })[t.direction] ?? '保持稳定';
    default: return '@';
  }
}

const SAMPLE_USES = [1, 37, 1234, 999_999];
/** One row of the table: the family, whether fresh digits and decorations keep it, the actual's template. */
function row(lib, text) {
  const family = classify(lib, text);
  const keeps = (f) => SAMPLE_USES.every((n) => classify(lib, f(n)) === family);
  // Fresh when every number can change (a deadline without a year has none that can) and the family stays.
  const fresh = freshen(text, family, 1) !== text && keeps((n) => freshen(text, family, n));
  const decorate = DECORATIONS.every((d) => classify(lib, d(text)) === family);
  return { family, fresh, decorate, actual: actualTemplate(lib, text), text };
}

const esc = (s) => s.replace(/[\\\t\r\n]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' })[c]);
const unesc = (s) => s.replace(/\\([\\trn])/g, (_, c) => ({ '\\': '\\', t: '\t', r: '\r', n: '\n' })[c]);
const HEADER = 'family\tfresh\tdecorate\tactual\tcorpus\tdocs\tcell';

/**
 * The table's text for the real cells: one line per distinct cell, in the order first
 * seen, with how often the corpus holds it and whether the docs show it.
 */
export function familiesTable(lib) {
  const corpus = new Map();
  for (const c of corpusCells()) corpus.set(c, (corpus.get(c) ?? 0) + 1);
  const docs = new Set(docsCells());
  const lines = [HEADER];
  for (const text of new Set([...corpus.keys(), ...docs])) {
    const r = row(lib, text);
    lines.push([r.family, r.fresh ? 1 : 0, r.decorate ? 1 : 0, esc(r.actual), corpus.get(text) ?? 0, docs.has(text) ? 1 : 0, esc(text)].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export const TABLE_URL = new URL('./families.tsv', import.meta.url);

/** The cells of families.tsv: { family, fresh, decorate, actual, weight, text }, weight the corpus count, docs cells counting one. */
export function readFamilies() {
  const [, ...lines] = readFileSync(TABLE_URL, 'utf8').split('\n').filter((l) => l !== '');
  return lines.map((l) => {
    const [family, fresh, decorate, actual, corpus, docs, text] = l.split('\t');
    if (!FAMILIES.includes(family)) throw new Error(`families.tsv: unknown family ${family}`);
    return { family, fresh: fresh === '1', decorate: decorate === '1', actual: unesc(actual), weight: Number(corpus) + Number(docs), text: unesc(text) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  const lib = await import('../../dist/index.js');
  writeFileSync(TABLE_URL, familiesTable(lib));
  const counts = Object.fromEntries(FAMILIES.map((f) => [f, 0]));
  for (const c of readFamilies()) counts[c.family]++;
  console.log('families.tsv written; distinct cells per family:', counts);
}
