/**
 * The command line as data: every command, its options in sections, and each option's
 * type, value, choices and help in both languages. Argument parsing, `--help`, did-you-mean
 * and the choice checks all read these tables, so an option is added by adding a row.
 */
import type { Text } from './messages.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value as help shows it (`FILE`, `N`); for choices, the choices joined with `|`. */
  readonly arg?: string;
  /** The values allowed, checked as the option is read (`readChoice`). */
  readonly choices?: readonly string[];
  readonly help: Text;
}

export interface Section {
  readonly title: Text;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

export interface CommandSpec {
  /** What follows `indicator-expr <command>` in the usage line. */
  readonly usage: string;
  readonly summary: Text;
  /** Paragraphs after the usage line. */
  readonly about: Text;
  readonly sections: readonly Section[];
}

const column = (zh: string, en: string): OptionSpec => ({
  type: 'string', arg: 'COLUMN', help: { zh: `${zh}列：表头文字，或从 1 起的列号`, en: `the ${en} column: its header text or its position from 1` },
});

/** What reads a table: its format, encoding, sheet, header and where its columns are. */
export const READ_OPTIONS = {
  'format-in': {
    type: 'string', choices: ['csv', 'tsv', 'jsonl', 'xlsx'],
    help: { zh: '输入格式（默认按文件扩展名，否则由内容判断）', en: 'the input format (default: from the file name, else sniffed)' },
  },
  encoding: {
    type: 'string', arg: 'ENC',
    help: { zh: '文本编码（默认：按 BOM，否则有效的 UTF-8，否则 GB18030）；不适用于 .xlsx', en: 'the text encoding (default: BOM, else UTF-8 when valid, else GB18030); not for .xlsx' },
  },
  sheet: { type: 'string', arg: 'NAME|N', help: { zh: '.xlsx 的工作表，按名称或从 1 起的序号（默认第一个）', en: 'the .xlsx sheet, by name or position from 1 (default the first)' } },
  header: {
    type: 'string', arg: 'N|auto|none',
    help: { zh: '表头所在的行（默认自动查找，其上的标题行跳过；none：没有表头）', en: 'the header\'s line (default: found, title rows above it skipped; none: no header)' },
  },
  period: { type: 'string', choices: ['full', 'half'], help: { zh: '读取全年指标值（默认）或半年指标值', en: 'read 全年指标值 (the default) or 半年指标值' } },
} as const satisfies Record<string, OptionSpec>;

export const COLUMN_OPTIONS = {
  indicator: column('指标名称', 'indicator'),
  target: column('指标值', 'target'),
  op: column('符号（拆分的）', 'op (when split out)'),
  unit: column('单位（拆分的）', 'unit (when split out)'),
  actual: column('实际值', 'actual'),
  weight: column('分值', 'weight'),
} as const satisfies Record<string, OptionSpec>;

/** How targets are read and judged: `check` and `eval` share them, `parse` and `normalize` the first. */
export const PARSE_OPTIONS = {
  year: { type: 'string', arg: 'YYYY', help: { zh: '未写年份的期限所属的年度（12月底前 → YYYY-12-31）', en: 'the year of deadlines written without one (12月底前 → YYYY-12-31)' } },
  fen: { type: 'string', choices: ['score', 'cent'], help: { zh: '“分”读作分值（score，默认）或货币单位分（cent）', en: '分 as a score (the default) or a cent' } },
} as const satisfies Record<string, OptionSpec>;

export const JUDGE_OPTIONS = {
  polarity: { type: 'string', choices: ['positive', 'negative'], help: { zh: '越大越好或越小越好（默认由指标名称推断）', en: 'higher or lower is better (default: inferred from the indicator name)' } },
  tolerance: { type: 'string', arg: 'T', help: { zh: '“左右”的允许偏差：10%（相对）、2个百分点、1万元（绝对）', en: 'the band of ≈ targets: 10% (relative), 2个百分点 or 1万元 (absolute)' } },
  equals: { type: 'string', choices: ['reached', 'exact'], help: { zh: '“=”按达到计（默认）或须严格相等', en: '= means reached (the default) or exactly equal' } },
  'reverse-rule': { type: 'string', choices: ['ratio', 'linear'], help: { zh: '越小越好指标的计分规则', en: 'how lower-is-better targets are scored' } },
  band: { type: 'string', arg: '0…1', help: { zh: '部分达成或未达成的定性指标在其档内的得分位置（默认 0）', en: 'where in its band a partial or failed qualitative verdict scores (default 0)' } },
  scale: { type: 'string', arg: 'N', help: { zh: '得分保留的小数位数', en: 'decimal places of scores' } },
  ...PARSE_OPTIONS,
} as const satisfies Record<string, OptionSpec>;

export const FAIL_ON_OPTION = {
  'fail-on': {
    type: 'string', multiple: true, arg: 'STATUS',
    help: { zh: '出现这些结果（fail、unknown、partial，逗号分隔）时也以 1 退出，用于 CI', en: 'also exit 1 when a verdict is fail (unknown, partial; comma-separated), for CI' },
  },
} as const satisfies Record<string, OptionSpec>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  locale: { type: 'string', choices: ['zh', 'en'], help: { zh: '消息与输出的语言（默认 zh）', en: 'the language of messages and output (default zh)' } },
  help: { type: 'boolean', short: 'h', help: { zh: '显示本命令的用法', en: 'show this command\'s usage' } },
} as const satisfies Record<string, OptionSpec>;

