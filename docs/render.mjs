// Generated regions of the documentation. A page is written by hand; where it shows what
// the library does, it holds a region that this module fills from the library itself:
//
//   <!-- gen:parse ["≥50亿元"] -->
//   (replaced on every run)
//   <!-- /gen -->
//
// The name after `gen:` picks a renderer; what follows it, if anything, is a JSON array of
// arguments. Pure: the library is handed in (`dist/` when docs/generate.mjs runs it,
// `src/` under vitest), so that the script and test/docs/docs.test.ts render the same bytes.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleEbnf, terminalsOf } from '../grammar/render.mjs';

/** The Markdown files that may hold generated regions, relative to the repository root. */
export function docSources(root) {
  const pages = (dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).sort().map((f) => `${dir}/${f}`);
  return ['docs/README.md', ...pages('docs/zh'), ...pages('docs/en'), 'grammar/README.md'];
}

/** The language a page is written in: its tree, or both for the pages outside them. */
export function pageLanguage(path) {
  if (path.startsWith('docs/zh/')) return 'zh';
  if (path.startsWith('docs/en/')) return 'en';
  return 'both';
}

// A region starts and ends on lines of their own; a marker quoted inside a line is text.
const REGION = /^<!-- gen:([\w-]+)(?: (.*?))? -->\n([\s\S]*?)^<!-- \/gen -->$/gm;

/** The regions of a page, in order: name and arguments (as written). */
export function regionsOf(text) {
  return [...text.matchAll(REGION)].map((m) => ({ name: m[1], args: m[2] ?? '' }));
}

/** A page with every generated region rendered afresh. */
export function renderPage(text, ctx) {
  const opened = (text.match(/^<!-- gen:/gm) ?? []).length;
  const closed = (text.match(/^<!-- \/gen -->$/gm) ?? []).length;
  if (opened !== closed) throw new Error(`${ctx.path}: ${opened} generated regions opened, ${closed} closed`);
  return text.replace(REGION, (_all, name, rawArgs) => {
    const render = RENDERERS[name];
    if (!render) throw new Error(`${ctx.path}: unknown generated region gen:${name}`);
    let args = [];
    if (rawArgs) {
      try {
        args = JSON.parse(rawArgs);
      } catch (e) {
        throw new Error(`${ctx.path}: gen:${name} takes a JSON array, not ${rawArgs} (${e.message})`);
      }
      if (!Array.isArray(args)) throw new Error(`${ctx.path}: gen:${name} takes a JSON array, not ${rawArgs}`);
    }
    const body = render(ctx, ...args);
    return `<!-- gen:${name}${rawArgs ? ` ${rawArgs}` : ''} -->\n${body.endsWith('\n') ? body : `${body}\n`}<!-- /gen -->`;
  });
}

/**
 * Every page rendered: `{ path: text }`. `lib` is `{ index, grammar, run }`: the main entry,
 * `indicator-expr/grammar`, and a function that runs a script of the repository with Node
 * (`(path, args, stdin) => ({ stdout, status })`), for the command and the recipes.
 */
export function docsFiles(lib, root) {
  const out = {};
  for (const path of docSources(root)) {
    const text = readFileSync(join(root, path), 'utf8');
    out[path] = renderPage(text, { lib, root, path, lang: pageLanguage(path) });
  }
  return out;
}

/**
 * Runs a script of the repository with this Node, from the repository root (so that
 * `import 'indicator-expr'` in a recipe resolves to the package itself).
 */
export function nodeRunner(root) {
  return (path, args = [], stdin = '') => {
    // COLUMNS cleared: a table printed by the command is as wide as off a terminal (100), wherever the docs are built.
    const r = spawnSync(process.execPath, [join(root, path), ...args], { cwd: root, input: stdin, encoding: 'utf8', env: { ...process.env, COLUMNS: '' } });
    if (r.error) throw r.error;
    if (r.stderr) process.stderr.write(r.stderr);
    return { stdout: r.stdout, status: r.status };
  };
}

// ---- text helpers ---------------------------------------------------------------------

const t = (ctx, zh, en) => (ctx.lang === 'zh' ? zh : ctx.lang === 'en' ? en : `${zh} / ${en}`);

