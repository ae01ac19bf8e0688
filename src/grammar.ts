/**
 * `indicator-expr/grammar`: the language of a target cell as data, drawn from the parser
 * itself so that a picture or a table made from it cannot drift from the code: the
 * grammar's productions (chevrotain's serialized GAST), its railroad diagrams, the words
 * each token stands for, and the codes a parse or a verdict can give.
 *
 * It is a subpath of its own so that the main entry never pays for it. Everything it
 * returns is a fresh, frozen copy: changing it changes nothing in the parser.
 */
import { createSyntaxDiagramsCode, serializeGrammar } from 'chevrotain';
import { MESSAGES } from './i18n/messages.js';
import { REASONS } from './i18n/reasons.js';
import { CellParser } from './parse/grammar.js';
import {
  ACHIEVED_PREFIXES, ACHIEVED_WORDS, NEGATION_PREFIXES, NONE_WORDS, NOT_ACHIEVED_WORDS, PARTIAL_PREFIXES, PARTIAL_WORDS,
} from './vocab/achievement.js';
import { CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS } from './vocab/numerals.js';
import { POLARITY_KEYWORDS, type Polarity } from './vocab/polarity.js';
import { TOKEN_EXAMPLES } from './vocab/token-examples.js';
import { POLARITY_EXAMPLES } from './vocab/polarity-examples.js';
import { CLASSIFIERS, FEN_AS_CENT, MAGNITUDES, UNITS, type Dimension, type Factor } from './vocab/units.js';
import {
  AFTER_YEAR_END_WORDS, APPROX_POSTFIX, APPROX_PREFIX, COMPLETION_WORDS, CONJUNCTIONS, DEADLINE_POSTFIX, GRADE_WORDS, HALF,
  INTENT_WORDS, PLACEHOLDERS, POSTFIX_OPS, PREFIX_OPS, RANGE_SEPARATORS, RATE_WORDS, RECURRING_MONTH_WORDS, SPELLED_RATIOS,
  UNIT_LIKE_ANSWERS, STRICTNESS_NOTES, TREND_MODIFIERS, TREND_WORDS, WHOLE_YEAR_WORDS, YEAR_END_WORDS, type Direction, type Op,
} from './vocab/words.js';

export type { Factor } from './vocab/units.js';

/**
 * A node of the serialized grammar, as chevrotain writes it (its `ISerializedGast`, spelled
 * out here so that the package's types do not depend on chevrotain, which it bundles).
 */
export interface GrammarNode {
  readonly type: 'Rule' | 'NonTerminal' | 'Terminal' | 'Alternation' | 'Alternative' | 'Option' | 'Repetition'
    | 'RepetitionMandatory' | 'RepetitionMandatoryWithSeparator' | 'RepetitionWithSeparator';
  /** Rules, non-terminals (the rule referred to) and terminals (the token type). */
  readonly name?: string;
  /** Terminals: the token's label (its name unless the token has a label). */
  readonly label?: string;
  /** Which occurrence of the same element in its rule (CONSUME2, SUBRULE2 …). */
  readonly idx?: number;
  /** Terminals: the token's pattern (`NA`: our own lexer makes the tokens). */
  readonly pattern?: string;
  readonly orgText?: string;
  readonly separator?: GrammarNode;
  readonly definition?: readonly GrammarNode[];
}

