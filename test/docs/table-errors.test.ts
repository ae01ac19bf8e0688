/**
 * What the table API and the command can produce is documented beside the library's errors
 * (docs/en/errors.md, docs/zh/errors.md), each code with both its messages exactly as the
 * source writes them: every TableError code, every row error (RowError and check's
 * BAD_WEIGHT) and every usage error of the command, and no code the source no longer has.
 * The pages also say which entry throws what (test/fuzz/arguments.test.ts checks that
 * behaviour).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { USAGE_MESSAGES } from '../../src/cli/messages.js';
import { CHECK_MESSAGES, ROW_MESSAGES, TABLE_MESSAGES } from '../../src/table/messages.js';

type Messages = Readonly<Record<string, { readonly zh: string; readonly en: string }>>;

const page = (lang: 'en' | 'zh'): string => readFileSync(new URL(`../../docs/${lang}/errors.md`, import.meta.url), 'utf8');

/** The section of a page from its heading (text found in it) to the next `## ` heading. */
function section(text: string, heading: string): string {
  const from = text.indexOf(heading);
  if (from < 0) throw new Error(`no section ${heading}`);
  const end = text.indexOf('\n## ', from);
  return text.slice(from, end < 0 ? undefined : end);
}

/** Each row of a section's tables: its code and its last two cells (the zh and en messages), unescaped. */
function documented(text: string): Map<string, { zh: string; en: string }> {
  const out = new Map<string, { zh: string; en: string }>();
  for (const line of text.split('\n')) {
    const m = /^\| `([A-Z_]+)` \|(.*)\|$/.exec(line);
    if (!m) continue;
    const cells = m[2]!.split(/(?<!\\)\|/).map((c) => c.trim().replace(/^`(.*)`$/, '$1').replace(/\\\|/g, '|'));
    if (out.has(m[1]!)) throw new Error(`${m[1]} is documented twice`);
    out.set(m[1]!, { zh: cells.at(-2)!, en: cells.at(-1)! });
  }
  return out;
}

const SECTIONS: Array<{ name: string; heading: { en: string; zh: string }; messages: Messages }> = [
  { name: 'TableError', heading: { en: '## Errors of the table API (`TableError`', zh: '## 表格 API 的错误（`TableError`' }, messages: TABLE_MESSAGES },
  { name: 'row errors', heading: { en: '## Errors of a row (`RowError`', zh: '## 行的错误（`RowError`' }, messages: { ...ROW_MESSAGES, ...CHECK_MESSAGES } },
  { name: 'usage errors', heading: { en: '## Usage errors of the command', zh: '## 命令行的用法错误' }, messages: USAGE_MESSAGES },
];

describe('the errors of the table API and the command are documented with both messages', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const { name, heading, messages } of SECTIONS) {
      it(`${lang}: ${name}, one line for every code, and no other`, () => {
        const docs = documented(section(page(lang), heading[lang]));
        expect([...docs.keys()].sort()).toEqual(Object.keys(messages).sort());
        for (const [code, m] of Object.entries(messages)) expect(docs.get(code), code).toEqual({ zh: m.zh, en: m.en });
      });
    }
  }

  it('the pages say which entry throws what', () => {
    expect(page('en')).toContain('The library entry `indicator-expr` throws only `IndicatorError`');
    expect(page('zh')).toContain('主入口 `indicator-expr` 只抛出 `IndicatorError`');
    for (const lang of ['en', 'zh'] as const) expect(page(lang)).toMatch(/`READ_FAILED` \|[^\n]*`cause`/);
  });
});