/** A code span that survives Markdown tables and backticks inside. */
function code(s) {
  const text = String(s).replace(/\|/g, '\\|');
  if (text === '') return '` `';
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** A fragment of explanation as a sentence of its own: `[zh, en]`. */
function sentence(ctx, [zh, en]) {
  const z = /[。！？]$/.test(zh) ? zh : `${zh}。`;
  const e = `${en[0].toUpperCase()}${en.slice(1)}${/[.!?]$/.test(en) ? '' : '.'}`;
  return t(ctx, z, e);
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const list = (words) => words.map(code).join(' ');

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const shellQuote = (s) => (/^[\w./=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const outputLines = (out) => (out === '' ? [] : [out.endsWith('\n') ? out.slice(0, -1) : out]);

/** The anchor of a code's section in errors.md: `error-missing_number`, `reason-unit_mismatch`. */
export const anchor = (kind, c) => `${kind}-${c.toLowerCase()}`;

/** A JS string literal for a cell as a reader would type it (JSON quoting is valid JS). */
const lit = (s) => JSON.stringify(s);

function jsArg(v) {
  if (typeof v === 'string') return lit(v);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return `{ ${Object.entries(v).map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : lit(k)}: ${jsArg(x)}`).join(', ')} }`;
  }
  return JSON.stringify(v);
}

const call = (fn, args) => `${fn}(${args.map(jsArg).join(', ')})`;

/** Columns a character takes in a monospace font (CJK and full-width take two). */
function width(s) {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) || (c >= 0xac00 && c <= 0xd7a3)
      || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe6f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
      || (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/** JSON as a person reads it: a value that fits in the line stays on one line. */
export function prettyJson(value, indent = '', room = 110) {
  const inline = (v) => {
    if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${v.map(inline).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      return entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }`;
    }
    return JSON.stringify(v);
  };
  const one = inline(value);
  if (value === null || typeof value !== 'object' || width(indent) + width(one) <= room) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((x) => inner + prettyJson(x, inner, room)).join(',\n')}\n${indent}]`;
  const lines = Object.entries(value).map(([k, x]) => {
    const key = `${JSON.stringify(k)}: `;
    const one = prettyJson(x, `${inner}${' '.repeat(width(key))}`, room);
    return inner + key + (one.includes('\n') ? prettyJson(x, inner, room) : one);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The input with the error's span marked: `≥⟦亿元⟧`. */
export function markSpan(input, offset, length) {
  return `${input.slice(0, offset)}⟦${input.slice(offset, offset + length)}⟧${input.slice(offset + length)}`;
}

function shorten(s, max = 140) {
  return s.length <= max ? s : `${s.slice(0, max - 40)}…${s.slice(-39)}`;
}

// ---- what the library gives ---------------------------------------------------------

function parseArgs(args) {
  const [input, options] = args;
  return options === undefined ? [input] : [input, options];
}

function parsed(ctx, args) {
  const { index } = ctx.lib;
  const r = index.tryParseTarget(...parseArgs(args));
  if (!r.ok) throw new Error(`${ctx.path}: ${call('parseTarget', args)} fails with ${r.error.code}; a parse example must parse`);
  return r.value;
}

function caught(ctx, run, shown) {
  try {
    run();
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && 'offset' in e) return e;
    throw e;
  }
  throw new Error(`${ctx.path}: ${shown} was expected to throw an IndicatorError`);
}

function errorBlock(ctx, e, input) {
  const lines = [];
  if (typeof input === 'string' && input.length <= 200) lines.push(markSpan(input, e.offset, e.length));
  lines.push(`${e.code}  offset ${e.offset}, length ${e.length}`);
  lines.push(`zh: ${shorten(e.messages.zh)}`, `en: ${shorten(e.messages.en)}`);
  return ['```text', ...lines, '```'].join('\n');
}

// ---- the renderers ------------------------------------------------------------------

const DIMENSIONS = {
  currency: ['货币金额', 'currency'], ratio: ['比率', 'ratio'], count: ['计数（量词）', 'count (classifiers)'],
  duration: ['时长', 'duration'], area: ['面积', 'area'], length: ['长度', 'length'], mass: ['质量', 'mass'],
  volume: ['体积', 'volume'], energy: ['能源', 'energy'], score: ['分值', 'score'], compound: ['复合单位', 'compound'],
  number: ['无单位数', 'number'], unknown: ['未知单位', 'unknown'],
};

const OPS = [
  ['>=', '≥', '不低于', 'at least'], ['<=', '≤', '不高于', 'at most'], ['>', '>', '高于（严格）', 'more than (strict)'],
  ['<', '<', '低于（严格）', 'less than (strict)'], ['=', '=', '等于（达到）', 'equal (reached)'], ['!=', '≠', '不等于', 'not equal'],
];

const DIRECTIONS = [['up', '提高', 'up'], ['down', '降低', 'down'], ['steady', '保持', 'steady']];

const factorText = (f) => (typeof f === 'string' ? f : `${f[0]}/${f[1]}`);

/**
 * What each terminal of the grammar stands for. The grammar test fails when the parser
 * gains a terminal that has no line here (see gen:terminals).
 */
const TERMINALS = {
  Separator: ['分隔两个目标：`,` `;`、两边都含数字或比较符的 `、`、完整目标之后的换行或 HTML 的 `<br>`，以及连词', 'separates two targets: `,` `;`, `、` between parts that hold a number or comparator, a new line or HTML `<br>` after a complete target, and the conjunctions', (v) => v.conjunctions],
  Word: ['定性词语可由之组成的任何词（类别）', 'any token a qualitative term may be made of (a category)', null],
  Aside: ['比较词与数字之间、完整数量之后的词（类别：文字、修饰语、完成词），成为目标的 note', 'words between a comparator and its number, or after a complete quantity (a category: text, modifiers, completion words); they become the note', null],
  Text: ['未识别的文字：数值前的指标名称（label）', 'text with no other meaning: the indicator name before the value (label)', null],
  Intent: ['意图词，作为修饰语保留，不改变比较符', 'words of intent, kept as modifiers; they do not change the comparator', (v) => v.intents],
  Modifier: ['变化的修饰语', 'modifiers of a change', (v) => v.trendModifiers],
  DeadlinePre: ['期限前置词：`截至` `截止` `截止到` `截止至`', 'words before a deadline: `截至` `截止` `截止到` `截止至`', null],
  Trend: ['变化方向词（提高、降低、保持）', 'words of direction (up, down, steady)', (v) => v.trends.map((x) => x.word)],
  Date: ['日期：`2022年12月31日`、`12月底`、`2022.12.31`、`2023.07`', 'a date: `2022年12月31日`, `12月底`, `2022.12.31`, `2023.07`', null],
  YearEnd: ['无数字的年末', 'the end of an unnamed year', (v) => v.yearEndWords],
  WholeYear: ['全年：`全年`、`2024年全年`，1月至12月的期间（`全年` 只在作为单元格的值时）', 'the whole year: `全年`, `2024年全年`, a period from January to December (`全年` only as the cell\'s value)', (v) => v.wholeYearWords],
  Quarter: ['季度：`第三季度`、`2022年第三季度`', 'a quarter: `第三季度`, `2022年第三季度`', null],
  RangeSep: ['范围分隔符', 'range separators', (v) => v.rangeSeparators],
  DeadlinePost: ['日期之后：表示期限', 'after a date: it is a deadline', (v) => v.deadlineAfter],
  Completion: ['期限之后的完成词（只保留在文本中）', 'words of completion after a deadline (kept in the text only)', (v) => v.completionWords],
  Between: ['`介于`', '`介于` (between)', null],
  BetweenAnd: ['`介于` 之后的 `和`、`与`', '`和`, `与` after `介于`', null],
  BetweenEnd: ['`介于` 之后的 `之间`', '`之间` after `介于`', null],
  LBracket: ['`[`（也写作 `【`）', '`[` (also `【`)', null],
  Comma: ['`,`（`，` 经 NFKC 变为 `,`）', '`,` (`，` becomes `,` by NFKC)', null],
  RBracket: ['`]`（也写作 `】`）', '`]` (also `】`)', null],
  PlusMinus: ['`±`、`+-`', '`±`, `+-`', null],
  CompareOp: ['数值前的比较符（类别：Ge、Le、Gt、Lt、Eq、Ne）', 'comparators before the number (category: Ge, Le, Gt, Lt, Eq, Ne)', (v) => v.opsBefore.map((x) => x.word)],
  ApproxPre: ['数值前的“约”', '“about” before the number', (v) => v.approxBefore],
  PercentOf: ['文字写出的比率', 'spelled ratios', (v) => v.spelledRatios.map((x) => x.word)],
  Number: ['数值：阿拉伯数字、中文数字及其混写（`1,200.5`、`三万五`、`3万4000`、`三分之二`）', 'a number: Arabic, Chinese or mixed (`1,200.5`, `三万五`, `3万4000`, `三分之二`)', null],
  Unit: ['紧跟数值的计量单位（含数量级：`亿元`），见 units', 'the unit right after a number (magnitude included: `亿元`); see units', null],
  PostOp: ['数值后的比较词（类别：PostGe、PostLe）', 'comparator words after the number (category: PostGe, PostLe)', (v) => v.opsAfter.map((x) => x.word)],
  ApproxPost: ['数值后的“左右”', '“about” after the number', (v) => v.approxAfter],
  Strictness: ['括号中的 `（含）`、`（不含）`', '`（含）`, `（不含）` in brackets', (v) => v.strictness.map((x) => `（${x.word}）`)],
};

function opRows(ctx, v) {
  return OPS.map(([op, sym, zh, en]) => [
    `${code(op)} ${t(ctx, zh, en)}`,
    list(v.opsBefore.filter((x) => x.op === op).map((x) => x.word)),
    list(v.opsAfter.filter((x) => x.op === op).map((x) => x.word)) || '',
  ]).concat([[
    `${code('≈')} ${t(ctx, '约（approx）', 'about (approx)')}`, list(v.approxBefore), list(v.approxAfter),
  ]]);
}

const WORD_GROUPS = {
  comparators: (ctx, v) => table([t(ctx, '含义', 'meaning'), t(ctx, '数值前', 'before the number'), t(ctx, '数值后', 'after the number')], opRows(ctx, v)),
  strictness: (ctx, v) => table([t(ctx, '括号中', 'in brackets'), t(ctx, '作用', 'effect')],
    v.strictness.map((x) => [code(`（${x.word}）`), x.strict ? t(ctx, '边界不含（严格）', 'bound excluded (strict)') : t(ctx, '边界包含', 'bound included')])),
  intents: (ctx, v) => list(v.intents),
  trends: (ctx, v) => table([t(ctx, '方向', 'direction'), t(ctx, '词语', 'words')],
    DIRECTIONS.map(([d, zh, en]) => [`${code(d)} ${t(ctx, zh, en)}`, list(v.trends.filter((x) => x.direction === d).map((x) => x.word))])),
  trendModifiers: (ctx, v) => list(v.trendModifiers),
  ranges: (ctx, v) => table([t(ctx, '作用', 'role'), t(ctx, '词语', 'words')], [
    [t(ctx, '范围分隔符', 'range separators'), list(v.rangeSeparators)],
    [t(ctx, '连词（同一单元格中的多个目标）', 'conjunctions (several targets in one cell)'), list(v.conjunctions)],
  ]),
  deadlines: (ctx, v) => table([t(ctx, '作用', 'role'), t(ctx, '词语', 'words')], [
    [t(ctx, '日期之后：期限', 'after a date: a deadline'), list(v.deadlineAfter)],
    [t(ctx, '期限之后的完成词', 'completion words after a deadline'), list(v.completionWords)],
    [t(ctx, '无数字的年末（12月31日）', 'the end of an unnamed year (31 December)'), list(v.yearEndWords)],
    [t(ctx, '年份之后：该年的年末（`2024年年底前`）', 'after a year: its end (`2024年年底前`)'), list(v.afterYearEndWords)],
    [t(ctx, '全年：1月至12月的期间', 'the whole year: a period from January to December'), list(v.wholeYearWords)],
    [t(ctx, '日期前：每月重复（错误 RECURRING_DEADLINE）', 'before a day: it recurs every month (error RECURRING_DEADLINE)'), list(v.recurringMonthWords)],
  ]),
  spelledRatios: (ctx, v) => table([t(ctx, '写法', 'spelling'), t(ctx, '单位', 'unit')], v.spelledRatios.map((x) => [code(x.word), code(x.unit)])),
  placeholders: (ctx, v) => list(v.placeholders),
  gradeChars: (ctx, v) => list(v.gradeChars),
  achievement: (ctx, v) => table([t(ctx, '判定', 'reading'), t(ctx, '词语', 'words')], [
    [t(ctx, '达成（pass）', 'met (pass)'), list(v.achievement.achieved)],
    [t(ctx, '部分达成（partial）', 'partly met (partial)'), list(v.achievement.partial)],
    [t(ctx, '未达成（fail）', 'not met (fail)'), list(v.achievement.notAchieved)],
    [t(ctx, '“没有发生”（读作 0）', '“none happened” (read as 0)'), list(v.achievement.none)],
    [t(ctx, '目标词前：已达成（`已公开`）', 'before the target\'s term: met (`已公开`)'), list(v.achievement.achievedPrefixes)],
    [t(ctx, '目标词前：部分达成（`基本健全`）', 'before the target\'s term: partly met (`基本健全`)'), list(v.achievement.partialPrefixes)],
    [t(ctx, '目标词前：否定（`不健全`）', 'before the target\'s term: negation (`不健全`)'), list(v.achievement.negationPrefixes)],
  ]),
  polarity: (ctx, v) => table([t(ctx, '关键词', 'keyword'), t(ctx, '方向', 'polarity'), t(ctx, '指标名称示例', 'example indicator name')],
    v.polarity.map((k) => [k.atEnd ? `${code(`…${k.word}`)} ${t(ctx, '（名称结尾）', '(ending the name)')}` : code(k.word), k.polarity === 'positive' ? t(ctx, '越高越好', 'higher is better') : t(ctx, '越低越好', 'lower is better'), cell(k.example)])),
};

const RENDERERS = {
  /** The JSON of a parsed cell (or split columns): `["≥50亿元"]`, `["12月底前", { "year": 2022 }]`. */
  parse(ctx, ...args) {
    const target = parsed(ctx, args);
    return ['```jsonc', `// ${call('parseTarget', args)}`, prettyJson(ctx.lib.index.toJSON(target)), '```'].join('\n');
  },

  /** The error a cell gives, its span marked. */
  error(ctx, ...args) {
    const e = caught(ctx, () => ctx.lib.index.parseTarget(...parseArgs(args)), call('parseTarget', args));
    return errorBlock(ctx, e, typeof args[0] === 'string' ? args[0] : e.input);
  },

  /** Cells in a table: cell, kind, and the canonical text `format()` gives. */
  examples(ctx, cells) {
    const { index } = ctx.lib;
    const rows = cells.map((c) => {
      const target = parsed(ctx, [c]);
      return [code(c), code(target.kind), code(index.format(target))];
    });
    return table([t(ctx, '单元格', 'cell'), t(ctx, '类型', 'kind'), t(ctx, '规范写法 format()', 'canonical format()')], rows);
  },

  /** The command, run for real: `[args, stdin?]`. */
  cli(ctx, args, stdin) {
    const r = ctx.lib.run('dist/cli.js', args, stdin);
    const cmd = `indicator-expr ${args.map(shellQuote).join(' ')}`;
    const shown = stdin === undefined ? `$ ${cmd}` : `$ printf ${shellQuote(stdin.replace(/\n/g, '\\n'))} | ${cmd}`;
    return ['```console', shown, ...outputLines(r.stdout), '$ echo $?', String(r.status), '```'].join('\n');
  },

  /** A script of the docs, shown whole: `[path, language]`. */
  include(ctx, path, language) {
    const text = readFileSync(join(ctx.root, path), 'utf8');
    return [`\`\`\`${language}`, text.endsWith('\n') ? text.slice(0, -1) : text, '```'].join('\n');
  },

  /** What a script of the docs prints when run: `[path, args?]`. */
  run(ctx, path, args = []) {
    const r = ctx.lib.run(path, args);
    if (r.status !== 0) throw new Error(`${ctx.path}: node ${path} exited with ${r.status}`);
    return ['```console', `$ node ${[path, ...args].map(shellQuote).join(' ')}`, ...outputLines(r.stdout), '```'].join('\n');
  },

  /** One rule of the grammar in EBNF, drawn from the parser. */
  rule(ctx, name) {
    const rule = ctx.lib.grammar.serializedGrammar().find((r) => r.name === name);
    if (!rule) throw new Error(`${ctx.path}: the grammar has no rule ${name}`);
    return ['```ebnf', ruleEbnf(rule), '```'].join('\n');
  },

  /** Every terminal of the grammar with the words it stands for. */
  terminals(ctx) {
    const v = ctx.lib.grammar.vocabulary();
    const rows = terminalsOf(ctx.lib.grammar.serializedGrammar()).map((name) => {
      const d = TERMINALS[name];
      if (!d) throw new Error(`the grammar uses the terminal ${name}, which docs/render.mjs does not describe (TERMINALS)`);
      const words = d[2] ? d[2](v) : [];
      return [code(name), t(ctx, d[0], d[1]), words.length > 0 ? list(words) : ''];
    });
    return table([t(ctx, '终结符', 'terminal'), t(ctx, '含义', 'meaning'), t(ctx, '词语（取自词表）', 'words (from the registries)')], rows);
  },

  /** A group of words from the registries. */
  words(ctx, group) {
    const render = WORD_GROUPS[group];
    if (!render) throw new Error(`${ctx.path}: no word group ${group}`);
    return render(ctx, ctx.lib.grammar.vocabulary());
  },

  /** The unit registry, one table per dimension (classifiers listed apart). */
  units(ctx) {
    const v = ctx.lib.grammar.vocabulary();
    const dims = [...new Set(v.units.map((u) => u.dimension))].filter((d) => d !== 'count');
    const classifiers = new Set(v.classifiers);
    const rows = [];
    for (const d of dims) {
      for (const u of v.units.filter((x) => x.dimension === d && !classifiers.has(x.name))) {
        rows.push([t(ctx, ...DIMENSIONS[d]), code(u.name), list(u.spellings), code(u.base), code(factorText(u.factor))]);
      }
    }
    const head = [t(ctx, '维度', 'dimension'), t(ctx, '单位', 'unit'), t(ctx, '其他写法', 'other spellings'), t(ctx, '基本单位', 'base'), t(ctx, '换算系数', 'factor')];
    const fen = v.fenAsCent;
    const cent = t(ctx, `选项 \`fen: "cent"\` 把 ${code(fen.name)} 读作 ${code(fen.base)} 的 ${code(factorText(fen.factor))}（货币金额）。`,
      `The option \`fen: "cent"\` reads ${code(fen.name)} as ${code(factorText(fen.factor))} ${code(fen.base)} (currency).`);
    return `${table(head, rows)}\n\n${cent}`;
  },

  /** The classifiers (count units), each its own base. */
  classifiers(ctx) {
    return list(ctx.lib.grammar.vocabulary().classifiers);
  },

  /** Magnitudes between a number and its unit. */
  magnitudes(ctx) {
    const v = ctx.lib.grammar.vocabulary();
    return table([t(ctx, '数量级', 'magnitude'), t(ctx, '倍数', 'factor')], v.magnitudes.map((m) => [code(m.word), `10^${m.exponent}`]));
  },

  /** Chinese numeral characters. */
  numerals(ctx) {
    const n = ctx.lib.grammar.vocabulary().numerals;
    return table([t(ctx, '类', 'kind'), t(ctx, '字符', 'characters')], [
      [t(ctx, '数字', 'digits'), n.digits.map((d) => `${code(d.char)} ${d.value}`).join('，')],
      [t(ctx, '十、百、千（组内）', 'tens, hundreds, thousands (within a group)'), n.smallUnits.map((d) => `${code(d.char)} ${d.value}`).join('，')],
      [t(ctx, '万、亿（分组）', 'groups of four digits'), n.bigUnits.map((d) => `${code(d.char)} 10^${d.exponent}`).join('，')],
    ]);
  },

  /** Every error code: an example, where it points, both messages. */
  errors(ctx) {
    const codes = ctx.lib.grammar.errorCodes();
    const missing = codes.filter((c) => !ERROR_EXAMPLES[c.code]).map((c) => c.code);
    if (missing.length > 0) throw new Error(`error codes without an example in docs/render.mjs (ERROR_EXAMPLES): ${missing.join(', ')}`);
    const stale = Object.keys(ERROR_EXAMPLES).filter((k) => !codes.some((c) => c.code === k));
    if (stale.length > 0) throw new Error(`docs/render.mjs has examples for codes the library no longer has: ${stale.join(', ')}`);
    const summary = table([t(ctx, '代码', 'code'), t(ctx, '含义', 'meaning')],
      codes.map((c) => [`[${code(c.code)}](#${anchor('error', c.code)})`, t(ctx, ...ERROR_EXAMPLES[c.code].explain)]));
    const sections = codes.map((c) => {
      const ex = ERROR_EXAMPLES[c.code];
      const head = [`<a id="${anchor('error', c.code)}"></a>`, '', `### ${c.code}`, '', sentence(ctx, ex.explain), ''];
      if (ex.reserved) {
        return [...head, t(ctx, '本版本不会抛出此代码（保留）。', 'This version never raises this code (reserved).'), '',
          `- zh: ${cell(c.zh)}`, `- en: ${cell(c.en)}`].join('\n');
      }
      const e = caught(ctx, () => ex.run(ctx.lib.index), ex.show);
      if (e.code !== c.code) throw new Error(`docs/render.mjs: the example of ${c.code} (${ex.show}) gives ${e.code}`);
      return [...head, '```js', ex.show, '```', errorBlock(ctx, e, ex.input ?? e.input)].join('\n');
    });
    return `${summary}\n\n${sections.join('\n\n')}`;
  },

  /** Every reason code of a verdict: what it means, an example computed by evaluate(), both messages. */
  reasons(ctx) {
    const { index } = ctx.lib;
    const codes = ctx.lib.grammar.reasonCodes();
    const missing = codes.filter((c) => !REASON_EXAMPLES[c.code]).map((c) => c.code);
    if (missing.length > 0) throw new Error(`reason codes without an example in docs/render.mjs (REASON_EXAMPLES): ${missing.join(', ')}`);
    const stale = Object.keys(REASON_EXAMPLES).filter((k) => !codes.some((c) => c.code === k));
    if (stale.length > 0) throw new Error(`docs/render.mjs has examples for reason codes the library no longer has: ${stale.join(', ')}`);
    const summary = table([t(ctx, '代码', 'code'), t(ctx, '状态', 'status'), t(ctx, '含义', 'meaning')],
      codes.map((c) => [`[${code(c.code)}](#${anchor('reason', c.code)})`, code(REASON_EXAMPLES[c.code].status), t(ctx, ...REASON_EXAMPLES[c.code].explain)]));
    const sections = codes.map((c) => {
      const ex = REASON_EXAMPLES[c.code];
      const args = ex.options ? [ex.target, ex.actual, ex.options] : [ex.target, ex.actual];
      const shown = call('evaluate', args);
      const v = index.evaluate(...args);
      if (v.reason?.code !== c.code || v.status !== ex.status) {
        throw new Error(`docs/render.mjs: the example of ${c.code} (${shown}) gives ${v.status} ${v.reason?.code ?? 'with no reason'}`);
      }
      return [`<a id="${anchor('reason', c.code)}"></a>`, '', `### ${c.code}`, '', sentence(ctx, ex.explain), '', '```js', shown, '```', '```text',
        `status: ${v.status}`, `zh: ${v.reason.messages.zh}`, `en: ${v.reason.messages.en}`, '```'].join('\n');
    });
    return `${summary}\n\n${sections.join('\n\n')}`;
  },

  /** Verdicts and scores in a table: `[[target, actual, options?], …]`, each out of 10 points. Empty columns are left out. */
  verdicts(ctx, rows) {
    const { index } = ctx.lib;
    const link = ctx.lang === 'both' ? (c) => code(c) : (c) => `[${code(c)}](errors.md#${anchor('reason', c)})`;
    const shownActual = (a) => (typeof a === 'string' ? code(a) : `${code(jsArg(a))}${typeof a === 'number' || typeof a === 'boolean' ? ` (${typeof a})` : ''}`);
    const columns = [
      [t(ctx, '指标值', 'target'), (r) => code(r.target)],
      [t(ctx, '实际值', 'actual'), (r) => shownActual(r.actual)],
      [t(ctx, '选项', 'options'), (r) => (r.options === undefined ? '' : code(jsArg(r.options)))],
      ['status', (r) => code(r.v.status)],
      ['op (opSource)', (r) => (r.v.op === null ? '' : `${code(r.v.op)} (${r.v.opSource})`)],
      ['reason', (r) => (r.v.reason ? link(r.v.reason.code) : '')],
      ['assumedUnit', (r) => (r.v.assumedUnit === null ? '' : code(r.v.assumedUnit))],
      ['margin', (r) => (r.v.margin === null ? '' : code(r.v.margin.toFixed()))],
      ['completion', (r) => (r.v.completion === null ? '' : code(r.v.completion.toFixed()))],
      [t(ctx, '得分（满分 10）', 'score (of 10)'), (r) => code(r.s.score === null ? 'null' : r.s.score.toFixed())],
      ['rule', (r) => (r.s.rule === null ? '' : code(r.s.rule))],
      [t(ctx, '偏差说明', 'deviation'), (r) => (r.s.deviation ? '✓' : '')],
    ];
    const judged = rows.map(([target, actual, options]) => ({
      target, actual, options, v: index.evaluate(target, actual, options), s: index.score(target, actual, 10, options),
    }));
    const cells = judged.map((r) => columns.map(([, f]) => f(r)));
    const keep = columns.map((_c, i) => i < 2 || cells.some((row) => row[i] !== ''));
    const pick = (row) => row.filter((_x, i) => keep[i]);
    return table(pick(columns.map(([head]) => head)), cells.map(pick));
  },

  /** A verdict's JSON: `[target, actual, options?]`. */
  evaluate(ctx, ...args) {
    return ['```jsonc', `// ${call('toJSON(evaluate', args)})`, prettyJson(ctx.lib.index.toJSON(ctx.lib.index.evaluate(...args))), '```'].join('\n');
  },

  /** A score's JSON: `[target, actual, weight, options?]`. */
  score(ctx, ...args) {
    return ['```jsonc', `// ${call('toJSON(score', args)})`, prettyJson(ctx.lib.index.toJSON(ctx.lib.index.score(...args))), '```'].join('\n');
  },

  /** Grades of totals out of 100. */
  grades(ctx, totals) {
    return table([t(ctx, '总分', 'total'), 'grade(total)'], totals.map((x) => [code(x), code(ctx.lib.index.grade(x))]));
  },
};

