/**
 * What the command says, in Chinese and English: data only, like src/table/messages.ts.
 * `{x}` placeholders are filled from the error's details (src/i18n/messages.ts `fill`).
 * A language is a column here, never a branch in the code.
 */
export type Text = { readonly zh: string; readonly en: string };

/** Usage errors (exit code 2): the command line or its input cannot be worked with. */
export const USAGE_MESSAGES = {
  UNKNOWN_COMMAND: { zh: '未知命令“{command}”（命令有：{commands}）', en: 'Unknown command "{command}" (the commands are {commands})' },
  UNKNOWN_OPTION: { zh: '{command} 没有选项 {option}', en: '{command} has no option {option}' },
  MISSING_VALUE: { zh: '{option} 需要一个值（{arg}）', en: '{option} needs a value ({arg})' },
  TAKES_NO_VALUE: { zh: '{option} 不带值', en: '{option} takes no value' },
  BAD_CHOICE: { zh: '{option} 只能是 {choices}，而不是“{value}”', en: '{option} must be {choices}, not "{value}"' },
  BAD_YEAR: { zh: '--year 须为四位年份（如 2022），而不是“{value}”', en: '--year must be a four-digit year (such as 2022), not "{value}"' },
  NUMBER_AT_LEAST: { zh: '{option} 须为不小于 {min} 的数，而不是“{value}”', en: '{option} must be a number of at least {min}, not "{value}"' },
  NUMBER_BETWEEN: { zh: '{option} 须为 {min} 到 {max} 之间的数，而不是“{value}”', en: '{option} must be a number from {min} to {max}, not "{value}"' },
  WHOLE_NUMBER_BETWEEN: { zh: '{option} 须为 {min} 到 {max} 之间的整数，而不是“{value}”', en: '{option} must be a whole number from {min} to {max}, not "{value}"' },
  EMPTY_VALUE: { zh: '{option} 的值是空的（{arg}）', en: '{option} is empty (it takes {arg})' },
  BAD_TOLERANCE: {
    zh: '--tolerance 须为不小于 0 的量，如 10%、2个百分点或 1万元，而不是“{value}”',
    en: '--tolerance must be a quantity of at least 0 such as 10%, 2个百分点 or 1万元, not "{value}"',
  },
  BAD_FAIL_ON: {
    zh: '--fail-on 只接受 partial、fail、unknown（可用逗号分隔），而不是“{value}”',
    en: '--fail-on takes partial, fail and unknown (comma-separated), not "{value}"',
  },
  BAD_HEADER: {
    zh: '--header 须为表头所在的行号（从 1 起）、auto 或 none，而不是“{value}”',
    en: '--header must be the header\'s line number (from 1), auto or none, not "{value}"',
  },
  COLUMN_FROM_ONE: { zh: '{option}：列号从 1 开始', en: '{option}: columns count from 1' },
  NEEDS_TABLE: { zh: '{command} 需要一个表格：文件路径，或用 - 表示标准输入', en: '{command} needs a table: a file, or - for standard input' },
  ONE_TABLE: { zh: '{command} 只读一个表格，但给了 {count} 个：{list}', en: '{command} reads one table, got {count}: {list}' },
  EVAL_ARGUMENTS: {
    zh: 'eval 需要两个参数：指标值和实际值，但给了 {count} 个',
    en: 'eval takes a target and an actual value, got {count} argument{s}',
  },
  SAME_COLUMN: { zh: '--column 与 --target 指的是同一列，只给一个', en: '--column and --target name the same column: give one' },
  TOGETHER: { zh: '{a} 与 {b} 不能同时使用', en: '{a} and {b} cannot be used together' },
  NOT_FOR_INPUT: { zh: '{option} 只适用于 {wanted} 表格，而输入是 {format}', en: '{option} applies to {wanted} tables only; the input is {format}' },
  NOT_FOR_OUTPUT: { zh: '{option} 只适用于 --format {wanted}', en: '{option} applies to --format {wanted} only' },
  FILE_NOT_FOUND: { zh: '文件不存在：{file}', en: 'File not found: {file}' },
  IS_DIRECTORY: { zh: '“{file}”是一个目录，不是文件', en: '"{file}" is a directory, not a file' },
  NO_PERMISSION: { zh: '没有读取“{file}”的权限', en: 'No permission to read "{file}"' },
  CANNOT_READ: { zh: '无法读取“{file}”：{reason}', en: 'Cannot read "{file}": {reason}' },
  EMPTY_FILE: { zh: '文件“{file}”是空的，没有可读的内容', en: 'The file "{file}" is empty: there is nothing to read' },
  EMPTY_STDIN: { zh: '标准输入是空的，没有可读的内容', en: 'Standard input is empty: there is nothing to read' },
  NO_SUCH_COLUMN: { zh: '表头（第 {line} 行）中没有“{column}”列（{option}）', en: 'The header (line {line}) has no column "{column}" ({option})' },
  OUTPUT_ONLY: {
    zh: '--output 只写 {list} 文件；--format {format} 请不用 --output，改为重定向标准输出',
    en: '--output writes {list}; for --format {format} leave --output out and redirect standard output',
  },
  OUTPUT_DISAGREES: { zh: '--format {format} 不能写入“{file}”：文件名应以 .{format} 结尾', en: '--format {format} does not go into "{file}": name the file .{format}' },
  OUTPUT_KIND: { zh: '--output 只写 {list} 文件，而不是“{file}”', en: '--output writes {list} files, not "{file}"' },
  XLSX_TO_TERMINAL: {
    zh: '--format xlsx 写出的是工作簿：请给出 --output 文件.xlsx（或把标准输出重定向到文件）',
    en: '--format xlsx writes a workbook: give --output FILE.xlsx (or redirect standard output to a file)',
  },
  NO_HEADER_WITH_COLUMN: {
    zh: '找不到含有“{column}”列（{option}）的表头行',
    en: 'No header row has a column "{column}" ({option})',
  },
} as const satisfies Record<string, Text>;

