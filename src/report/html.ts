import { Decimal } from '../index.js';
import { fill, type Locale } from '../i18n/messages.js';
import { REPORT_WORDS, type ReportWords } from '../i18n/report.js';
import { weightText } from '../table/check.js';
import { cleanLabel, type CheckedRow, type CheckSummary, type TableRow } from '../table/index.js';
import { VERSION } from '../version.js';
import { RowViews, textWidth, type RowView } from './rows.js';

/**
 * The report page of `indicator-expr check TABLE --format html`: one self-contained HTML
 * file (inline CSS and SVG, no script, no font or image fetched), for people who read
 * rather than filter: the total score and grade first, the counts, a chart of points
 * earned against points available per 一级/二级 indicator group, then the rows with their
 * verdicts coloured, the reasons in words and the rows needing a 偏差说明 marked. Prints
 * on A4.
 *
 * Every text from the table is escaped (a table is untrusted input). The summary and the
 * chart cover every row; the table lists the first LISTED rows (a page is read by people:
 * the annotated workbook has them all), so memory stays bounded.
 */
export interface HtmlReportOptions {
  readonly locale: Locale;
  /** The input's name, shown under the title. */
  readonly file: string;
}

const LISTED = 5000;

/** Points earned and available in one group, and its subgroups (二级 under 一级). */
interface Group {
  readonly name: string;
  earned: Decimal;
  available: Decimal;
  readonly children: Map<string, Group>;
}