/**
 * One example per error code: the call shown, how to run it, and what the code means.
 * A code the library gains without a line here fails docs generation (and the test).
 */
const ERROR_EXAMPLES = {
  EMPTY: {
    show: 'parseTarget("  ")', run: (l) => l.parseTarget('  '),
    explain: ['单元格为空或只有空白、标点、备注', 'the cell is empty, or holds only blanks, punctuation or a note'],
  },
  NOT_APPLICABLE: {
    show: 'parseTarget("不适用")', run: (l) => l.parseTarget('不适用'),
    explain: ['占位符（`/`、`—`、`N/A`、`不适用` …），不是指标值', 'a placeholder (`/`, `—`, `N/A`, `不适用` …), not a target'],
  },
  INPUT_TOO_LONG: {
    show: 'parseTarget("1".repeat(2001))', run: (l) => l.parseTarget('1'.repeat(2001)), input: null,
    explain: ['输入超过长度上限（`MAX_INPUT_LENGTH`，选项 `maxLength`），在做任何处理之前检查', 'the input exceeds the length limit (`MAX_INPUT_LENGTH`, option `maxLength`), checked before any work'],
  },
  UNEXPECTED_CHARACTER: {
    show: 'parseTarget("≥90%$")', run: (l) => l.parseTarget('≥90%$'),
    explain: ['目标语言中没有的字符', 'a character the target language does not use'],
  },
  UNEXPECTED_TOKEN: {
    show: 'parseTarget("50 60")', run: (l) => l.parseTarget('50 60'),
    explain: ['语法不允许出现在此处的词（例如两个数值之间没有关系）', 'a word the grammar does not allow here (such as two numbers with no relation)'],
  },
  UNEXPECTED_END: {
    show: 'parseTarget("≥95%且")', run: (l) => l.parseTarget('≥95%且'),
    explain: ['单元格在目标完整之前结束', 'the cell ends before the target is complete'],
  },
  MISSING_NUMBER: {
    show: 'parseTarget("≥亿元")', run: (l) => l.parseTarget('≥亿元'),
    explain: ['比较符、`百分之`、`±` 或范围分隔符之后缺少数值，或单元格中只有计量单位或数量级（`万人`、`%`）', 'a comparator, `百分之`, `±` or a range separator has no number after it, or a cell holds only a unit or magnitude (`万人`, `%`)'],
  },
  UNKNOWN_UNIT: {
    show: 'parseTarget({ op: "≥", value: "95", unit: "个工做日" })', run: (l) => l.parseTarget({ op: '≥', value: '95', unit: '个工做日' }),
    explain: ['必须是计量单位的地方（单独的单位列、`convert`）出现了未知单位；附带“是否应为”建议', 'an unknown unit where a unit is required (a split unit column, `convert`), with a did-you-mean suggestion'],
  },
  MIXED_DIMENSIONS: {
    show: 'parseTarget("5%-3天")', run: (l) => l.parseTarget('5%-3天'),
    explain: ['范围两端的单位属于不同维度', 'the two ends of a range have units of different dimensions'],
  },
  EMPTY_RANGE: {
    show: 'parseTarget("90%-85%")', run: (l) => l.parseTarget('90%-85%'),
    explain: ['范围下限大于上限（矛盾的范围）', 'the lower end of a range is above the upper end (a contradictory range)'],
  },
  CONFLICTING_OPS: {
    show: 'parseTarget("≥95%以下")', run: (l) => l.parseTarget('≥95%以下'),
    explain: ['两个比较词互相矛盾；位置指向第二个', 'two comparator words contradict each other; the position is the second one'],
  },
  UNCLOSED_BRACKET: {
    show: 'parseTarget("90%（计划标准")', run: (l) => l.parseTarget('90%（计划标准'),
    explain: ['括号没有闭合（或有多余的右括号）', 'a bracket is not closed (or a closing one has no opening)'],
  },
  INVALID_DATE: {
    show: 'parseTarget("2022年2月30日前")', run: (l) => l.parseTarget('2022年2月30日前'),
    explain: ['不存在的日期（月份 1–12，日期按当月天数）', 'a date that does not exist (months 1–12, days by the length of the month)'],
  },
  RECURRING_DEADLINE: {
    show: 'parseTarget("每月8号前报送")', run: (l) => l.parseTarget('每月8号前报送'),
    explain: ['每月重复的期限（`每月8号前`）不是一个日期，规范没有给出它的读法：请写出所评价期间的期限', 'a deadline that recurs every month (`每月8号前`) is not one date, and the spec gives it no reading: write the deadline of the period judged'],
  },
  INVALID_NUMBER: {
    show: 'parseTarget({ op: "≥", value: "良好" })', run: (l) => l.parseTarget({ op: '≥', value: '良好' }),
    explain: ['分列模板中比较符旁边的指标值列不是数值', 'in split columns, the value beside a comparator is not a number'],
  },
  UNKNOWN_OP: {
    show: 'parseTarget({ op: "≈≈", value: "90", unit: "%" })', run: (l) => l.parseTarget({ op: '≈≈', value: '90', unit: '%' }),
    explain: ['分列模板的比较符列不是已知比较符（也不是“定性”“定量”）', 'in split columns, the op column is no known comparator (nor 定性/定量)'],
  },
  INCOMPATIBLE_UNITS: {
    show: 'convert(parseQuantity("5天"), "元")', run: (l) => l.convert(l.parseQuantity('5天'), '元'),
    explain: ['`convert` 的两个单位维度或基本单位不同', '`convert` between units of different dimension or base'],
  },
  INVALID_JSON: {
    show: 'fromJSON({ kind: "compare" })', run: (l) => l.fromJSON({ kind: 'compare' }),
    explain: ['`fromJSON` 读不了的 JSON（不是 `toJSON` 写出的形状）', 'JSON that `fromJSON` cannot read (not a shape `toJSON` writes)'],
  },
  INVALID_ARGUMENT: {
    show: 'parseTarget(95)', run: (l) => l.parseTarget(95),
    explain: ['参数类型错误（例如传入数字而不是字符串）', 'an argument of the wrong type (a number where a string is expected)'],
  },
};