const whole = (zh: string, en: string): OptionSpec => ({ type: 'string', arg: 'N', help: { zh, en } });

/**
 * The limits of docs/security.md that a run may need to raise (or lower), each with its
 * default in the help. The cell length holds for every command.
 */
export const CELL_LIMIT_OPTIONS = {
  'max-length': whole('指标值或实际值单元格的最大长度，按字符计（默认 2000）', 'the longest target or actual cell read, in characters (default 2000)'),
} as const satisfies Record<string, OptionSpec>;

export const TABLE_LIMIT_OPTIONS = {
  ...CELL_LIMIT_OPTIONS,
  'max-line-bytes': whole('一个物理行的最大字节数，更长的行作为出错行输出（默认 16777216，即 16 MiB）', 'the longest physical line, in bytes; a longer one is an error row (default 16777216, 16 MiB)'),
  'max-record-lines': whole(
    '一个带引号的单元格最多跨越的行数，超过则视为引号未闭合（BAD_QUOTE），其后的行照常读取（默认 10000）',
    'the most lines a quoted cell may span; past it the quote is taken as unclosed (BAD_QUOTE) and the lines after it are read as rows (default 10000)',
  ),
  'max-record-chars': whole(
    '一个带引号的单元格跨行时最多保留的字符数，超过则视为引号未闭合（默认 4194304，即 4 Mi）',
    'the most characters held while a quoted cell spans lines; past it the quote is taken as unclosed (default 4194304, 4 Mi)',
  ),
  'max-inflated-bytes': whole('.xlsx 解压后的总字节数上限（默认 268435456，即 256 MiB）', '.xlsx: the most bytes inflated over the whole workbook (default 268435456, 256 MiB)'),
  'max-inflate-ratio': whole('.xlsx 每个部分解压后与压缩前大小之比的上限（超过 1 MiB 后，默认 100）', '.xlsx: the largest ratio of a part\'s inflated to compressed size once past 1 MiB (default 100)'),
  'header-search-rows': whole('查找表头时最多读取的行数（默认 1000）', 'the most rows read while the header is looked for (default 1000)'),
  'header-search-chars': whole(
    '查找表头时所读各行单元格的总字符数上限（默认 16777216，即 16 Mi）',
    'the most characters of cells held while the header is looked for (default 16777216, 16 Mi)',
  ),
} as const satisfies Record<string, OptionSpec>;

export const PARSE_LIMIT_OPTIONS = {
  ...CELL_LIMIT_OPTIONS,
  'max-line-bytes': whole(
    '标准输入一行的最大字节数，更长的行不保留、答以 INPUT_TOO_LONG（默认 1048576，即 1 MiB，或 --max-length 的 4 倍，取较大者）',
    'the longest line of standard input, in bytes; a longer one is not kept and is answered INPUT_TOO_LONG (default 1048576, 1 MiB, or 4 × --max-length, whichever is more)',
  ),
} as const satisfies Record<string, OptionSpec>;

