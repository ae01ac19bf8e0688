import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectColumns, headerKey, isHeaderRow, mapColumns, type RawRow } from '../../src/table/index.js';
import { cannotBeKnownName } from '../../src/table/header.js';
import {
  ACTUAL_NAMES, INDICATOR_NAMES, LEVEL_NAMES, OP_NAMES, TARGET_NAMES_ANY_PERIOD, TARGET_NAMES_BY_PERIOD, UNIT_NAMES, WEIGHT_NAMES,
} from '../../src/vocab/columns.js';

const rows = (...cells: string[][]): RawRow[] => cells.map((c, i) => ({ line: i + 1, cells: c, error: null }));

describe('header names', () => {
  it('normalises header cells before matching', () => {
    expect(headerKey('全年 指标值')).toBe(headerKey('全年指标值'));
    expect(headerKey('<p>三级指标</p>')).toBe('三级指标');
    expect(headerKey('年度指标值（A）')).toBe('年度指标值');
    expect(headerKey('实际完成值(B)')).toBe('实际完成值');
    expect(headerKey('分值【必填】')).toBe('分值');
    expect(headerKey('*指标值：')).toBe('指标值');
    expect(headerKey('Full Year Target')).toBe(headerKey('full_year_target'));
    expect(headerKey('ＩＮＤＩＣＡＴＯＲ')).toBe('indicator');
    // A bracket that is the whole name stays.
    expect(headerKey('(A)')).toBe('(a)');
  });

  it('gives plain text back as it is, and still normalises text just outside it', () => {
    for (const t of ['全年指标值', '≥50亿元', '=100%', '1.5‰', '2022年3月底前', 'abc123', '']) expect(headerKey(t)).toBe(t);
    // A CJK compatibility ideograph (NFKC maps it), upper case, a dash, a bracket, a space.
    expect(headerKey('\uf900')).toBe('\u8c48');
    expect(headerKey('≥50ABC')).toBe('≥50abc');
    expect(headerKey('85%-92%')).toBe('85%92%');
    expect(headerKey('分值(分)')).toBe('分值');
    expect(headerKey('全年 指标值')).toBe('全年指标值');
  });

  it('matches whole names only: 指标值 is not 半年指标值, 单位 is not 单位名称', () => {
    expect(isHeaderRow(['单位名称', '盐城市住房公积金管理中心'])).toBe(false);
    expect(isHeaderRow(['单位 主要职能', '全年 预算数'])).toBe(false);
    expect(isHeaderRow(['三级指标', '全年 指标值'])).toBe(true);
    expect(isHeaderRow(['三级指标', '其他'])).toBe(false);
  });
});

