/**
 * What the table API throws is documented beside the library's errors (docs/en/errors.md,
 * docs/zh/errors.md): every TableError code has its line in both languages, and the pages
 * say that the library entry throws only IndicatorError and a failing source READ_FAILED
 * with its error as `cause` (test/fuzz/arguments.test.ts checks that behaviour).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_MESSAGES } from '../../src/table/messages.js';

const page = (lang: 'en' | 'zh'): string => readFileSync(new URL(`../../docs/${lang}/errors.md`, import.meta.url), 'utf8');
/** The rows of the table under the heading of the table API's errors. */
function documentedCodes(text: string): string[] {
  const from = text.indexOf('`TableError`');
  const section = text.slice(from, text.indexOf('\n## ', from));
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!);
}

describe('the errors of the table API are documented', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: one line for every TableError code, and no other`, () => {
      expect(documentedCodes(page(lang)).sort()).toEqual(Object.keys(TABLE_MESSAGES).sort());
    });
  }

  it('the pages say which entry throws what', () => {
    expect(page('en')).toContain('The library entry `indicator-expr` throws only `IndicatorError`');
    expect(page('zh')).toContain('主入口 `indicator-expr` 只抛出 `IndicatorError`');
    for (const lang of ['en', 'zh'] as const) expect(page(lang)).toMatch(/`READ_FAILED` \|[^\n]*`cause`/);
  });
});
