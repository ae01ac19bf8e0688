import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { TableError } from './errors.js';

/**
 * Text encodings, one line at a time. Each physical line is decoded on its own, so a line
 * with bytes that are not valid in the encoding is found and reported as that line's
 * error while every other line reads normally.
 */
export interface DecodedText {
  readonly text: string;
  /** The line had undecodable bytes (they read as U+FFFD). */
  readonly bad: boolean;
  /** Byte offset (from 0) of the first undecodable byte in the line; -1 when none. */
  readonly at: number;
}

export interface LineDecoder {
  /** The canonical name: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, or the label given. */
  readonly encoding: string;
  /** 1 for ASCII-compatible encodings, 2 for UTF-16. */
  readonly unit: 1 | 2;
  readonly bigEndian: boolean;
  decode(bytes: Uint8Array): DecodedText;
}

/** Byte order marks, longest first. */
const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** GBK and GB2312 labels are read as GB18030, their superset (the 4-byte characters too). */
const GB_LABELS = new Set(['gbk', 'gb2312', 'gb18030', 'cp936', 'ms936', 'windows936', 'euccn', 'xgbk', 'chinese']);
const UTF8_LABELS = new Set(['utf8', 'unicode11utf8']);
const UTF16LE_LABELS = new Set(['utf16le', 'ucs2', 'utf16']);
const UTF16BE_LABELS = new Set(['utf16be']);

export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const b of BOMS) {
    if (bytes.length >= b.bytes.length && b.bytes.every((x, i) => bytes[i] === x)) return { encoding: b.encoding, length: b.bytes.length };
  }
  return null;
}

export function makeDecoder(label: string): LineDecoder {
  const key = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (UTF8_LABELS.has(key)) return utf8Decoder;
  if (UTF16LE_LABELS.has(key)) return utf16Decoder(false);
  if (UTF16BE_LABELS.has(key)) return utf16Decoder(true);
  const name = GB_LABELS.has(key) ? 'gb18030' : label.toLowerCase();
  if (!iconv.encodingExists(name)) throw new TableError('UNKNOWN_ENCODING', { encoding: label });
  // Line splitting needs LF, CR and the delimiters to be the single ASCII bytes they are
  // in UTF-8; UTF-32, UTF-7 and EBCDIC code pages are refused rather than misread.
  const probe = '\n\r\t,;"{}[]';
  if (!iconv.encode(probe, name).equals(Buffer.from(probe, 'latin1'))) {
    throw new TableError('UNSUPPORTED_ENCODING', { encoding: label });
  }
  return iconvDecoder(name);
}

const utf8Decoder: LineDecoder = {
  encoding: 'utf-8',
  unit: 1,
  bigEndian: false,
  decode(bytes) {
    const buf = asBuffer(bytes);
    if (isUtf8(buf)) return { text: buf.toString('utf8'), bad: false, at: -1 };
    return { text: buf.toString('utf8'), bad: true, at: firstInvalidUtf8(bytes) };
  },
};

function utf16Decoder(bigEndian: boolean): LineDecoder {
  return {
    encoding: bigEndian ? 'utf-16be' : 'utf-16le',
    unit: 2,
    bigEndian,
    decode(bytes) {
      let buf = asBuffer(bytes);
      const oddByte = buf.length % 2 === 1;
      if (bigEndian) buf = Buffer.from(buf.subarray(0, buf.length - (oddByte ? 1 : 0))).swap16();
      else if (oddByte) buf = buf.subarray(0, buf.length - 1);
      const raw = buf.toString('utf16le');
      // Lone surrogates are the only invalid UTF-16; they become U+FFFD like in UTF-8.
      const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
      const m = lone.exec(raw);
      const text = m ? raw.replace(lone, '\ufffd') : raw;
      if (oddByte) return { text: `${text}\ufffd`, bad: true, at: bytes.length - 1 };
      return { text, bad: m !== null, at: m ? m.index * 2 : -1 };
    },
  };
}

function iconvDecoder(name: string): LineDecoder {
  // iconv-lite reads invalid bytes as U+FFFD; a U+FFFD the text really contains is
  // encoded too, so a line is bad when it decodes to more U+FFFD than it encodes.
  const replacement = iconv.encode('\ufffd', name);
  return {
    encoding: name,
    unit: 1,
    bigEndian: false,
    decode(bytes) {
      const buf = asBuffer(bytes);
      if (isAscii(buf)) return { text: buf.toString('latin1'), bad: false, at: -1 };
      const text = iconv.decode(buf, name, { stripBOM: false });
      const found = countChar(text, '\ufffd');
      if (found === 0) return { text, bad: false, at: -1 };
      const real = replacement.length > 0 ? countBytes(buf, replacement) : 0;
      if (found <= real) return { text, bad: false, at: -1 };
      // The text before the first U+FFFD re-encodes to the bytes before the bad one.
      return { text, bad: true, at: iconv.encode(text.slice(0, text.indexOf('\ufffd')), name).length };
    },
  };
}

/**
 * The encoding of text that has no byte order mark, from sample lines that contain
 * non-ASCII bytes: the one under which fewer lines are broken, UTF-8 on a tie. GBK text
 * is almost never valid UTF-8 (a lead byte C0–FD must be followed by 80–BF), so one
 * Chinese line is usually enough; a UTF-8 file with one corrupt line stays UTF-8.
 */
export function chooseEncoding(lines: readonly Uint8Array[]): 'utf-8' | 'gb18030' {
  let utf8Bad = 0;
  for (const line of lines) if (!isUtf8(asBuffer(line))) utf8Bad++;
  // No count of GB18030 can be lower than none: valid UTF-8 never loads iconv-lite's
  // GB18030 tables (about 90 ms at start-up).
  if (utf8Bad === 0) return 'utf-8';
  const gb = iconvDecoder('gb18030');
  let gbBad = 0;
  for (const line of lines) if (gb.decode(line).bad) gbBad++;
  return gbBad < utf8Bad ? 'gb18030' : 'utf-8';
}

export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; } else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; } else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; } else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return i;
      const t = b[i + k]!;
      if ((t & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (t & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function countBytes(buf: Buffer, needle: Uint8Array): number {
  let n = 0;
  for (let i = buf.indexOf(needle); i !== -1; i = buf.indexOf(needle, i + needle.length)) n++;
  return n;
}