describe('detectColumns', () => {
  it('skips title rows and maps Chinese headers, full year by default', () => {
    const found = detectColumns(rows(
      ['2022年度部门整体支出绩效目标表'],
      ['单位名称', '某单位'],
      ['一级指标', '二级指标', '三级指标', '半年指标值', '全年指标值', '计量单位', '指标性质', '实际完成值', '分值'],
    ));
    expect(found.index).toBe(2);
    expect(found.columns).toMatchObject({
      indicator: 2, target: 4, unit: 5, op: 6, actual: 7, weight: 8, levels: [0, 1], width: 9, line: 3,
      names: { target: '全年指标值', indicator: '三级指标' },
    });
    expect(detectColumns(rows(['三级指标', '半年指标值', '全年指标值']), { period: 'half' }).columns.target).toBe(1);
  });

  it('reads English headers of the corpus', () => {
    const { columns } = detectColumns(rows(['level1', 'level2', 'indicator', 'half_year_target', 'full_year_target']));
    expect(columns).toMatchObject({ indicator: 2, target: 4, levels: [0, 1] });
  });

  it('never falls back to the other period, and says how to read it', () => {
    expect(() => detectColumns(rows(['三级指标', '半年指标值']))).toThrowError(
      expect.objectContaining({ code: 'NO_TARGET_COLUMN', messages: expect.objectContaining({ en: expect.stringContaining("use period 'half'") }) }),
    );
    // A column of no period serves both.
    expect(detectColumns(rows(['指标名称', '指标值']), { period: 'half' }).columns.target).toBe(1);
  });

  it('takes explicit columns by name or position over detection', () => {
    const header = ['序号', '项目', '目标', '完成情况', '权重分'];
    const { index, columns } = detectColumns(rows(['标题'], header), { columns: { indicator: '项目', target: '目标', actual: 4, weight: '5' } });
    expect(index).toBe(1);
    expect(columns).toMatchObject({ indicator: 1, target: 2, actual: 3, weight: 4 });
    // An explicit column is never taken again by detection.
    expect(mapColumns(['指标值', '目标值'], 1, { columns: { target: '目标值' } })).toMatchObject({ target: 1 });
    expect(() => mapColumns(header, 1, { columns: { target: '没有这列' } })).toThrowError(expect.objectContaining({ code: 'UNKNOWN_COLUMN' }));
    expect(() => mapColumns(header, 1, { columns: { target: 0 } })).toThrowError(expect.objectContaining({ code: 'COLUMN_OUT_OF_RANGE' }));
  });

  it('without a header: columns by position, or a clear error', () => {
    expect(detectColumns(rows(['甲', '≥1']), { columns: { indicator: 1, target: 2 } })).toMatchObject({ index: -1, columns: { indicator: 0, target: 1, width: 0 } });
    expect(detectColumns(rows(['甲', '≥1']), { header: 'none', columns: { target: 2 } }).columns.target).toBe(1);
    expect(() => detectColumns(rows(['甲', '≥1'], ['乙', '≥2']))).toThrowError(expect.objectContaining({ code: 'NO_HEADER', details: expect.objectContaining({ rows: 2 }) }));
    expect(() => detectColumns(rows(['甲', '≥1']), { header: 'none' })).toThrowError(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(detectColumns(rows(['x'], ['指标', '值']), { header: 2, columns: { target: '值' } }).index).toBe(1);
  });
});

describe('the quick test that rules data cells out of the header search', () => {
  const names = [...INDICATOR_NAMES, ...TARGET_NAMES_BY_PERIOD.full, ...TARGET_NAMES_BY_PERIOD.half, ...TARGET_NAMES_ANY_PERIOD,
    ...OP_NAMES, ...UNIT_NAMES, ...ACTUAL_NAMES, ...WEIGHT_NAMES, ...LEVEL_NAMES.flat()];
  const known = new Set(names.map(headerKey));

  it('never rules out a cell whose key is a known name', () => {
    // Cells built from the names, with what the key drops or folds around them (marks, stars,
    // brackets, spaces, tags, full-width forms), and digit or ideograph starts of every kind.
    const piece = fc.oneof(
      fc.constantFrom(...names), fc.constantFrom('\u0301', '\u0338', '\u3099', '*', ' ', '（A）', '【必填】', ':', '<b>', '</b>', '&nbsp;', '_', '-'),
      fc.constantFrom('０', '１', '9', '0', '指', '三', '全', '分', '实', '权', '单', '一', '二', '得', 'Ａ', 'a', '≥', '≤', '=', '＝', '≧'),
    );
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (parts) => {
      const cell = parts.join('');
      if (cannotBeKnownName(cell)) expect(known.has(headerKey(cell)), cell).toBe(false);
    }), { numRuns: 20_000 });
    for (const n of names) expect(cannotBeKnownName(n), n).toBe(false);
  });

  it('rules out numbers and most words of data rows', () => {
    for (const c of ['52.3亿元', '2022-04-15', '95', '数量指标', '健全', '提高', '产出', '满意度', '≥50亿元', '≤1‰', '=100%']) expect(cannotBeKnownName(c), c).toBe(true);
  });
});
