import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docsFiles, markSpan, nodeRunner, prettyJson, regionsOf, renderPage, type DocsLibrary } from '../../docs/render.mjs';
import * as grammar from '../../src/grammar.js';
import * as index from '../../src/index.js';

/**
 * The generated regions of the docs (`<!-- gen:… -->`) are rendered afresh from the
 * library under test (src/) and compared with what is committed: a stale page fails here.
 * Regions that show the command or a recipe run the built package, as test/cli does
 * (`npm test` builds first). Run `npm run docs:tables` to regenerate.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const lib: DocsLibrary = { index, grammar, run: nodeRunner(ROOT) };
const committed = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('docs/ is generated from the library', () => {
  it('the command the docs run is built (npm run build)', () => {
    expect(existsSync(join(ROOT, 'dist/cli.js')), 'dist/cli.js is missing: run npm run build').toBe(true);
  });

  const fresh = docsFiles(lib, ROOT);

  it.each(Object.keys(fresh))('%s is up to date (npm run docs:tables)', (path) => {
    expect(committed(path), `${path} is stale: run npm run docs:tables`).toBe(fresh[path]);
  });

  it('covers every page of both trees, the index and the grammar\'s README', () => {
    expect(Object.keys(fresh)).toEqual(expect.arrayContaining(['docs/README.md', 'docs/zh/forms.md', 'docs/en/forms.md', 'grammar/README.md']));
  });
});

describe('the two trees', () => {
  const pages = (lang: string): string[] => readdirSync(join(ROOT, 'docs', lang)).filter((f) => f.endsWith('.md')).sort();

  it('have the same pages', () => {
    expect(pages('zh')).toEqual(pages('en'));
    expect(pages('zh')).toEqual(['cli.md', 'errors.md', 'evaluation.md', 'forms.md', 'recipes.md', 'results.md', 'units.md', 'words.md']);
  });

  it.each(pages('zh'))('%s shows the same generated regions, in the same order, in Chinese and English', (page) => {
    expect(regionsOf(committed(`docs/en/${page}`))).toEqual(regionsOf(committed(`docs/zh/${page}`)));
  });

  /** One cell for each form that the forms specification (docs/en/forms.md) lists, section by section. */
  const FORMS = [
    '＞＝９５％', '≧90%', '&ge;90%', '<p>≥90%</p>', '≥ 90 %', '“≥90%”', '≥90%。', '≥3萬人', '100%(历史标准)', '90%（计划标准）', '50万元（含）以上',
    '1，200.5', '1,200', '-5', '三', '两', '十二', '一百二十', '二〇二二', '壹佰', '1.5万', '3千万', '三万五', '两千六', '3万4000', '25万6千',
    '十亿3000万', '一万零十二', '百分之九十', '百分之95', '千分之一', '三分之二', '50亿元', '3.5万人', '1000万平方米', '50亿',
    '≥3.5万人', '下降2个百分点', '≥90分', '3个工作日', '≥10亩', '≤300元/人*月', '≥500元/人', '≥2万元/人', '≤80元/平方米', '≥2次/年',
    '≥100人次/天', '≤300元/人·月', '≤20元/人.每天', '620万/月', '28.40/株', '5230000万元', '=3所学校',
    '≥50亿元', '不低于95%', '至少3次', '不超过5%', '控制在1%以下', '大于5%', '不满18周岁', '≥95%以上', '≤3个工作日以内', '不低于95%以上',
    '85%以上（不含）', '力争达到95%', '90%左右', '约95%', '~95%', '90%上下', '控制在90%左右', '不等于0',
    '85%-90%', '85%~90%', '85%～90%', '85%至90%', '85到90%', '3-5个工作日', '介于85%和90%之间', '[85%,90%]', '≥85%且≤90%', '≥85%，≤100%', '±3%以内',
    '健全', '按时完成', '无重大事故', '较上年提高', '提高5%', '较上年增长10%', '同比提高不低于3%', '逐步提高', '保持稳定', '生态修复功能提高', '改善条件', '持续发展',
    '2022年12月31日前', '2022年12月底前', '12月底前完成', '6月30日前', '年底前', '年内完成', '2022年底', '第三季度', '2022.12.31前', '2022-12-31前',
    '2023年12月31日', '2021年7月', '2020年', '12月底到位', '每年12月底前', '2020年1月--2020年11月', '2021年1月-12月', '2020.1.1-2020.12.31', '2023.07-2024.01',
    '脱贫人口满意度≥90%', '受益户数≥200户,受益脱贫户数≥15户', '优良中低差',
    '   ', '/', '50 60', '≥', '≥亿元', '90%-85%', '5%-3天', '≥95%以下',
  ];

  it.each(['zh', 'en'])('the %s forms reference shows every form of forms.md, generated', (lang) => {
    const cells = new Set(regionsOf(committed(`docs/${lang}/forms.md`))
      .filter((r) => ['parse', 'error', 'examples'].includes(r.name))
      .flatMap((r) => (JSON.parse(r.args) as unknown[]).flat())
      .filter((x): x is string => typeof x === 'string'));
    expect(FORMS.filter((f) => !cells.has(f))).toEqual([]);
    const sections = committed(`docs/${lang}/forms.md`).split('\n').filter((l) => /^## \d\. /.test(l));
    expect(sections.map((l) => l.slice(3, 5))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
  });

  it('the forms reference shows split columns too', () => {
    const parts = regionsOf(committed('docs/en/forms.md')).filter((r) => r.name === 'parse' && r.args.startsWith('[{'));
    expect(parts.map((r) => r.args)).toEqual([
      '[{"op": "＞＝", "value": "95", "unit": "%(百分比)"}]', '[{"op": "定性", "value": "优良中低差"}]', '[{"op": "=", "value": "是", "unit": "是/否"}]',
    ]);
  });
});