/**
 * One example per reason code, judged by evaluate() when the docs are generated: the
 * generator fails when the library gives another code or status for it.
 */
const reason = (status, target, actual, options, zh, en) => ({ status, target, actual, options, explain: [zh, en] });
const REASON_EXAMPLES = {
  BELOW_TARGET: reason('fail', '≥50亿元', '45亿元', undefined, '实际值没有达到越高越好目标的界限', 'the actual value does not reach the bound of a higher-is-better target'),
  ABOVE_TARGET: reason('fail', '≤100%', '105%', undefined, '实际值超出越低越好目标的界限', 'the actual value is beyond the bound of a lower-is-better target'),
  NOT_EQUAL: reason('fail', '=100%', '98%', { equals: 'exact' }, '`equals: "exact"` 时实际值与目标不相等（默认 `=` 表示“达到”）', 'with `equals: "exact"`, the actual value is not the target (by default `=` means “reached”)'),
  EQUALS_EXCLUDED: reason('fail', '≠0', '0', undefined, '`≠` 目标：实际值恰好等于被排除的值', 'a `≠` target: the actual value is the excluded one'),
  OUTSIDE_RANGE: reason('fail', '85%-90%', '80%', undefined, '实际值在范围之外', 'the actual value lies outside the range'),
  OUTSIDE_TOLERANCE: reason('fail', '90%左右', '85%', undefined, '`左右` 目标：偏差超过允许偏差（默认为目标值的 5%）', 'an `左右` target: the difference is more than the tolerance (5 % of the target by default)'),
  NOT_ACHIEVED: reason('fail', '健全', '未完成', undefined, '实际值是“未完成”一类的词（或对目标词的否定：`不健全`）', 'the actual is a word of non-achievement (`未完成`, or the target\'s term negated: `不健全`)'),
  PARTIALLY_ACHIEVED: reason('partial', '健全', '基本健全', undefined, '实际值是“基本达到”“部分达成”一类的词', 'the actual is a word of partial achievement (`基本达到`, `部分达成`)'),
  GRADE_TOO_LOW: reason('fail', '优良中低差', '差', undefined, '等级低于目标等级表的及格等级', 'the grade is below the passing grades of the scale'),
  TREND_NOT_MET: reason('fail', '提高', { value: '94%', baseline: '95%' }, undefined, '实际变化方向与目标不符（或应保持却变化）', 'the change goes the other way (or a steady target changed)'),
  AMOUNT_NOT_MET: reason('fail', '提高5%', { value: '100', baseline: '97' }, undefined, '方向正确但幅度不足（`%` 为相对基期的变化）', 'the direction is right but the change is too small (`%` is relative to the baseline)'),
  AMOUNT_EXCEEDED: reason('fail', '提高不超过5%', { value: '110', baseline: '100' }, undefined, '变化超过目标允许的幅度', 'the change is more than the target allows'),
  LATE: reason('fail', '2022年12月底前', '2023-01-05', undefined, '实际日期晚于期限', 'the actual date is after the deadline'),
  OUTSIDE_PERIOD: reason('fail', '2020年1月--2020年11月', '2020-12-15', undefined, '实际日期不在期间内', 'the actual date lies outside the period'),
  MISSING_ACTUAL: reason('unknown', '≥95%', '', undefined, '实际值为空', 'the actual value is empty'),
  NOT_APPLICABLE: reason('unknown', '≥95%', '/', undefined, '实际值是占位符（`/`、`—`、`不适用`）', 'the actual is a placeholder (`/`, `—`, `不适用`)'),
  UNPARSEABLE_ACTUAL: reason('unknown', '≥95%', '95%%', undefined, '实际值无法读取（附读取错误）', 'the actual value cannot be read (the parse error is appended)'),
  UNRECOGNISED_TERM: reason('unknown', '健全', '很好', undefined, '定性实际值既不是目标词，也不是达成、部分达成或未达成的用语', 'a word that is neither the target\'s term nor a word of achievement, partial achievement or non-achievement'),
  UNIT_MISMATCH: reason('unknown', '3个工作日', '3天', undefined,
    '单位不可比较：两边的维度或基本单位不同（`项` 与 `个`、`工作日` 与 `天`、`月` 与 `秒`、`%` 与 `元`）。工作日与自然日之间没有确定的换算，因此不猜测，结果为 `unknown`，不计分',
    'the units cannot be compared: the two sides differ in dimension or base unit (`项` vs `个`, `工作日` vs `天`, `月` vs `秒`, `%` vs `元`). Working days have no fixed relation to calendar days, so nothing is guessed: the verdict is `unknown` and earns no score'),
  KIND_MISMATCH: reason('unknown', '≥95%', '2022-11-30', undefined, '实际值的种类与目标不符（例如用日期对数量目标）', 'the actual is of another kind than the target (a date against a quantity)'),
  NEEDS_BASELINE: reason('unknown', '提高', '95%', undefined, '变化类目标需要 `{ value, baseline }`（或“已提高”一类的词）', 'a trend target needs `{ value, baseline }` (or a word such as `已提高`)'),
  NEEDS_YEAR: reason('unknown', '12月15日前', '2022年12月', undefined, '目标日期没有年份而实际日期有：请给出 `year` 选项', 'the target date has no year but the actual has one: give the option `year`'),
  IMPRECISE_DATE: reason('unknown', '2022年12月15日前', '2022年12月', undefined, '实际日期跨越期限，无法判断', 'the actual date straddles the deadline, so it cannot be judged'),
  IMPRECISE_ACTUAL: reason('unknown', '≥95%', '≥90%', undefined, '实际值只写了界限（`≥90%`），其中有的值达到目标、有的未达到，无法判断', 'the actual is only a bound (`≥90%`) that allows values meeting the target and values missing it, so it cannot be judged'),
  NEEDS_ACTUAL_PER_TARGET: reason('unknown', '受益户数≥200户,受益脱贫户数≥15户', '220户', undefined, '带名称的多个目标各需一个实际值（数组、以名称为键的对象，或带相同名称的字符串）', 'labelled targets each need their own actual (an array, a record keyed by label, or a string with the same labels)'),
};
