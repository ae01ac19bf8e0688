/**
 * The reviewed reading of the Songgang field data (test/fixtures/songgang-2021-2023-reviewed.json):
 * the summary of a parse result that the review pins, and the comparison of the parser's
 * results with the reviewed readings.
 *
 * Plain JavaScript, shared by test/parse/reviewed-songgang.test.ts (which runs it on the
 * sources) and by the command below (which runs it on the build), so that after the parser
 * branches land the integrator sees which pending cells now read as the spec says:
 *
 *   npm run build && node test/parse/reviewed-songgang.mjs
 *
 * It prints the pending cells that now match (move them out of `pending`), the pending cells
 * that still differ, by form, and the non-pending cells that differ (a regression, or a
 * reading to review again); exit code 1 when a non-pending cell differs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REVIEWED_URL = new URL('../fixtures/songgang-2021-2023-reviewed.json', import.meta.url);
export const CORPUS_URL = new URL('../fixtures/corpus/songgang-2021-2023.tsv', import.meta.url);

/** `95 % {ratio 0.95 1}`: value and unit as written, then dimension, base value and base unit. */
function quantity(q) {
  const unit = q.unit === '' ? '' : ` ${q.unit}`;
  const dimension = q.known ? q.dimension : `${q.dimension}?`;
  const base = q.exact === false ? `~${q.base.value}` : q.base.value;
  return `${q.value}${unit} {${dimension} ${base} ${q.base.unit}}`;
}

const datePart = (n) => (n === null ? '?' : String(n));
const date = (d) => `${datePart(d.year)}-${datePart(d.month)}-${datePart(d.day)}`;

/** What the kind alone says, without label, note and modifiers. */
function body(t) {
  switch (t.kind) {
    case 'compare':
      return `compare ${t.op}${t.implicit ? ' implicit' : ''} ${quantity(t.quantity)}`;
    case 'approx':
      return `approx ${quantity(t.quantity)}`;
    case 'range':
      return `range ${t.minInclusive ? '>=' : '>'} ${quantity(t.min)} ${t.maxInclusive ? '<=' : '<'} ${quantity(t.max)}`;
    case 'all':
      return `all [ ${t.targets.map(summarise).join(' ; ')} ]`;
    case 'qualitative':
      return `qualitative ${t.term}${t.scale ? ` scale ${t.scale.join(',')}` : ''}`;
    case 'trend': {
      const amount = t.amount === null ? '' : ` amount ${t.amountOp ?? ''}${t.amountOp ? ' ' : ''}${quantity(t.amount)}`;
      return `trend ${t.direction}${t.modifiers.length > 0 ? ` mods ${t.modifiers.join(',')}` : ''}${amount}`;
    }
    case 'deadline':
      return `deadline ${t.op} ${date(t.date)}`;
    case 'period':
      return `period ${date(t.from)} .. ${date(t.to)}`;
    default:
      throw new Error(`no summary for a target of kind ${JSON.stringify(t.kind)}`);
  }
}

/**
 * The reviewed summary of a target's JSON (toJSON's shape) or of an error
 * (`{ error: { code } }`): every field that decides a verdict (kind, op and whether it was
 * written, value and unit as written, dimension, base value and unit, whether the unit is
 * known, dates, term and scale, direction and amount), then ` | label …`, ` | note …` and
 * ` | mods …` when present. `text` is left out: it is always the cell itself.
 */
export function summarise(t) {
  if (t === null || typeof t !== 'object') throw new Error('not a target');
  if ('error' in t) return `error ${t.error.code}`;
  let s = body(t);
  if (t.label !== null && t.label !== undefined) s += ` | label ${t.label}`;
  if (t.note !== null && t.note !== undefined) s += ` | note ${t.note}`;
  if (t.kind !== 'trend' && Array.isArray(t.modifiers) && t.modifiers.length > 0) s += ` | mods ${t.modifiers.join(',')}`;
  return s;
}

/** The summary of what the library gives for a cell. */
export function summariseCell(lib, text) {
  const r = lib.tryParseTarget(text);
  return summarise(r.ok ? lib.toJSON(r.value) : { error: { code: r.error.code } });
}

const unescape = (s) => s.replace(/\\([trn\\])/g, (_, c) => ({ t: '\t', r: '\r', n: '\n', '\\': '\\' })[c]);

/** The distinct target cells of the corpus, exactly as stored, in their first order. */
export function readCells() {
  const rows = readFileSync(CORPUS_URL, 'utf8').split('\n').slice(1).filter((l) => l !== '');
  return [...new Set(rows.map((l) => unescape(l.split('\t')[7])))];
}

export function readReviewed() {
  return JSON.parse(readFileSync(REVIEWED_URL, 'utf8'));
}

/**
 * Each reviewed cell against the library: `matching` (not pending, reads as reviewed),
 * `differing` (not pending, reads otherwise), `nowMatching` (pending, but reads as reviewed
 * now), `stillPending` (pending and still differing), each with what the library gives.
 */
export function compareReviewed(lib, reviewed) {
  const out = { matching: [], differing: [], nowMatching: [], stillPending: [] };
  for (const [text, reading] of Object.entries(reviewed.cells)) {
    const got = summariseCell(lib, text);
    const pending = reviewed.pending[text];
    const entry = { text, reading, got, pending: pending ?? null };
    if (pending === undefined) (got === reading ? out.matching : out.differing).push(entry);
    else (got === reading ? out.nowMatching : out.stillPending).push(entry);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lib = await import('../../dist/index.js');
  const result = compareReviewed(lib, readReviewed());
  const show = (e) => `  ${JSON.stringify(e.text)}\n    reviewed: ${e.reading}\n    parser:   ${e.got}${e.pending ? `\n    pending:  ${e.pending}` : ''}`;
  console.log(`${result.matching.length} cells match, ${result.differing.length} non-pending cells differ, ` +
    `${result.nowMatching.length} pending cells now match, ${result.stillPending.length} pending cells still differ.`);
  if (result.nowMatching.length > 0) {
    console.log('\nPending cells that now read as reviewed (remove them from `pending`):');
    for (const e of result.nowMatching) console.log(show(e));
  }
  if (result.differing.length > 0) {
    console.log('\nNon-pending cells that differ from the reviewed reading:');
    for (const e of result.differing) console.log(show(e));
  }
  if (process.argv.includes('--pending')) {
    console.log('\nPending cells that still differ:');
    for (const e of result.stillPending) console.log(show(e));
  } else if (result.stillPending.length > 0) {
    console.log('\n(--pending lists the pending cells that still differ, with what the parser gives now.)');
  }
  process.exitCode = result.differing.length > 0 ? 1 : 0;
}