describe('links between the pages', () => {
  const markdown = (dir: string): string[] => readdirSync(join(ROOT, dir)).flatMap((f) => {
    const path = `${dir}/${f}`;
    if (statSync(join(ROOT, path)).isDirectory()) return markdown(path);
    return f.endsWith('.md') ? [path] : [];
  });
  const files = [...markdown('docs'), 'grammar/README.md', 'README.md'];
  const base = (path: string): string => dirname(join(ROOT, path));

  /** Where the repository's files are read on the web: the README links there, so that its links work on the package page too. */
  const REPOSITORY = 'https://github.com/indicator-expr/indicator-expr/blob/main/';
  const links = (path: string): string[] => [...committed(path).replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

  it.each(files)('%s links only to files that exist', (path) => {
    const broken = links(path)
      .filter((href) => href.startsWith(REPOSITORY) || !/^(https?:|mailto:|#)/.test(href))
      .map((href) => decodeURI(href.replace(/#.*$/, '')))
      .map((href) => (href.startsWith(REPOSITORY) ? join(ROOT, href.slice(REPOSITORY.length)) : join(base(path), href)))
      .filter((target) => !existsSync(target))
      .map((target) => relative(ROOT, target));
    expect(broken).toEqual([]);
  });

  it('the README links to the repository by full address, so that its links work on the package page', () => {
    const relativeLinks = links('README.md').filter((href) => !/^(https?:|mailto:|#)/.test(href));
    expect(relativeLinks).toEqual([]);
    expect(links('README.md').filter((href) => href.startsWith(REPOSITORY)).length).toBeGreaterThan(10);
    const pkg = JSON.parse(committed('package.json')) as { repository: { url: string } };
    expect(pkg.repository.url).toBe(`git+${REPOSITORY.replace(/\/blob\/main\/$/, '')}.git`);
  });
});

describe('the region renderer', () => {
  const ctx = { lib, root: ROOT, path: 'docs/en/x.md', lang: 'en' as const };

  it('replaces what stands in a region and keeps everything around it', () => {
    const page = 'before\n<!-- gen:examples [["≥95%"]] -->\nstale text\n<!-- /gen -->\nafter\n';
    expect(renderPage(page, ctx)).toBe('before\n<!-- gen:examples [["≥95%"]] -->\n| cell | kind | canonical format() |\n|---|---|---|\n| `≥95%` | `compare` | `≥95%` |\n<!-- /gen -->\nafter\n');
  });

  it('is idempotent', () => {
    const once = renderPage('<!-- gen:error ["≥"] -->\n<!-- /gen -->\n', ctx);
    expect(renderPage(once, ctx)).toBe(once);
  });

  it('refuses an unknown region, arguments that are not a JSON array, and an unclosed region', () => {
    expect(() => renderPage('<!-- gen:nothing -->\n<!-- /gen -->\n', ctx)).toThrow(/unknown generated region gen:nothing/);
    expect(() => renderPage('<!-- gen:parse "≥95%" -->\n<!-- /gen -->\n', ctx)).toThrow(/takes a JSON array/);
    expect(() => renderPage('<!-- gen:parse ["≥95%"] -->\n', ctx)).toThrow(/1 generated regions opened, 0 closed/);
  });

  it('refuses a parse example that does not parse, and an error example that does', () => {
    expect(() => renderPage('<!-- gen:parse ["≥"] -->\n<!-- /gen -->\n', ctx)).toThrow(/fails with MISSING_NUMBER/);
    expect(() => renderPage('<!-- gen:error ["≥95%"] -->\n<!-- /gen -->\n', ctx)).toThrow(/expected to throw/);
  });

  it('fails when the library gains an error or reason code that the docs do not explain', () => {
    const withCode = (extra: 'errorCodes' | 'reasonCodes'): DocsLibrary => ({
      ...lib, grammar: { ...grammar, [extra]: () => [...grammar[extra](), { code: 'NEW_CODE', zh: '新', en: 'new' }] },
    });
    const errors = { ...ctx, lib: withCode('errorCodes') };
    const reasons = { ...ctx, lib: withCode('reasonCodes') };
    expect(() => renderPage('<!-- gen:errors -->\n<!-- /gen -->\n', errors)).toThrow(/without an example .*NEW_CODE/);
    expect(() => renderPage('<!-- gen:reasons -->\n<!-- /gen -->\n', reasons)).toThrow(/without an example .*NEW_CODE/);
  });

  it('fails when an example no longer gives the code it documents', () => {
    const moved: DocsLibrary = { ...lib, index: { ...index, parseTarget: (() => index.parseTarget('50 60')) as typeof index.parseTarget } };
    expect(() => renderPage('<!-- gen:errors -->\n<!-- /gen -->\n', { ...ctx, lib: moved })).toThrow(/the example of EMPTY .* gives UNEXPECTED_TOKEN/);
  });

  it('marks an error span, an empty one included', () => {
    expect(markSpan('≥亿元', 1, 2)).toBe('≥⟦亿元⟧');
    expect(markSpan('≥95%且', 5, 0)).toBe('≥95%且⟦⟧');
  });

  it('prints JSON on one line when it fits, and breaks it where it does not', () => {
    expect(prettyJson({ a: [1, 2], b: { c: null } })).toBe('{ "a": [1, 2], "b": { "c": null } }');
    expect(prettyJson({ a: 'x'.repeat(60), b: 'y'.repeat(60) })).toBe(`{\n  "a": "${'x'.repeat(60)}",\n  "b": "${'y'.repeat(60)}"\n}`);
    // Chinese characters take two columns: 40 of them do not fit in 70.
    expect(prettyJson({ t: '中'.repeat(40) }, '', 70)).toBe(`{\n  "t": "${'中'.repeat(40)}"\n}`);
    expect(JSON.parse(prettyJson(index.toJSON(index.parseTarget('受益户数≥200户,受益脱贫户数≥15户'))))).toEqual(index.toJSON(index.parseTarget('受益户数≥200户,受益脱贫户数≥15户')));
  });
});
