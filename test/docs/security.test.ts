/**
 * docs/security.md's table of limits says what the code does: each default it states is
 * the source's constant, each flag it names is an option of the command and each limit flag
 * of the command is in it, and each test file it cites exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PARSE_LINE_BYTES } from '../../src/cli/parse.js';
import { COMMANDS, optionsOf, PARSE_LIMIT_OPTIONS, TABLE_LIMIT_OPTIONS, type CommandName } from '../../src/cli/spec.js';
import { MAX_INPUT_LENGTH } from '../../src/index.js';
import { ACTUAL_TEXTS, POLARITY_NAMES } from '../../src/evaluate/memo.js';
import { CACHE_SIZE } from '../../src/parse/cache.js';
import { DEFAULT_HEADER_SEARCH_CHARS, DEFAULT_HEADER_SEARCH_ROWS } from '../../src/table/header.js';
import { DEFAULT_LIMITS } from '../../src/table/index.js';
import { KEYED_CACHE_SIZE } from '../../src/table/rows.js';
import { MAX_XML_RUN } from '../../src/table/xml-guard.js';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from '../../src/table/xlsx.js';
import { RATIO_GRACE } from '../../src/table/zip.js';

const ROOT = new URL('../../', import.meta.url);
const page = readFileSync(new URL('docs/security.md', ROOT), 'utf8');
/** The limits table: from its heading row to the first line that is not a table row. */
const table = (() => {
  const from = page.indexOf('| what | limit (default) | option / flag | test |');
  const end = page.indexOf('\n\n', from);
  return page.slice(from, end).split('\n').slice(2);
})();

const MIB = 1024 * 1024;
/** 1048576 as the page writes it: 1 048 576. */
const spaced = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

describe('docs/security.md, the table of limits', () => {
  it('states the defaults of the source', () => {
    const all = table.join('\n');
    for (const fragment of [
      `\`MAX_INPUT_LENGTH\` = ${MAX_INPUT_LENGTH} UTF-16 code units`,
      `\`maxLineBytes\` = ${DEFAULT_LIMITS.maxLineBytes / MIB} MiB`,
      `\`maxRecordLines\` = ${spaced(DEFAULT_LIMITS.maxRecordLines)} lines`,
      `\`maxRecordChars\` = ${DEFAULT_LIMITS.maxRecordChars / MIB} Mi characters`,
      `\`headerSearchRows\` = ${DEFAULT_HEADER_SEARCH_ROWS} rows`,
      `\`headerSearchChars\` = ${DEFAULT_HEADER_SEARCH_CHARS / MIB} Mi characters`,
      `\`KEYED_CACHE_SIZE\` = ${KEYED_CACHE_SIZE} key sets`,
      `\`MAX_PARSE_LINE_BYTES\` = ${MAX_PARSE_LINE_BYTES / MIB} MiB a line`,
      `\`maxInflatedBytes\` = ${DEFAULT_LIMITS.maxInflatedBytes / MIB} MiB`,
      `\`maxInflateRatio\` = ${DEFAULT_LIMITS.maxInflateRatio} : 1 per part once past its first MiB (\`RATIO_GRACE\``,
      `\`MAX_XML_RUN\` = ${MAX_XML_RUN / MIB} Mi characters`,
      `\`MAX_SHEET_ROWS\` = ${spaced(MAX_SHEET_ROWS)} rows, \`MAX_SHEET_COLUMNS\` = ${spaced(MAX_SHEET_COLUMNS)} columns`,
      `2 × ${CACHE_SIZE / 2} targets per parser`,
      `2 × ${POLARITY_NAMES} names`,
      `2 × ${ACTUAL_TEXTS} texts`,
    ]) expect(all).toContain(fragment);
    expect(RATIO_GRACE).toBe(MIB);
  });

  it('names only flags the command has, and every limit flag it has', () => {
    const flags = new Set((Object.keys(COMMANDS) as CommandName[]).flatMap((c) => Object.keys(optionsOf(c))));
    const named = new Set([...table.join('\n').matchAll(/`--([a-z-]+)`/g)].map((m) => m[1]!));
    for (const f of named) expect(flags, `--${f}`).toContain(f);
    for (const f of Object.keys({ ...TABLE_LIMIT_OPTIONS, ...PARSE_LIMIT_OPTIONS })) expect(named, `--${f}`).toContain(f);
  });

  it('cites test files that exist', () => {
    const cited = table.flatMap((row) => [...row.split('|').at(-2)!.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]!));
    expect(cited.length).toBeGreaterThanOrEqual(table.length);
    for (const path of cited) expect(existsSync(new URL(path, ROOT)), path).toBe(true);
  });
});