const SECTION = {
  reading: { zh: '读取表格', en: 'Reading the table' },
  columns: { zh: '指定列（表头特殊时）', en: 'Naming columns (when the header is unusual)' },
  judging: { zh: '判断与计分', en: 'Judging and scoring' },
  parsing: { zh: '解析', en: 'Parsing' },
  output: { zh: '输出', en: 'Output' },
  limits: { zh: '限制（见 docs/security.md）', en: 'Limits (see docs/security.md)' },
  general: { zh: '通用', en: 'General' },
} as const satisfies Record<string, Text>;

export const CHECK_OPTIONS = {
  format: {
    type: 'string', choices: ['table', 'csv', 'jsonl', 'html', 'xlsx'],
    help: {
      zh: '输出格式（终端上默认 table，否则 jsonl）；html 报告页，xlsx 工作簿（写到文件或管道）',
      en: 'the output format (default: table on a terminal, else jsonl); html a report page, xlsx a workbook (to a file or a pipe)',
    },
  },
  output: {
    type: 'string', short: 'o', arg: 'FILE',
    help: {
      zh: '写出批注过的工作簿（FILE.xlsx：原表加上结论、得分和原因，另有汇总页）或报告页（FILE.html）',
      en: 'write the annotated workbook (FILE.xlsx: the table with verdicts, scores and reasons, and a summary sheet) or the report page (FILE.html)',
    },
  },
  ...FAIL_ON_OPTION,
  quiet: { type: 'boolean', short: 'q', help: { zh: '不输出汇总和进度行（标准错误）', en: 'no summary and no progress line on standard error' } },
  color: {
    type: 'string', choices: ['auto', 'always', 'never'],
    help: { zh: '表格的颜色（auto：终端上且未设 NO_COLOR 时）', en: 'colour of the table (auto: on a terminal, unless NO_COLOR)' },
  },
  bom: { type: 'boolean', help: { zh: 'csv 输出以 BOM 开头（便于 Excel 打开）', en: 'start csv output with a byte order mark (for Excel)' } },
} as const satisfies Record<string, OptionSpec>;

export const EVAL_OPTIONS = {
  weight: { type: 'string', arg: 'W', help: { zh: '分值：同时给出得分', en: 'the weight: give the score too' } },
  indicator: { type: 'string', arg: 'NAME', help: { zh: '指标名称（由它推断指标方向）', en: 'the indicator\'s name (polarity is inferred from it)' } },
  format: {
    type: 'string', choices: ['text', 'json'],
    help: { zh: '输出格式：text 易读（终端上默认），json（否则默认）', en: 'the output: text to read (the default on a terminal), json (the default otherwise)' },
  },
  json: { type: 'boolean', help: { zh: '同 --format json', en: 'the same as --format json' } },
  ...FAIL_ON_OPTION,
} as const satisfies Record<string, OptionSpec>;

export const NORMALIZE_OPTIONS = {
  output: { type: 'string', short: 'o', arg: 'FILE.xlsx', help: { zh: '把同样的行写成 .xlsx 工作簿', en: 'the same rows as an .xlsx workbook' } },
  column: { type: 'string', arg: 'COLUMN', help: { zh: '指标值列（表头文字或从 1 起的列号；默认自动查找）', en: 'the target column (header text or position from 1; default: found)' } },
  quiet: { type: 'boolean', short: 'q', help: { zh: '不在标准错误上列出出错的行', en: 'do not name the lines with errors on standard error' } },
} as const satisfies Record<string, OptionSpec>;

