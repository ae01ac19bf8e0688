import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll } from 'vitest';

/** A temp dir for one test file, removed when its tests are done. */
export function tempDir(): (name: string, content: string | Uint8Array) => string {
  const dir = mkdtempSync(join(tmpdir(), 'indicator-expr-table-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** The bytes concatenated from a writer. */
export async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** The real exported table (title rows, merged cells, repeated headers, HTML remnants). */
export const SEED = fileURLToPath(new URL('../fixtures/seeds/000_7f723cec6acb35bc.txt', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../fixtures/corpus/yancheng-2022.tsv', import.meta.url));

/** A workbook written by hand, for what openpyxl does not write: shared strings, rich text, 1904 dates. */
export function handWorkbook(sheetXml: string, options: { sharedStrings?: string; styles?: string; date1904?: boolean } = {}): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook ${ns}>${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', '/xl/worksheets/sheet1.xml')}${options.sharedStrings ? rel('rId2', 'sharedStrings', 'sharedStrings.xml') : ''}${options.styles ? rel('rId3', 'styles', 'styles.xml') : ''}</Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`),
  };
  if (options.sharedStrings) files['xl/sharedStrings.xml'] = strToU8(`<sst ${ns}>${options.sharedStrings}</sst>`);
  if (options.styles) files['xl/styles.xml'] = strToU8(`<styleSheet ${ns}>${options.styles}</styleSheet>`);
  return zipSync(files);
}