/** One rule of the grammar. */
export interface GrammarRule extends GrammarNode {
  readonly type: 'Rule';
  readonly name: string;
  readonly definition: readonly GrammarNode[];
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The grammar's rules as chevrotain serializes them (`getSerializedGastProductions()`):
 * plain JSON, the input of railroad-diagram tools. Rule order is the parser's.
 */
export function serializedGrammar(): readonly GrammarRule[] {
  // A JSON round trip: a copy the caller may keep, with no link back to the parser.
  return deepFreeze(JSON.parse(JSON.stringify(serializedProductions())) as GrammarRule[]);
}

/**
 * chevrotain's `getSerializedGastProductions()`, spelled out here: the library entry's
 * bundle leaves that parser method out (tsup.config.ts), so that only this entry carries
 * chevrotain's serializer.
 */
function serializedProductions(): ReturnType<typeof serializeGrammar> {
  return serializeGrammar(Object.values(new CellParser().getGAstProductions()));
}

/** chevrotain's diagram files, relative to `chevrotain/diagrams/`, in the order the page loads them. */
export const DIAGRAM_ASSETS = Object.freeze({
  css: 'diagrams.css',
  scripts: Object.freeze(['vendor/railroad-diagrams.js', 'src/diagrams_builder.js', 'src/diagrams_behavior.js', 'src/main.js']),
});

export interface DiagramsOptions {
  /**
   * Reads one of chevrotain's diagram files (a path of `DIAGRAM_ASSETS`) so that it is
   * written into the page, which then needs no network. Without it the page loads them
   * from unpkg, as chevrotain does. The package does not ship these files: they live in
   * `node_modules/chevrotain/diagrams/` wherever chevrotain is installed.
   */
  readonly readAsset?: (path: string) => string;
  /** The page title. */
  readonly title?: string;
}

/** Marks where chevrotain's page refers to an asset, so that the reference can be swapped for the file. */
const ASSET_BASE = 'chevrotain-diagrams:';

function replaceOnce(html: string, find: string, replacement: string): string {
  const at = html.indexOf(find);
  if (at < 0 || html.indexOf(find, at + 1) >= 0) {
    throw new Error(`grammarDiagramsHtml: chevrotain's page no longer has exactly one ${JSON.stringify(find)}`);
  }
  return html.slice(0, at) + replacement + html.slice(at + find.length);
}

function inlinable(path: string, text: string, closing: string): string {
  if (text.toLowerCase().includes(closing)) throw new Error(`grammarDiagramsHtml: ${path} contains "${closing}" and cannot be inlined`);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * The railroad diagrams of the grammar as one HTML page (chevrotain's
 * `createSyntaxDiagramsCode`). With `readAsset` the diagram scripts and style sheet are
 * written into the page, so that it opens from disk with no network.
 */
export function grammarDiagramsHtml(options: DiagramsOptions = {}): string {
  const grammar = withExampleLabels(serializedProductions());
  const read = options.readAsset;
  let html = createSyntaxDiagramsCode(grammar, read ? { resourceBase: ASSET_BASE, css: `${ASSET_BASE}${DIAGRAM_ASSETS.css}` } : {});
  const title = escapeHtml(options.title ?? '指标值的语法 · The grammar of a target cell — indicator-expr');
  html = replaceOnce(html, '<meta charset="utf-8">', `<meta charset="utf-8">\n<title>${title}</title>\n<style>\n${INTRO_CSS}</style>`);
  html = replaceOnce(html, '<div id="diagrams"', `${introHtml()}\n<div id="diagrams"`);
  if (read) {
    const css = DIAGRAM_ASSETS.css;
    html = replaceOnce(html, `<link rel='stylesheet' href='${ASSET_BASE}${css}'>`, `<style>\n${inlinable(css, read(css), '</style')}</style>`);
    for (const path of DIAGRAM_ASSETS.scripts) {
      html = replaceOnce(html, `<script src='${ASSET_BASE}${path}'></script>`, `<script>\n${inlinable(path, read(path), '</script')}</script>`);
    }
    if (html.includes(ASSET_BASE)) throw new Error('grammarDiagramsHtml: chevrotain\'s page refers to a diagram file not in DIAGRAM_ASSETS');
  }
  return html;
}

const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]/g;
const escapeHtml = (text: string): string => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A terminal's box reads `CompareOp: ≥ / 不低于 / ≤ / 不超过`: the words a person writes, beside the token's name. */
function withExampleLabels<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withExampleLabels) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) copy[k] = withExampleLabels(v);
  const example = copy.type === 'Terminal' && typeof copy.name === 'string' ? TOKEN_EXAMPLES.get(copy.name) : undefined;
  if (example) {
    const label = `${copy.name as string}: ${example.examples.join(' / ')}`;
    // The diagram library sizes a box by counting characters as if all were Latin; a Chinese
    // character is about two wide. Each gets a space that the browser folds away when it
    // draws the text, so the box is wide enough and the words stay centred in it.
    copy.label = label + ' '.repeat(label.match(WIDE)?.length ?? 0);
  }
  return copy as T;
}

const INTRO_CSS = `body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.intro { max-width: 62rem; margin: 1.5rem auto; line-height: 1.6; text-align: left; }
.intro h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
.intro .en { color: #444; }
.intro table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
.intro th, .intro td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; vertical-align: top; text-align: left; }
.intro code { background: #f3f3f3; padding: 0 0.2rem; }
`;

