import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { compareReviewed, readCells, readReviewed, summarise, summariseCell } from './reviewed-songgang.mjs';

/**
 * The Songgang field data read as the spec says (test/fixtures/songgang-2021-2023-reviewed.json,
 * reviewed by hand cell by cell): every cell whose form is built reads exactly as reviewed;
 * every cell still waiting for a form (`pending`) still reads otherwise, so the pending list
 * can only shrink when the form lands, never hide a cell that already reads right or a
 * pending cell that a change made worse without notice. golden-songgang.test.ts pins what
 * the parser gives today; this file pins what it should give.
 */
const reviewed = readReviewed();
const cells = readCells();
const pendingCells = Object.keys(reviewed.pending);
const builtCells = cells.filter((c) => !(c in reviewed.pending));
const q = (value: string, unit: string, dimension: string, base: string, baseUnit: string, known = true) =>
  ({ value, unit, dimension, base: { value: base, unit: baseUnit }, known });

describe('the summary of a parse result', () => {
  const cases: [string, string][] = [
    ['≥50亿元', 'compare >= 50 亿元 {currency 5000000000 元}'],
    ['3个工作日', 'compare = implicit 3 个工作日 {duration 3 工作日}'],
    ['≥60', 'compare >= 60 {number 60 1}'],
    ['=3所学校', 'compare = 3 所学校 {count? 3 所学校}'],
    ['≧0.5万亩', 'compare >= 0.5 万亩 {area ~3333333.3333333333333 平方米}'],
    ['90%左右', 'approx 90 % {ratio 0.9 1}'],
    ['85%-90%', 'range >= 85 % {ratio 0.85 1} <= 90 % {ratio 0.9 1}'],
    ['≥85%且≤90%', 'all [ compare >= 85 % {ratio 0.85 1} ; compare <= 90 % {ratio 0.9 1} ]'],
    ['受益户数≥200户,受益脱贫户数≥15户', 'all [ compare >= 200 户 {count 200 户} | label 受益户数 ; compare >= 15 户 {count 15 户} | label 受益脱贫户数 ]'],
    ['健全', 'qualitative 健全'],
    ['优良中低差', 'qualitative 优良中低差 scale 优,良,中,低,差'],
    ['较上年提高5%', 'trend up mods 较上年 amount 5 % {ratio 0.05 1}'],
    ['同比提高不低于3%', 'trend up mods 同比 amount >= 3 % {ratio 0.03 1}'],
    ['2022年12月底前', 'deadline <= 2022-12-31'],
    ['9月前', 'deadline <= ?-9-?'],
    ['2020年1月--2020年11月', 'period 2020-1-? .. 2020-11-?'],
    ['脱贫人口满意度≥90%', 'compare >= 90 % {ratio 0.9 1} | label 脱贫人口满意度'],
    ['100%(历史标准)', 'compare = implicit 100 % {ratio 1 1} | note 历史标准'],
    ['力争达到95%', 'compare >= 95 % {ratio 0.95 1} | mods 力争'],
    ['不适用', 'error NOT_APPLICABLE'],
    ['≥', 'error MISSING_NUMBER'],
  ];
  it.each(cases)('%s → %s', (text, summary) => {
    expect(summariseCell(lib, text)).toBe(summary);
  });

  it('an exclusive bound reads > or <', () => {
    const range = { kind: 'range', min: q('1', '天', 'duration', '86400', '秒'), max: q('3', '天', 'duration', '259200', '秒'), minInclusive: false, maxInclusive: false, text: '', label: null, note: null };
    expect(summarise(range)).toBe('range > 1 天 {duration 86400 秒} < 3 天 {duration 259200 秒}');
  });

  // Every field that decides a verdict shows in the summary: change any one of them and the
  // summary changes; change only the text and it does not.
  const base = { kind: 'compare', op: '>=', implicit: false, quantity: q('5', '万人次', 'count', '50000', '人次'), text: '≥5万人次', label: 'L', note: 'N' };
  const variants: [string, object][] = [
    ['op', { op: '>' }], ['implicit', { implicit: true }], ['label', { label: null }], ['note', { note: 'M' }],
    ['modifiers', { modifiers: ['力争'] }],
    ['value', { quantity: { ...base.quantity, value: '5.5' } }], ['unit', { quantity: { ...base.quantity, unit: '人次' } }],
    ['dimension', { quantity: { ...base.quantity, dimension: 'unknown' } }], ['known', { quantity: { ...base.quantity, known: false } }],
    ['base value', { quantity: { ...base.quantity, base: { value: '5', unit: '人次' } } }],
    ['base unit', { quantity: { ...base.quantity, base: { value: '50000', unit: '人' } } }],
    ['exact', { quantity: { ...base.quantity, exact: false } }], ['kind', { kind: 'approx' }],
  ];
  it.each(variants)('a change of %s changes the summary', (_, change) => {
    expect(summarise({ ...base, ...change })).not.toBe(summarise(base));
  });
  it('the text alone does not change the summary', () => {
    expect(summarise({ ...base, text: '≥5.00(万人次)' })).toBe(summarise(base));
  });
  it('dates, terms, scales and trend amounts change the summary', () => {
    const deadline = { kind: 'deadline', op: '<=', date: { year: 2024, month: 12, day: 31 }, text: '', label: null, note: null };
    expect(summarise({ ...deadline, date: { year: null, month: 12, day: 31 } })).not.toBe(summarise(deadline));
    expect(summarise({ ...deadline, date: { year: 2024, month: 12, day: null } })).not.toBe(summarise(deadline));
    const quality = { kind: 'qualitative', term: '优良', text: '', label: null, note: null };
    expect(summarise({ ...quality, scale: ['优', '良'] })).not.toBe(summarise(quality));
    const trend = { kind: 'trend', direction: 'up', modifiers: [], amount: q('5', '%', 'ratio', '0.05', '1'), amountOp: null, text: '', label: null, note: null };
    expect(summarise({ ...trend, amountOp: '>=' })).not.toBe(summarise(trend));
    expect(summarise({ ...trend, direction: 'down' })).not.toBe(summarise(trend));
    expect(summarise({ ...trend, modifiers: ['同比'] })).not.toBe(summarise(trend));
  });
  it('refuses a kind it does not know rather than summarising it loosely', () => {
    expect(() => summarise({ kind: 'any', targets: [] })).toThrow(/any/);
  });
});