export const COMMANDS = {
  check: {
    usage: 'check FILE|- [OPTIONS]',
    summary: { zh: '读取整张表格，逐行判断并计分，输出报告', en: 'read a table, evaluate and score every row, print a report' },
    about: {
      zh: '读取表格（CSV、TSV、JSON lines 或 .xlsx；UTF-8 或 GBK/GB18030；- 为标准输入），按表头名称找到各列，\n逐行解析指标值、与实际值比较并计分。--format table 输出对齐的表格和汇总；jsonl 每个数据行一个对象\n{"line", "indicator", "target", "verdict", "score", "error"}；csv 每个数据行一行。jsonl 和 csv 的汇总\n写到标准错误。没有实际值列时只解析指标值。',
      en: 'Reads a table (CSV, TSV, JSON lines or .xlsx; UTF-8 or GBK/GB18030; - is standard input), finds its\ncolumns by their header names, and parses, evaluates and scores every data row. --format table prints\nan aligned table and the summary; jsonl one object per data row, {"line", "indicator", "target",\n"verdict", "score", "error"}; csv one row per data row. With jsonl and csv the summary goes to standard\nerror. Without an actual column only the targets are parsed.',
    },
    sections: [
      { title: SECTION.output, options: CHECK_OPTIONS },
      { title: SECTION.reading, options: READ_OPTIONS },
      { title: SECTION.columns, options: COLUMN_OPTIONS },
      { title: SECTION.judging, options: JUDGE_OPTIONS },
      { title: SECTION.limits, options: TABLE_LIMIT_OPTIONS },
      { title: SECTION.general, options: COMMON_OPTIONS },
    ],
  },
  normalize: {
    usage: 'normalize FILE|- [OPTIONS]',
    summary: { zh: '原样写回表格，并加上规范化的指标值列', en: 'write the table back with the normalized target columns added' },
    about: {
      zh: '按原格式和编码逐行写回表格（.xlsx 写成带 BOM 的 UTF-8 CSV），在表头最后一列之后加上\nkind、op、value、unit、dimension、base_value、base_unit 和 error 列。',
      en: 'Writes the table back, row for row, in its own format and encoding (an .xlsx as CSV in UTF-8 with a\nBOM), with the columns kind, op, value, unit, dimension, base_value, base_unit and error added after the\nheader\'s last column.',
    },
    sections: [
      { title: SECTION.output, options: NORMALIZE_OPTIONS },
      { title: SECTION.reading, options: READ_OPTIONS },
      { title: SECTION.columns, options: { target: COLUMN_OPTIONS.target, op: COLUMN_OPTIONS.op, unit: COLUMN_OPTIONS.unit } },
      { title: SECTION.parsing, options: PARSE_OPTIONS },
      { title: SECTION.limits, options: TABLE_LIMIT_OPTIONS },
      { title: SECTION.general, options: COMMON_OPTIONS },
    ],
  },
  eval: {
    usage: 'eval TARGET ACTUAL [OPTIONS]',
    summary: { zh: '判断一个实际值是否达到指标值（可同时计分）', en: 'one verdict (and score)' },
    about: {
      zh: '在终端上输出易读的结论（结果、比较方式及其来源、差额、原因）；输出不是终端或用 --json 时\n输出结论的 JSON，加 --weight 时为 {"verdict": …, "score": …}。以“-”开头的实际值写在“--”之后：\neval \'=0%\' -- -3.5%。',
      en: 'On a terminal it prints the verdict to read (status, the op and where it came from, the margin, the\nreason); piped, or with --json, the verdict JSON, and with --weight {"verdict": …, "score": …}. An actual\nthat starts with "-" goes after "--": eval \'=0%\' -- -3.5%.',
    },
    sections: [
      { title: SECTION.output, options: EVAL_OPTIONS },
      { title: SECTION.judging, options: JUDGE_OPTIONS },
      { title: SECTION.limits, options: CELL_LIMIT_OPTIONS },
      { title: SECTION.general, options: COMMON_OPTIONS },
    ],
  },
  parse: {
    usage: 'parse [TEXT…] [OPTIONS]',
    summary: { zh: '解析指标值，每个一行 JSON', en: 'one parsed target per cell or line, as JSON' },
    about: {
      zh: '每个 TEXT 输出一行 JSON；没有 TEXT 时逐行读标准输入，每读到一行就输出它的答案。第 N 行输出\n对应第 N 行输入；无法解析的行输出 {"text", "error": {code, message, offset, length}}，其余照常。',
      en: 'One JSON line per TEXT, or per line of standard input when no TEXT is given, each answered as it\narrives. Line N of the output answers line N of the input; a line that cannot be parsed prints\n{"text", "error": {code, message, offset, length}} and the rest goes on.',
    },
    sections: [
      { title: SECTION.parsing, options: PARSE_OPTIONS },
      { title: SECTION.limits, options: PARSE_LIMIT_OPTIONS },
      { title: SECTION.general, options: COMMON_OPTIONS },
    ],
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** Every option of a command, by flag name. */
export function optionsOf(command: CommandName): Readonly<Record<string, OptionSpec>> {
  return Object.assign({}, ...COMMANDS[command].sections.map((s: Section) => s.options));
}
