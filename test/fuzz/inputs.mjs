/**
 * Generated cells and the checks every one must pass, shared by the fuzz tests of
 * `npm test` (test/fuzz/generated.test.ts, on the sources) and by `npm run fuzz`
 * (test/fuzz/run.mjs, a million and more on the built package). Plain JavaScript so
 * that the script runs under bare Node; both pass in the library they check.
 *
 * The cells come from four sources: random Unicode (every plane, lone surrogates
 * included), the vocabulary's words combined (comparators, numerals, units, trend and
 * date words, HTML tags), mutations of the real cells of test/fixtures/corpus/, and
 * Chinese-numeral forms around the numbers the grammar reads.
 */
import { readFileSync } from 'node:fs';

/** Every target cell of the corpora, as stored (TSV with \t \n \r \\ escaped). */
export function corpusCells() {
  const unescape = (s) => s.replace(/\\([tnr\\])/g, (_, c) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c]);
  const read = (name) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8').split('\n').filter(Boolean);
  const yancheng = read('yancheng-2022.tsv').slice(1).flatMap((l) => l.split('\t').slice(3));
  const songgang = read('songgang-2021-2023.tsv').slice(1).map((l) => unescape(l.split('\t')[7] ?? ''));
  return [...new Set([...yancheng, ...songgang].filter((c) => c !== ''))];
}

const HTML = ['<p>', '</p>', '<br>', '<br/>', '</p><p>', '<span style="x">', '</span>', '&nbsp;', '&lt;', '&gt;', '&amp;', '<b>', '</b>', '<', '>', '<1', '<a'];
const PUNCT = ['，', ',', '、', '；', ';', '（', '）', '(', ')', '[', ']', '【', '】', '：', ':', ' ', '\u3000', '\n', '\t', '\r\n', '.', '。', '%', '％', '‰', '/', '-', '+', '±', '~', '～', '*', '·', '"', '“', '”', '…'];

/** The words the grammar gives a meaning to, and the pieces numbers are made of. */
function words(v) {
  return [...new Set([
    ...v.opsBefore.map((w) => w.word), ...v.opsAfter.map((w) => w.word), ...v.strictness.map((w) => w.word),
    ...v.approxBefore, ...v.approxAfter, ...v.intents, ...v.trends.map((w) => w.word), ...v.trendModifiers,
    ...v.rangeSeparators, ...v.conjunctions, ...v.deadlineAfter, ...v.completionWords, ...v.yearEndWords, ...v.afterYearEndWords, ...v.wholeYearWords,
    ...v.spelledRatios.map((w) => w.word), ...v.magnitudes.map((w) => w.word), ...v.placeholders, ...v.gradeChars,
    ...v.numerals.digits.map((d) => d.char), ...v.numerals.smallUnits.map((d) => d.char), ...v.numerals.bigUnits.map((d) => d.char),
    ...v.units.flatMap((u) => [u.name, ...u.spellings]), ...v.classifiers,
    ...v.achievement.achieved, ...v.achievement.partial, ...v.achievement.notAchieved,
    '年', '月', '日', '号', '底', '末', '第', '季度', '点', '分之', '百分之', '个百分点', '半', '两', '以上', '以下', '满意度', '健全', '有效',
    '2022', '12', '0', '1', '5', '95', '3.5', '.5', '1,200', '-5', '100%', '1e3', '0.000001', '9'.repeat(20),
  ])].filter((w) => w !== '');
}

/** Arbitraries of cells, each a string. */
export function cellArbitraries(fc, vocabulary, cells) {
  const vocab = words(vocabulary);
  const digits = vocabulary.numerals.digits.map((d) => d.char);
  const numeralUnits = [...vocabulary.numerals.smallUnits.map((d) => d.char), ...vocabulary.numerals.bigUnits.map((d) => d.char)];
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...vocab) },
    { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
    { weight: 1, arbitrary: fc.constantFrom(...HTML) },
    { weight: 2, arbitrary: fc.stringMatching(/^[0-9]{1,4}(\.[0-9]{1,3})?$/) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2 }) },
  );
  const unicode = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: fc.constantFrom(...'≥≤<>=≠%万亿元个人天年月日前后左右约点分之百千十一二三四五六七八九零〇两.-~至且和0123456789 ，,（）()'), maxLength: 24 }),
  );
  const combined = fc.array(piece, { minLength: 1, maxLength: 8 }).map((ps) => ps.join(''));
  const numeral = fc.tuple(
    fc.constantFrom('', '≥', '≤', '约', '不低于', '<', '='),
    fc.array(fc.oneof(fc.constantFrom(...digits), fc.constantFrom(...numeralUnits), fc.constantFrom('点', '.', '5', '12', '.5', '3.5', ',000')), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('', '%', '万元', '元', '人', '个工作日', '天', '亿', '以上', '左右', '年', '月'),
  ).map(([o, ns, u]) => `${o}${ns.join('')}${u}`);
  const edit = fc.record({
    kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'html'),
    at: fc.nat(), len: fc.integer({ min: 1, max: 4 }), with: piece, tag: fc.constantFrom(...HTML),
  });
  const mutation = fc.tuple(fc.constantFrom(...cells), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([cell, edits]) => {
    let s = cell;
    for (const e of edits) {
      const at = s.length === 0 ? 0 : e.at % (s.length + 1);
      if (e.kind === 'insert') s = s.slice(0, at) + e.with + s.slice(at);
      else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.len);
      else if (e.kind === 'replace') s = s.slice(0, at) + e.with + s.slice(at + e.len);
      else if (e.kind === 'duplicate') s = s.slice(0, at + e.len) + s.slice(at, at + e.len) + s.slice(at + e.len);
      else s = s.slice(0, at) + e.tag + s.slice(at);
    }
    return s;
  });
  return { unicode, combined, numeral, mutation, corpus: fc.constantFrom(...cells) };
}