export type UsageCode = keyof typeof USAGE_MESSAGES;

/** What the command tells when it is done. */
export const NOTICES = {
  WRITTEN: { zh: '已写入 {file}', en: 'Written: {file}' },
} as const satisfies Record<string, Text>;

/** Pieces added to a message: a suggestion, the columns a header has, where help is. */
export const HINTS = {
  DID_YOU_MEAN_OPTION: { zh: '；是不是 {suggestion}？', en: '; did you mean {suggestion}?' },
  DID_YOU_MEAN: { zh: '；是不是“{suggestion}”？', en: '; did you mean "{suggestion}"?' },
  HEADER_COLUMNS: { zh: '；表头的列：{list}', en: '; the header has {list}' },
  SEE_HELP: { zh: '运行“indicator-expr {command}--help”查看用法。', en: 'Run "indicator-expr {command}--help" for usage.' },
  OR: { zh: '或', en: 'or' },
  LIST_SEPARATOR: { zh: '、', en: ', ' },
} as const satisfies Record<string, Text>;

/** Words of the help pages. */
export const HELP_WORDS = {
  usage: { zh: '用法', en: 'Usage' },
  commands: { zh: '命令', en: 'Commands' },
  options: { zh: '选项', en: 'Options' },
  more: {
    zh: '每个命令的用法：indicator-expr help 命令，或 indicator-expr 命令 --help。',
    en: 'Each command\'s options: indicator-expr help COMMAND, or indicator-expr COMMAND --help.',
  },
  exitCodes: {
    zh: '退出码：0 每一行都已读取并判断（无论结果如何）；1 有行无法读取或解析，或 --fail-on 命中；\n2 用法错误，或表格完全无法读取（文件不存在、空文件、没有表头、未知工作表或编码）。',
    en: 'Exit codes: 0 every row was read and judged (whatever the verdicts), 1 some rows (or lines)\ncould not be read or parsed, or --fail-on matched, 2 usage error or a table that cannot be read\nat all (no such file, an empty file, no header row, unknown sheet or encoding).',
  },
} as const satisfies Record<string, Text>;

/** Status words, as `check --format table` and `eval` on a terminal print them. */
export const STATUS_WORDS = {
  pass: { zh: '达成', en: 'pass' },
  partial: { zh: '部分达成', en: 'partial' },
  fail: { zh: '未达成', en: 'fail' },
  unknown: { zh: '无法判断', en: 'unknown' },
  error: { zh: '错误', en: 'error' },
  parsed: { zh: '已解析', en: 'parsed' },
} as const satisfies Record<string, Text>;

/** The headings of `check --format table`. */
export const TABLE_HEAD = {
  line: { zh: '行', en: 'line' },
  indicator: { zh: '指标', en: 'indicator' },
  target: { zh: '指标值', en: 'target' },
  actual: { zh: '实际值', en: 'actual' },
  result: { zh: '结果', en: 'result' },
  score: { zh: '得分', en: 'score' },
  kind: { zh: '类型', en: 'kind' },
  note: { zh: '说明', en: 'note' },
} as const satisfies Record<string, Text>;

/** Where the op of a verdict came from (Verdict.opSource), in words. */
export const OP_SOURCE_WORDS = {
  written: { zh: '写明的符号', en: 'as written' },
  option: { zh: '--polarity 选项', en: 'the --polarity option' },
  indicator: { zh: '由指标名称推断', en: 'inferred from the indicator name' },
  default: { zh: '默认（越大越好）', en: 'the default (higher is better)' },
  'equals-reached': { zh: '“=”按达到计', en: '"=" read as reached' },
} as const satisfies Record<string, Text>;

/** The labels of `eval`'s readable verdict. */
export const VERDICT_LABELS = {
  status: { zh: '结果', en: 'Result' },
  target: { zh: '指标值', en: 'Target' },
  actual: { zh: '实际值', en: 'Actual' },
  op: { zh: '比较', en: 'Compared' },
  margin: { zh: '差额', en: 'Margin' },
  completion: { zh: '完成度', en: 'Completion' },
  reason: { zh: '原因', en: 'Reason' },
  assumed: { zh: '单位', en: 'Unit' },
  assumedText: { zh: '实际值按 {unit} 读取', en: 'the actual read in {unit}' },
  score: { zh: '得分', en: 'Score' },
  parts: { zh: '各部分', en: 'Parts' },
  error: { zh: '错误', en: 'Error' },
  percentagePoints: { zh: '{value} 个百分点', en: '{value} percentage points' },
} as const satisfies Record<string, Text>;
