import { strToU8 } from 'fflate';

/**
 * Hostile .xlsx files made in the test, small on disk: a raw deflate stream written bit by
 * bit, where one dynamic Huffman block repeats the last `period` bytes `copies` × 258
 * times at three bits a copy (inflating 688 : 1 and more), and a ZIP container around it.
 */

class Bits {
  private readonly bytes: number[] = [];
  private acc = 0;
  private n = 0;
  /** `count` bits of `value`, least significant first (header fields, extra bits). */
  put(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.bit((value >> i) & 1);
  }
  /** A Huffman code, most significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bit((value >> i) & 1);
  }
  bit(b: number): void {
    this.acc |= b << this.n;
    if (++this.n === 8) { this.bytes.push(this.acc); this.acc = 0; this.n = 0; }
  }
  align(): void { if (this.n > 0) { this.bytes.push(this.acc); this.acc = 0; this.n = 0; } }
  raw(data: Uint8Array): void { this.align(); for (const b of data) this.bytes.push(b); }
  done(): Uint8Array { this.align(); return Uint8Array.from(this.bytes); }
}

function stored(w: Bits, data: Uint8Array, final: boolean): void {
  w.put(final ? 1 : 0, 1);
  w.put(0, 2);
  w.align();
  w.put(data.length, 16);
  w.put(~data.length & 0xffff, 16);
  w.raw(data);
}

const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7];

/** Code-length symbols: 0 → 00, 1 → 01, 17 → 10, 18 → 11 (four codes of two bits). */
function zeros(w: Bits, n: number): void {
  while (n > 0) {
    if (n >= 11) { const k = Math.min(n, 138); w.code(3, 2); w.put(k - 11, 7); n -= k; } else if (n >= 3) { w.code(2, 2); w.put(n - 3, 3); n = 0; } else { w.code(0, 2); n--; }
  }
}

/** A dynamic block of `copies` matches of length 258 at distance `period` (≤ 256). */
function repeats(w: Bits, period: number, copies: number): void {
  let dcode = 0;
  while (dcode + 1 < DIST_BASE.length && DIST_BASE[dcode + 1]! <= period) dcode++;
  w.put(0, 1); // not final
  w.put(2, 2); // dynamic Huffman
  w.put(286 - 257, 5);
  w.put(dcode + 1 - 1, 5);
  w.put(18 - 4, 4);
  // Code length code lengths, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1.
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  for (const s of order) w.put(s === 0 || s === 1 || s === 17 || s === 18 ? 2 : 0, 3);
  // Literal/length lengths: only 256 (end of block) and 285 (length 258), one bit each.
  zeros(w, 256); w.code(1, 2); zeros(w, 28); w.code(1, 2);
  // Distance lengths: only `dcode`, one bit.
  zeros(w, dcode); w.code(1, 2);
  for (let i = 0; i < copies; i++) {
    w.code(1, 1); // 285 → code 1 (256 → 0)
    w.code(0, 1); // the one distance code
    w.put(period - DIST_BASE[dcode]!, DIST_EXTRA[dcode]!);
  }
  w.code(0, 1); // end of block
}

/** Deflated `head` + (the last `period` bytes of head) repeated to 258 × copies bytes more + `tail`. */
export function bombDeflate(head: string, period: number, copies: number, tail: string): { data: Uint8Array; size: number } {
  const w = new Bits();
  const h = strToU8(head);
  const t = strToU8(tail);
  stored(w, h, false);
  repeats(w, period, copies);
  stored(w, t, true);
  return { data: w.done(), size: h.length + 258 * copies + t.length };
}

export interface ZipPart { readonly name: string; readonly data: Uint8Array; readonly size?: number; readonly deflated?: boolean }

/** A ZIP archive of the parts as given (stored, or already deflated); CRCs are left 0 (the reader does not check them). */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = strToU8(p.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, p.deflated ? 8 : 0, true);
    local.setUint32(18, p.data.length, true);
    local.setUint32(22, p.size ?? p.data.length, true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, p.deflated ? 8 : 0, true);
    dir.setUint32(20, p.data.length, true);
    dir.setUint32(24, p.size ?? p.data.length, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, p.data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + p.data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) { out.set(c, at); at += c.length; }
  return out;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const rel = (id: string, type: string, target: string): string =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;

/** A workbook of one sheet; the sheet and shared strings are given as parts (text, or a deflated bomb). */
export function workbookOf(sheet: Uint8Array | { data: Uint8Array; size: number }, sharedStrings?: Uint8Array | { data: Uint8Array; size: number }): Uint8Array {
  const part = (name: string, p: Uint8Array | { data: Uint8Array; size: number }): ZipPart =>
    p instanceof Uint8Array ? { name, data: p } : { name, data: p.data, size: p.size, deflated: true };
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: '_rels/.rels', data: strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`) },
    { name: 'xl/workbook.xml', data: strToU8(`<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${sharedStrings ? rel('rId2', 'sharedStrings', 'sharedStrings.xml') : ''}</Relationships>`) },
    part('xl/worksheets/sheet1.xml', sheet),
  ];
  if (sharedStrings) parts.push(part('xl/sharedStrings.xml', sharedStrings));
  return zipOf(parts);
}

/** Sheet XML around the rows given. */
export function sheetXml(rows: string): Uint8Array {
  return strToU8(`<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`);
}
export const SHEET_HEAD = `<worksheet ${NS}><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';