/** All sources mixed, in the proportions the fuzz runs use. */
export function anyCell(fc, vocabulary, cells) {
  const a = cellArbitraries(fc, vocabulary, cells);
  return fc.oneof(
    { weight: 2, arbitrary: a.unicode },
    { weight: 3, arbitrary: a.combined },
    { weight: 2, arbitrary: a.numeral },
    { weight: 4, arbitrary: a.mutation },
    { weight: 1, arbitrary: a.corpus },
  );
}

/** toJSON with every `text` removed, as the contract's round trip of `format` compares. */
function withoutText(json) {
  if (Array.isArray(json)) return json.map(withoutText);
  if (json === null || typeof json !== 'object') return json;
  const out = {};
  for (const k of Object.keys(json)) if (k !== 'text') out[k] = withoutText(json[k]);
  return out;
}

/**
 * The one known gap of the format round trip (docs/security.md): a label holding a comparator
 * word (`总不超过3`, `未满足要求]`) is a label only because a comparator symbol followed it
 * (`总不超过3<1±2万元`, `未满足要求]<1±464`, forms.md §8); before a range, an approximation or
 * a bare quantity the canonical text has no symbol to write, and a colon does not end such a
 * label (words between a comparator word and its number are its note, forms.md §4:
 * `不低于上年同期：90%`). Found as a label that `label：5` does not read back. Reported apart,
 * so that everything else must hold.
 */
export const KNOWN_GAP = 'format round trip: a label holding a comparator word (known gap)';
function formatKind(lib, json) {
  const labels = json.kind === 'all' ? json.targets.map((t) => t.label) : [json.label];
  const noColonEnds = (label) => {
    if (label === null) return false;
    try {
      return lib.parseTarget(`${label}：5`).label !== label;
    } catch {
      return true;
    }
  };
  return labels.some(noColonEnds) ? KNOWN_GAP : 'format round trip';
}

/** Actuals that sit on and beside a target's bound, from its own quantity. */
function actualsFor(t) {
  const q = t.quantity ?? t.min ?? t.amount ?? null;
  if (q === null) return ['已完成', '0'];
  const v = q.value;
  return [v.toFixed(), v.plus('1e-21').toFixed(), v.minus('1e-21').toFixed(), '0.666666666666666666668'];
}

/**
 * Check one cell against the package's promises; return null, or what went wrong:
 * only IndicatorError is thrown, offsets lie inside the text, the JSON round trip keeps
 * every verdict, and `format` gives back the same target (all but `text`). With
 * `roundTrip: false` only the first two (for the many cheap runs of `npm test`).
 */
export function checkCell(lib, text, { roundTrip = true } = {}) {
  let t;
  try {
    t = lib.parseTarget(text);
  } catch (e) {
    if (!(e instanceof lib.IndicatorError)) return { kind: 'untyped error', text, error: String(e && e.stack || e) };
    if (e.code !== 'INPUT_TOO_LONG' && (e.offset < 0 || e.length < 0 || e.offset + e.length > text.length)) {
      return { kind: 'offset outside the text', text, error: `${e.code} ${e.offset}+${e.length}` };
    }
    if (!e.messages.zh || !e.messages.en) return { kind: 'message missing', text, error: e.code };
    return null;
  }
  if (!roundTrip) return null;
  try {
    const json = lib.toJSON(t);
    if (json.text !== text) return { kind: 'text changed', text, error: JSON.stringify(json.text) };
    const back = lib.fromJSON(JSON.parse(JSON.stringify(json)));
    const jsonBack = lib.toJSON(back);
    if (JSON.stringify(jsonBack) !== JSON.stringify(json)) {
      return { kind: 'JSON round trip', text, error: `${JSON.stringify(json)}\n→ ${JSON.stringify(jsonBack)}` };
    }
    // Only a rounded value (exact: false) can judge differently once read back; every other
    // field is compared above.
    const rounded = JSON.stringify(json).includes('"exact":false');
    for (const a of rounded ? actualsFor(t) : []) {
      const v1 = lib.evaluate(t, a).status;
      const v2 = lib.evaluate(back, a).status;
      if (v1 !== v2) return { kind: 'JSON round trip changes a verdict', text, error: `actual ${a}: ${v1} → ${v2}` };
    }
    const canonical = lib.format(t);
    let again;
    try {
      again = lib.parseTarget(canonical);
    } catch (e) {
      return { kind: formatKind(lib, json), text, error: `${JSON.stringify(canonical)} does not parse: ${e && e.message}` };
    }
    const a = JSON.stringify(withoutText(lib.toJSON(again)));
    const b = JSON.stringify(withoutText(json));
    if (a !== b) return { kind: formatKind(lib, json), text, error: `${JSON.stringify(canonical)}\n  ${b}\n→ ${a}` };
    // The cell as an actual value: a verdict or the package's error, never a crash.
    lib.evaluate('≥1', text);
  } catch (e) {
    // Once the cell has parsed, nothing here may throw, not even the package's own error.
    return { kind: e instanceof lib.IndicatorError ? 'error after a parse' : 'untyped error', text, error: String(e && e.stack || e) };
  }
  return null;
}