/** The page's heading, introduction and legend, in Chinese and English, and the table of tokens. */
function introHtml(): string {
  const rows = [...TOKEN_EXAMPLES].map(([name, e]) => `<tr><td><code>${escapeHtml(name)}</code></td><td>${e.examples.map((x) => `<code>${escapeHtml(x)}</code>`).join(' ')}</td><td>${escapeHtml(e.zh)}</td><td>${escapeHtml(e.en)}</td></tr>`);
  return `<div class="intro">
<h1>指标值的语法 · The grammar of a target cell</h1>
<p>绩效目标表中一个指标值单元格（如 <code>≥50亿元</code>、<code>90%左右</code>、<code>2022年12月底前</code>）可以怎样写，由下面的铁路图给出。图由解析器本身生成，与代码一致。从左往右沿线读：每条能走通的路线就是一种合法写法。</p>
<p class="en">How one target cell of a performance table (<code>≥50亿元</code>, <code>90%左右</code>, <code>2022年12月底前</code>) may be written, drawn from the parser itself, so the picture cannot drift from the code. Read each diagram left to right along the lines: every path through it is a way the cell may be written.</p>
<h2>图例 · Legend</h2>
<table>
<tr><th>图中 · in the diagram</th><th>含义</th><th>meaning</th></tr>
<tr><td>圆角框 · rounded box</td><td>要写的词：框里是记号名和几个示例写法，如 <code>CompareOp: ≥ / 不低于</code></td><td>words written in the cell: the token's name and example spellings</td></tr>
<tr><td>方框 · square box</td><td>另一条规则，点击跳到它的图</td><td>another rule; click it to jump to its diagram</td></tr>
<tr><td>分叉 · a fork</td><td>几种写法任选其一</td><td>one of several alternatives</td></tr>
<tr><td>绕过的线 · a line around a box</td><td>可以不写</td><td>optional</td></tr>
<tr><td>回环 · a loop back</td><td>可以重复</td><td>may repeat</td></tr>
</table>
<h2>记号与示例 · Tokens and examples</h2>
<table>
<tr><th>记号 · token</th><th>示例 · examples</th><th>含义</th><th>meaning</th></tr>
${rows.join('\n')}
</table>
<p>完整的词表见 <code>vocabulary()</code>（<code>indicator-expr/grammar</code>）与文档“用语”“计量单位”两页。 · Every word is listed by <code>vocabulary()</code> (<code>indicator-expr/grammar</code>) and in the docs' pages on words and units.</p>
</div>`;
}

export interface WordOp { readonly word: string; readonly op: Op }

/** One row of the unit registry, its factor written as a decimal or a fraction. */
export interface UnitRow {
  readonly name: string;
  readonly spellings: readonly string[];
  readonly dimension: Dimension;
  readonly base: string;
  readonly factor: Factor;
}

/** Every word the lexer gives a meaning to, grouped as the grammar uses them. Data only. */
export interface Vocabulary {
  /** Comparators before the number (`≥`, `不低于`, `不满`). */
  readonly opsBefore: readonly WordOp[];
  /** Comparators after the number (`以上`, `以内`). */
  readonly opsAfter: readonly WordOp[];
  /** Bracketed notes that make a bound strict (`（不含）`) or confirm it inclusive (`（含）`). */
  readonly strictness: readonly { readonly word: string; readonly strict: boolean }[];
  readonly approxBefore: readonly string[];
  readonly approxAfter: readonly string[];
  /** Words of intent, kept as modifiers (`力争`, `确保`). */
  readonly intents: readonly string[];
  readonly trends: readonly { readonly word: string; readonly direction: Direction }[];
  readonly trendModifiers: readonly string[];
  readonly rangeSeparators: readonly string[];
  readonly conjunctions: readonly string[];
  /** After a date: the date is a deadline (`前`, `之前`). */
  readonly deadlineAfter: readonly string[];
  /** Words of completion after a deadline (`完成`, `到位`), kept in the text only. */
  readonly completionWords: readonly string[];
  /** Dates without a number: the end of an unnamed year (`年底`, `年内`). */
  readonly yearEndWords: readonly string[];
  /** Words after a written year that make it its last day (`2024年年底前`, `2024年年内`). */
  readonly afterYearEndWords: readonly string[];
  /** The whole year, a period January to December (`全年`, `2024年全年`). */
  readonly wholeYearWords: readonly string[];
  /** Words before a day of the month that make it recur (`每月8号前`: RECURRING_DEADLINE). */
  readonly recurringMonthWords: readonly string[];
  readonly spelledRatios: readonly { readonly word: string; readonly unit: string }[];
  /** Words after a quantity that make it a rate, with the unit they divide by (`一年` → `年`: `30万元一年` is 万元/年). */
  readonly rates: readonly { readonly word: string; readonly per: string }[];
  /** One half where a numeral stands (`半小时`, `一个半月`, `两年半`). */
  readonly half: string;
  /** Answers spelled like a unit (`对`): alone in a cell they are a term, not a unit missing its number. */
  readonly unitLikeAnswers: readonly string[];
  /** Magnitudes between a number and its unit, as powers of ten (`亿` → 8). */
  readonly magnitudes: readonly { readonly word: string; readonly exponent: number }[];
  readonly numerals: {
    readonly digits: readonly { readonly char: string; readonly value: number }[];
    readonly smallUnits: readonly { readonly char: string; readonly value: number }[];
    /** 万 and 亿, as powers of ten. */
    readonly bigUnits: readonly { readonly char: string; readonly exponent: number }[];
  };
  /** Cells that are not a target at all (`NOT_APPLICABLE`). */
  readonly placeholders: readonly string[];
  /** The grade words a grade scale is made of (`优良中低差`, `好坏`, `合格不合格`); the name is older than the longer words. */
  readonly gradeChars: readonly string[];
  readonly units: readonly UnitRow[];
  /** The count units (量词); each is its own base. */
  readonly classifiers: readonly string[];
  /** 分 as read with the option `fen: "cent"`. */
  readonly fenAsCent: UnitRow;
  /** Actual values written as words (`已完成`, `基本达到`, `未完成`, `无`). */
  readonly achievement: {
    readonly achieved: readonly string[];
    readonly partial: readonly string[];
    readonly notAchieved: readonly string[];
    readonly none: readonly string[];
    readonly achievedPrefixes: readonly string[];
    readonly partialPrefixes: readonly string[];
    readonly negationPrefixes: readonly string[];
  };
  /** Words of indicator names that say whether higher or lower is better, each with an example name. */
  readonly polarity: readonly { readonly word: string; readonly polarity: Polarity; readonly atEnd: boolean; readonly example: string }[];
}