interface Listed {
  readonly view: RowView;
  readonly levels: readonly string[];
  readonly indicator: string;
  readonly written: string;
  readonly actual: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class HtmlReport {
  private readonly words: ReportWords;
  private readonly views = new RowViews();
  private readonly listed: Listed[] = [];
  private dataRows = 0;
  private readonly groups = new Map<string, Group>();
  private levelCount = 0;

  constructor(private readonly options: HtmlReportOptions) {
    this.words = REPORT_WORDS[options.locale];
  }

  /** Every row read, in order; `checked` for data rows (what RowChecker.checkRow gave). */
  row(row: TableRow, checked: CheckedRow | null): void {
    if (checked === null) return;
    this.dataRows++;
    const view = this.views.view(checked);
    const levels = checked.record?.levels ?? [];
    this.levelCount = Math.max(this.levelCount, Math.min(2, row.columns?.levels.length ?? 0));
    this.tally(checked, levels);
    if (this.listed.length < LISTED) {
      // As on screen in the terminal table: cells without their HTML remnants (`<p>≥90%</p>` shows as ≥90%).
      this.listed.push({ view, levels, indicator: checked.indicator ?? '', written: cleanLabel(checked.record?.target ?? ''), actual: cleanLabel(checked.record?.actual ?? '') });
    }
  }

  /** Adds the row's points to its 一级 group and that group's 二级 group, as the summary counts them. */
  private tally(checked: CheckedRow, levels: readonly string[]): void {
    const sc = checked.score;
    let weight: Decimal | null = sc?.weight ?? null;
    if (weight === null && checked.record?.weight != null) {
      const t = weightText(checked.record.weight);
      weight = t === null ? null : new Decimal(t);
    }
    if (weight === null) return;
    const earned = sc?.score ?? new Decimal(0);
    const add = (map: Map<string, Group>, name: string): Group => {
      let g = map.get(name);
      if (g === undefined) { g = { name, earned: new Decimal(0), available: new Decimal(0), children: new Map() }; map.set(name, g); }
      g.earned = g.earned.plus(earned);
      g.available = g.available.plus(weight);
      return g;
    };
    const top = add(this.groups, levels[0] || this.words.ungrouped);
    if (levels.length > 1) add(top.children, levels[1] || this.words.ungrouped);
  }

  /** The whole page. */
  end(summary: CheckSummary): string {
    const w = this.words;
    const lang = this.options.locale === 'zh' ? 'zh-CN' : 'en';
    return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="indicator-expr ${escapeHtml(VERSION)}">
<title>${escapeHtml(`${w.title} — ${this.options.file}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(w.title)}</h1>
<p class="file">${escapeHtml(w.file)}${w.colon}${escapeHtml(this.options.file)}</p>
</header>
${this.totals(summary)}
${this.counts(summary)}
${summary.hasActual ? this.chart(summary) : ''}
${this.table(summary)}
<footer>${escapeHtml(fill(w.madeBy, { version: VERSION }))}</footer>
</main>
</body>
</html>
`;
  }

  private totals(s: CheckSummary): string {
    const w = this.words;
    if (!s.hasActual) return `<section class="totals"><p class="note">${escapeHtml(w.targetsOnly)}</p></section>`;
    if (s.score === null || s.weight === null) return `<section class="totals"><p class="note">${escapeHtml(w.noWeights)}</p></section>`;
    const unscored = s.unscoredWeight !== null && s.unscoredWeight !== '0'
      ? `<p class="unscored">${escapeHtml(w.unscored)} <span id="unscored-weight">${escapeHtml(s.unscoredWeight)}</span></p>` : '';
    const grade = s.grade === null ? ''
      : `<div class="grade grade-${escapeHtml(s.grade)}"><span class="label">${escapeHtml(w.grade)}</span><span id="grade">${escapeHtml(w.grades[s.grade])}</span></div>`;
    return `<section class="totals">
<div class="total"><span class="label">${escapeHtml(w.total)}</span><span class="score"><span id="total-score">${escapeHtml(s.score)}</span><span class="of"> / <span id="total-weight">${escapeHtml(s.weight)}</span></span></span>${unscored}</div>
${grade}
</section>`;
  }

  private counts(s: CheckSummary): string {
    const w = this.words;
    // A state's colour only where there are rows in it: a red "0 errors" would alarm.
    const item = (id: string, cls: string, label: string, n: number): string =>
      `<li${n > 0 ? ` class="${cls}"` : ''}><span class="n" id="count-${id}">${n}</span> ${escapeHtml(label)}</li>`;
    const items = [item('rows', 'rows', w.dataRows, s.rows)];
    if (s.hasActual) for (const st of ['pass', 'partial', 'fail', 'unknown'] as const) items.push(item(st, `state-${st}`, w.state[st], s.status[st]));
    items.push(item('error', 'state-error', w.state.error, s.errors));
    return `<section class="counts"><ul>${items.join('')}</ul></section>`;
  }

  /** Horizontal bars: points available (light) and earned (dark), 一级 groups with their 二级 groups below. */
  private chart(s: CheckSummary): string {
    const w = this.words;
    const head = `<h2>${escapeHtml(w.chart)}</h2>`;
    if (s.weight === null) return `<section class="chart">${head}<p class="note">${escapeHtml(w.noWeights)}</p></section>`;
    if (this.levelCount === 0) return `<section class="chart">${head}<p class="note">${escapeHtml(w.noGroups)}</p></section>`;
    const rows: { group: Group; depth: number }[] = [];
    for (const g of this.groups.values()) {
      rows.push({ group: g, depth: 0 });
      for (const c of g.children.values()) rows.push({ group: c, depth: 1 });
    }
    let max = new Decimal(0);
    for (const r of rows) if (r.group.available.greaterThan(max)) max = r.group.available;
    // Pixels, not values: the only place a decimal becomes a JS number is a bar's length.
    const scale = max.isZero() ? 0 : 1 / Number(max.toFixed(6));
    const LABEL = 200;
    const BAR = 380;
    const ROW = 26;
    const width = LABEL + BAR + 110;
    const height = rows.length * ROW + 8;
    const parts = rows.map(({ group, depth }, i) => {
      const y = 4 + i * ROW;
      const avail = Math.max(1, Number(group.available.toFixed(6)) * scale * BAR);
      const earned = Number(group.earned.toFixed(6)) * scale * BAR;
      const name = shorten(group.name, depth === 0 ? 22 : 20);
      const text = `${group.earned.toFixed()} / ${group.available.toFixed()}`;
      return `<g class="group depth-${depth}" data-name="${escapeHtml(group.name)}" data-earned="${escapeHtml(group.earned.toFixed())}" data-available="${escapeHtml(group.available.toFixed())}">`
        + `<title>${escapeHtml(`${group.name}: ${w.earned} ${text}`)}</title>`
        + `<text x="${depth === 0 ? 0 : 16}" y="${y + 17}" class="name">${escapeHtml(name)}</text>`
        + `<rect class="available" x="${LABEL}" y="${y + 4}" width="${avail.toFixed(1)}" height="16" rx="2"/>`
        + `<rect class="earned" x="${LABEL}" y="${y + 4}" width="${earned.toFixed(1)}" height="16" rx="2"/>`
        + `<text x="${LABEL + BAR + 8}" y="${y + 17}" class="value">${escapeHtml(text)}</text></g>`;
    });
    return `<section class="chart">${head}<p class="note">${escapeHtml(w.chartNote)}</p>
<svg id="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(w.chart)}">${parts.join('')}</svg>
</section>`;
  }

  private table(s: CheckSummary): string {
    const w = this.words;
    const levels = this.levelCount;
    const heads = [w.line, ...(levels > 0 ? [w.level1] : []), ...(levels > 1 ? [w.level2] : []), w.indicator, w.targetHead];
    if (s.hasActual) heads.push(w.actual, w.added.verdict);
    if (s.hasWeight && s.hasActual) heads.push(`${w.earned} / ${w.weight}`);
    heads.push(s.hasActual ? w.added.reason : w.added.target);
    let previous: readonly string[] = [];
    const body = this.listed.map((l) => {
      const v = l.view;
      const cells: string[] = [`<td class="line">${v.line}</td>`];
      // Group names as the form shows them, in merged cells: only where they change.
      for (let i = 0; i < levels; i++) {
        const same = l.levels.slice(0, i + 1).every((x, k) => x === previous[k]);
        cells.push(`<td class="level">${same ? '' : escapeHtml(l.levels[i] ?? '')}</td>`);
      }
      previous = l.levels;
      cells.push(`<td class="indicator">${escapeHtml(l.indicator)}</td>`);
      cells.push(`<td class="target">${escapeHtml(l.written)}</td>`);
      if (s.hasActual) {
        cells.push(`<td class="actual">${escapeHtml(l.actual)}</td>`);
        cells.push(v.state === null ? '<td></td>' : `<td class="verdict state-${v.state}">${escapeHtml(w.state[v.state])}</td>`);
      }
      if (s.hasWeight && s.hasActual) cells.push(`<td class="points">${escapeHtml(v.score === '' && v.weight !== '' ? `— / ${v.weight}` : v.weight === '' ? '' : `${v.score} / ${v.weight}`)}</td>`);
      cells.push(`<td class="reason">${this.reason(v, s.hasActual)}</td>`);
      const cls = [v.state === null ? '' : `row-${v.state}`, v.deviation ? 'deviation' : ''].filter((c) => c !== '').join(' ');
      return `<tr${cls ? ` class="${cls}"` : ''} data-line="${v.line}"${v.state ? ` data-state="${v.state}"` : ''}>${cells.join('')}</tr>`;
    });
    const more = this.dataRows > this.listed.length
      ? `<p class="note">${escapeHtml(fill(w.notShown, { shown: this.listed.length, n: this.dataRows - this.listed.length }))}</p>` : '';
    return `<section class="rows"><h2>${escapeHtml(w.rowsHead)}</h2>
<table id="rows"><thead><tr>${heads.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${body.join('\n')}
</tbody></table>${more}</section>`;
  }

  private reason(v: RowView, hasActual: boolean): string {
    const w = this.words;
    if (!hasActual) return v.state === 'error' ? escapeHtml(v.reason) : `<span class="canonical">${escapeHtml(v.target)}</span>`;
    const parts: string[] = [];
    if (v.deviation) parts.push(`<span class="flag">${escapeHtml(w.added.deviation)}：${escapeHtml(w.deviationNeeded)}</span>`);
    if (v.reason !== '') parts.push(escapeHtml(v.reason));
    // A completion of 0 % beside a pass is a target of 0 met, not a rate worth showing.
    else if (v.completion !== '' && v.completion !== '0%') parts.push(escapeHtml(fill(w.completionOf, { p: v.completion })));
    return parts.join(' ');
  }
}

/** At most `max` columns of text, ending with `…` when cut (the full name is in the bar's title). */
function shorten(s: string, max: number): string {
  if (textWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Fonts the reader's system has: no font is fetched. The colours are the workbook's. */
const CSS = `
:root { --pass: #c6efce; --pass-ink: #006100; --partial: #ffeb9c; --partial-ink: #9c5700; --fail: #ffc7ce; --fail-ink: #9c0006;
  --unknown: #e4dfec; --unknown-ink: #5b3f86; --flag: #fce4d6; --flag-ink: #9a3e00; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f8fa; color: #1f2328;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 24px 0 8px; }
.file, .note, footer { color: var(--muted); }
.note { margin: 4px 0 8px; font-size: 13px; }
.totals { display: flex; gap: 32px; align-items: flex-end; margin: 16px 0; padding: 16px 20px; border: 1px solid var(--line); border-radius: 8px; }
.totals .label { display: block; color: var(--muted); font-size: 13px; }
.total .score { font-size: 40px; font-weight: 700; line-height: 1.1; }
.total .of { font-size: 20px; font-weight: 400; color: var(--muted); }
.unscored { margin: 2px 0 0; font-size: 13px; color: var(--muted); }
.grade #grade { font-size: 40px; font-weight: 700; line-height: 1.1; }
.grade-优 #grade { color: var(--pass-ink); } .grade-良 #grade { color: #1a5f9c; } .grade-中 #grade { color: var(--partial-ink); } .grade-差 #grade { color: var(--fail-ink); }
.counts ul { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0; }
.counts li { padding: 4px 12px; border-radius: 14px; border: 1px solid var(--line); }
.counts .n { font-weight: 700; }
.state-pass { background: var(--pass); color: var(--pass-ink); }
.state-partial { background: var(--partial); color: var(--partial-ink); }
.state-fail, .state-error { background: var(--fail); color: var(--fail-ink); }
.state-unknown { background: var(--unknown); color: var(--unknown-ink); }
#chart { max-width: 100%; height: auto; font-size: 13px; }
#chart .name { fill: #1f2328; } #chart .depth-0 .name { font-weight: 700; }
#chart .value { fill: var(--muted); }
#chart .available { fill: #dbe4ee; } #chart .earned { fill: #2f6fab; }
#chart .depth-1 .earned { fill: #5b8fc7; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f2f2f2; position: sticky; top: 0; }
td.line, td.points { text-align: right; white-space: nowrap; color: var(--muted); }
td.points { color: inherit; }
td.verdict { white-space: nowrap; font-weight: 600; }
td.level { color: var(--muted); }
tr.deviation td:first-child { box-shadow: inset 4px 0 0 #e07b39; }
.flag { display: inline-block; padding: 0 6px; border-radius: 4px; background: var(--flag); color: var(--flag-ink); font-weight: 600; }
.canonical { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
footer { margin-top: 24px; font-size: 12px; }
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 9pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .totals, .chart, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  th { position: static; }
  table { font-size: 8pt; }
  #chart { width: 100%; }
}
`;