describe('the reviewed fixture', () => {
  it('reviews every distinct cell of the corpus, and only those', () => {
    expect(cells).toHaveLength(650);
    expect(Object.keys(reviewed.cells).sort()).toEqual([...cells].sort());
  });

  it('lists as pending and as spec gaps only cells it reviews, each pending cell with its form and branch', () => {
    for (const [cell, why] of Object.entries(reviewed.pending)) {
      expect(reviewed.cells[cell], cell).toBeDefined();
      expect(why).toMatch(/^(i19-numbers|i19-dates|i19-labels|unassigned): /);
    }
    const ids = new Set<string>();
    for (const gap of reviewed.specGaps) {
      expect(ids.has(gap.id), gap.id).toBe(false);
      ids.add(gap.id);
      expect(gap.cells.length, gap.id).toBeGreaterThan(0);
      for (const cell of gap.cells) expect(reviewed.cells[cell], `${gap.id}: ${cell}`).toBeDefined();
      for (const field of [gap.spec, gap.decision, gap.why]) expect(field, gap.id).not.toBe('');
    }
    // A pending reason that names a spec gap names one that is written down.
    for (const why of Object.values(reviewed.pending)) {
      for (const [, id] of why.matchAll(/spec gaps? "([^"]+)"/g)) expect(ids.has(id!), id).toBe(true);
    }
  });

  it('has readings in the summary format', () => {
    for (const reading of Object.values(reviewed.cells)) {
      expect(reading).toMatch(/^(compare|approx|range|all|qualitative|trend|deadline|period|error) /);
    }
  });
});

describe('the Songgang cells read as reviewed', () => {
  it.each(builtCells.map((c) => [JSON.stringify(c), c] as const))('%s', (_, text) => {
    expect(summariseCell(lib, text)).toBe(reviewed.cells[text]);
  });
});

describe('the Songgang cells whose form is not built yet still read otherwise', () => {
  it.each(pendingCells.map((c) => [JSON.stringify(c), c] as const))('%s', (_, text) => {
    expect(summariseCell(lib, text), `now reads as reviewed: move it out of pending (${reviewed.pending[text]})`)
      .not.toBe(reviewed.cells[text]);
  });
});

describe('the integrator\'s report (node test/parse/reviewed-songgang.mjs)', () => {
  it('sorts the cells as the tests above do', () => {
    const r = compareReviewed(lib, reviewed);
    expect(r.matching).toHaveLength(builtCells.length);
    expect(r.differing).toEqual([]);
    expect(r.nowMatching).toEqual([]);
    expect(r.stillPending).toHaveLength(pendingCells.length);
  });

  it('prints the counts and exits 0 on the build while no built cell differs', () => {
    const script = fileURLToPath(new URL('./reviewed-songgang.mjs', import.meta.url));
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
    expect(out.split('\n')[0]).toBe(
      `${builtCells.length} cells match, 0 non-pending cells differ, 0 pending cells now match, ${pendingCells.length} pending cells still differ.`,
    );
  });

  it('finds a pending cell that reads as reviewed and a built cell that does not', () => {
    // The same comparison on a fixture where one pending reading is what the parser gives
    // today and one built reading is not.
    const [pending] = pendingCells;
    const [built] = builtCells;
    const changed = {
      ...reviewed,
      cells: { ...reviewed.cells, [pending!]: summariseCell(lib, pending!), [built!]: 'qualitative no such reading' },
    };
    const r = compareReviewed(lib, changed);
    expect(r.nowMatching.map((e) => e.text)).toEqual([pending]);
    expect(r.differing.map((e) => e.text)).toEqual([built]);
  });
});