const unitRow = (d: UnitRow): UnitRow =>
  ({ name: d.name, spellings: [...d.spellings], dimension: d.dimension, base: d.base, factor: typeof d.factor === 'string' ? d.factor : [d.factor[0], d.factor[1]] });

/** The words of the language as shipped (the default parser's registries), in registry order. */
export function vocabulary(): Vocabulary {
  return deepFreeze({
    opsBefore: [...PREFIX_OPS].map(([word, op]) => ({ word, op })),
    opsAfter: [...POSTFIX_OPS].map(([word, op]) => ({ word, op })),
    strictness: [...STRICTNESS_NOTES].map(([word, strict]) => ({ word, strict })),
    approxBefore: [...APPROX_PREFIX],
    approxAfter: [...APPROX_POSTFIX],
    intents: [...INTENT_WORDS],
    trends: [...TREND_WORDS].map(([word, direction]) => ({ word, direction })),
    trendModifiers: [...TREND_MODIFIERS],
    rangeSeparators: [...RANGE_SEPARATORS],
    conjunctions: [...CONJUNCTIONS],
    deadlineAfter: [...DEADLINE_POSTFIX],
    completionWords: [...COMPLETION_WORDS],
    yearEndWords: [...YEAR_END_WORDS],
    afterYearEndWords: [...AFTER_YEAR_END_WORDS],
    wholeYearWords: [...WHOLE_YEAR_WORDS],
    recurringMonthWords: [...RECURRING_MONTH_WORDS],
    spelledRatios: [...SPELLED_RATIOS].map(([word, unit]) => ({ word, unit })),
    rates: [...RATE_WORDS].map(([word, per]) => ({ word, per })),
    half: HALF,
    unitLikeAnswers: [...UNIT_LIKE_ANSWERS],
    magnitudes: [...MAGNITUDES].map(([word, exponent]) => ({ word, exponent })),
    numerals: {
      digits: [...CN_DIGITS].map(([char, value]) => ({ char, value })),
      smallUnits: [...CN_SMALL_UNITS].map(([char, value]) => ({ char, value })),
      bigUnits: [...CN_BIG_UNITS].map(([char, exponent]) => ({ char, exponent })),
    },
    placeholders: [...PLACEHOLDERS],
    gradeChars: [...GRADE_WORDS],
    units: UNITS.map(unitRow),
    classifiers: [...CLASSIFIERS],
    fenAsCent: unitRow(FEN_AS_CENT),
    achievement: {
      achieved: [...ACHIEVED_WORDS],
      partial: [...PARTIAL_WORDS],
      notAchieved: [...NOT_ACHIEVED_WORDS],
      none: [...NONE_WORDS],
      achievedPrefixes: [...ACHIEVED_PREFIXES],
      partialPrefixes: [...PARTIAL_PREFIXES],
      negationPrefixes: [...NEGATION_PREFIXES],
    },
    polarity: POLARITY_KEYWORDS.map((k) => ({ word: k.word, polarity: k.polarity, atEnd: k.atEnd, example: POLARITY_EXAMPLES.get(k.word) ?? '' })),
  });
}

/** A stable code with its message templates (`{x}` is filled from the details). */
export interface CodeMessages { readonly code: string; readonly zh: string; readonly en: string }

/** The codes of `IndicatorError` (parse, convert, JSON), in the order of the message table. */
export function errorCodes(): readonly CodeMessages[] {
  return deepFreeze(Object.entries(MESSAGES).map(([code, m]) => ({ code, zh: m.zh, en: m.en })));
}

/** The codes of a verdict's `reason` (why it is not `pass`), in the order of the message table. */
export function reasonCodes(): readonly CodeMessages[] {
  return deepFreeze(Object.entries(REASONS).map(([code, m]) => ({ code, zh: m.zh, en: m.en })));
}
