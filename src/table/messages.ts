/**
 * Messages of the table layer, in Chinese and English. Data only, like
 * src/i18n/messages.ts: `{x}` placeholders are filled from the error's details.
 *
 * Row codes describe one row that could not be read as written (the row still comes out);
 * table codes describe a source or options that cannot be read at all (thrown).
 */
export const ROW_MESSAGES = {
  BAD_QUOTE: {
    zh: '第 {line} 行第 {column} 列引号不匹配（{reason_zh}），本行按原文逐个分隔符切分',
    en: 'Line {line}, column {column}: mismatched quote ({reason_en}); the line was split at every delimiter as written',
  },
  UNDECODABLE: {
    zh: '第 {line} 行第 {byte} 字节起含有无法按 {encoding} 解码的字节',
    en: 'Line {line} has bytes that are not valid {encoding} (from byte {byte})',
  },
  LINE_TOO_LONG: {
    zh: '第 {line} 行超过 {limit} 字节，未读取',
    en: 'Line {line} is longer than {limit} bytes and was not read',
  },
  TOO_FEW_CELLS: {
    zh: '第 {line} 行只有 {cells} 列，缺少“{column}”列（表头有 {width} 列）',
    en: 'Line {line} has {cells} cells: the column "{column}" is missing (the header has {width})',
  },
  MISSING_KEY: {
    zh: '第 {line} 行没有“{column}”',
    en: 'Line {line} has no "{column}"',
  },
  EXTRA_CELLS: {
    zh: '第 {line} 行在表头之外还有内容（第 {column} 列“{text}”），各列可能错位',
    en: 'Line {line} has text beyond the header (column {column}: "{text}"); its cells may be shifted',
  },
  BAD_JSON: {
    zh: '第 {line} 行不是有效的 JSON 行：{detail_zh}',
    en: 'Line {line} is not a valid JSON line: {detail_en}',
  },
  BAD_CELL: {
    zh: '第 {line} 行单元格 {cell} 无法读取：{detail_zh}',
    en: 'Line {line}, cell {cell} cannot be read: {detail_en}',
  },
  BAD_ROW: {
    zh: '第 {line} 行不是单元格数组或按列名的对象（{found}）',
    en: 'Row {line} is neither an array of cells nor an object keyed by column name ({found})',
  },
  UNKEYED_ROW: {
    zh: '第 {line} 行是一列值，而本文件其他行是按列名书写的对象，无法确定各值属于哪一列',
    en: 'Line {line} is a list of values among rows that are objects keyed by column name: its values cannot be placed',
  },
  NO_TARGET_COLUMN_HERE: {
    zh: '第 {line} 行像表头，但找不到指标值列，沿用之前的列',
    en: 'Line {line} looks like a header but names no target column; the previous columns stay in force',
  },
  ROW_FAILED: {
    zh: '第 {line} 行无法处理（{detail}），其他行不受影响',
    en: 'Line {line} could not be processed ({detail}); the other rows are not affected',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export const TABLE_MESSAGES = {
  CANNOT_OPEN: { zh: '无法打开“{source}”：{detail}', en: 'Cannot open "{source}": {detail}' },
  UNKNOWN_FORMAT: { zh: '未知表格格式“{format}”', en: 'Unknown table format "{format}"' },
  UNSUPPORTED_FORMAT: {
    zh: '不支持的文件格式：{detail}。请另存为 .xlsx 或 CSV',
    en: 'Unsupported file format: {detail}. Save it as .xlsx or CSV',
  },
  UNKNOWN_ENCODING: { zh: '未知编码“{encoding}”', en: 'Unknown encoding "{encoding}"' },
  UNSUPPORTED_ENCODING: {
    zh: '编码“{encoding}”不兼容 ASCII，无法逐行读取（支持 UTF-8、UTF-16、GBK/GB18030 等）',
    en: 'The encoding "{encoding}" is not ASCII-compatible and cannot be read line by line (UTF-8, UTF-16, GBK/GB18030 and the like are)',
  },
  BAD_XLSX: { zh: '无法读取的 .xlsx 文件：{detail}', en: 'Cannot read this .xlsx file: {detail}' },
  NO_SUCH_SHEET: { zh: '找不到工作表“{sheet}”（现有：{sheets}）', en: 'No sheet "{sheet}" (the workbook has: {sheets})' },
  NO_HEADER: {
    zh: '前 {rows} 行中没有表头行（至少两列是已知列名{named_zh}）{limit_zh}；请用列选项指定列{encoding_zh}',
    en: 'No header row in the first {rows} rows (one with at least two known column names{named_en}){limit_en}; name the columns with the column options{encoding_en}',
  },
  AMBIGUOUS_COLUMN: {
    zh: '第 {line} 行表头有两列“{column}”（第 {first} 列和第 {second} 列），无法确定用哪一列；请按位置指定列',
    en: 'The header on line {line} has two columns "{column}" (columns {first} and {second}): name the one to read by its position',
  },
  NO_TARGET_COLUMN: {
    zh: '第 {line} 行表头中找不到{period_zh}指标值列{hint_zh}',
    en: 'The header on line {line} has no {period_en} target column{hint_en}',
  },
  UNKNOWN_COLUMN: {
    zh: '表头（第 {line} 行）中没有“{column}”列（{role}）',
    en: 'The header (line {line}) has no column "{column}" ({role})',
  },
  COLUMN_OUT_OF_RANGE: { zh: '列号 {column} 无效（{role}），列号从 1 开始', en: 'Column number {column} is not valid ({role}); columns count from 1' },
  READ_FAILED: { zh: '读取行时出错：{detail}', en: 'Reading the rows failed: {detail}' },
  INVALID_OPTION: { zh: '选项无效：{detail}', en: 'Invalid option: {detail}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type RowErrorCode = keyof typeof ROW_MESSAGES;
export type TableErrorCode = keyof typeof TABLE_MESSAGES;

/** Errors of a checked row that come from its judging rather than its reading (CheckError, source `weight`). */
export const CHECK_MESSAGES = {
  BAD_WEIGHT: {
    zh: '第 {line} 行分值“{weight}”不是非负数',
    en: 'Line {line}: the weight "{weight}" is not a number of at least 0',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
