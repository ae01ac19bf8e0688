import { Inflate } from 'fflate';
import { TableError } from './errors.js';

/**
 * Just enough of the ZIP format to read an .xlsx held in memory: the central directory
 * (authoritative sizes, so entries written with data descriptors read too), ZIP64
 * fields, stored and deflated entries. fflate does the inflating, always as a stream and
 * within a budget (InflateBudget); this file only finds the bytes.
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
  readonly encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function bad(detail: string): TableError {
  return new TableError('BAD_XLSX', { detail });
}

export function readCentralDirectory(zip: Uint8Array): Map<string, ZipEntry> {
  try {
    return centralDirectory(zip);
  } catch (e) {
    // A field that points outside the file (a damaged or crafted archive) reads past the end.
    if (e instanceof RangeError) throw bad('broken central directory (a field points outside the file)');
    throw e;
  }
}

function centralDirectory(zip: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) { eocd = i; break; }
  }
  if (eocd === -1) throw bad('no ZIP end record (the file is cut short or not a zip)');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = big(view, eocd - 20 + 8);
    if (at + 56 > zip.length || view.getUint32(at, true) !== ZIP64_EOCD) throw bad('broken ZIP64 end record');
    count = big(view, at + 32);
    offset = big(view, at + 48);
  }
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || view.getUint32(p, true) !== CENTRAL) throw bad('broken central directory');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let headerOffset = view.getUint32(p + 42, true);
    const nameBytes = zip.subarray(p + 46, p + 46 + nameLength);
    // TextDecoder and char codes rather than Buffer: the playground reads .xlsx in a browser.
    const name = flags & 0x800 ? new TextDecoder('utf-8').decode(nameBytes) : latin1(nameBytes);
    // ZIP64: the fields that overflowed are in extra field 0x0001, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === MAX32) { size = big(view, q); q += 8; }
        if (compressedSize === MAX32) { compressedSize = big(view, q); q += 8; }
        if (headerOffset === MAX32) { headerOffset = big(view, q); }
      }
      e += 4 + len;
    }
    entries.set(name.replace(/\\/g, '/'), { name, method, compressedSize, size, headerOffset, encrypted: (flags & 1) === 1 });
    p = extraEnd + commentLength;
  }
  return entries;
}

function big(view: DataView, at: number): number {
  const v = view.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw bad('a ZIP64 size is too large');
  return Number(v);
}

function dataOf(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const h = entry.headerOffset;
  if (h < 0 || h + 30 > zip.length || view.getUint32(h, true) !== LOCAL) throw bad(`broken entry ${entry.name}`);
  if (entry.encrypted) throw bad(`${entry.name} is encrypted`);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  if (start + entry.compressedSize > zip.length) throw bad(`${entry.name} is cut short`);
  return zip.subarray(start, start + entry.compressedSize);
}

/**
 * How much inflating an archive may do. A zip bomb is a few kilobytes that inflate to
 * gigabytes; these stop it at the limit instead of at the end of memory. `left` is shared
 * by every part read from one archive (one object per read, never module state).
 */
export interface InflateBudget {
  /** Inflated bytes still allowed, over every part of the archive. */
  left: number;
  /** The limit it started from, for the message. */
  readonly max: number;
  /** Largest inflated / compressed ratio of a part, checked once the part is past RATIO_GRACE bytes. */
  readonly maxRatio: number;
}

/**
 * Small parts inflate far beyond any ratio (an empty sheet's XML is mostly boiler plate
 * that compresses 50 : 1 and more); the ratio is judged once a part is past this size, as
 * Apache POI does with its grace size.
 */
export const RATIO_GRACE = 1024 * 1024;

/** Compressed bytes given to fflate at a time: one push inflates to at most ~1032 × this. */
const SLICE = 8 * 1024;

/** Thrown when a part would inflate past the budget: the part's reader decides what is lost. */
export class InflateLimitError extends TableError {
  constructor(readonly part: string, readonly limit: 'size' | 'ratio', budget: InflateBudget) {
    super('BAD_XLSX', {
      detail: limit === 'size'
        ? `${part} inflates past the limit of ${budget.max} bytes (maxInflatedBytes)`
        : `${part} inflates more than ${budget.maxRatio} times its compressed size (maxInflateRatio): a zip bomb?`,
    });
  }
}

/** A whole entry as text, within the budget (for the small parts: workbook, relationships, styles). */
export function readEntryText(zip: Uint8Array, entry: ZipEntry, budget: InflateBudget): string {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for (const _ of streamEntry(zip, entry, (piece) => { parts.push(decoder.decode(piece, { stream: true })); }, budget)) { /* all of it */ }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * An entry in inflated pieces: `consume` is called with each piece as it comes, and the
 * generator yields after every compressed slice so that the caller can hand on what it
 * made of the pieces before the next ones arrive. Inflating stops with an
 * InflateLimitError as soon as the budget or the ratio is passed.
 */
export function* streamEntry(zip: Uint8Array, entry: ZipEntry, consume: (piece: Uint8Array) => void, budget: InflateBudget): Generator<void> {
  const data = dataOf(zip, entry);
  let inflated = 0;
  let compressed = 0;
  const count = (piece: Uint8Array): void => {
    inflated += piece.length;
    budget.left -= piece.length;
    // What fits is read before the limit stops the rest: the rows ahead of a bomb stand.
    if (budget.left < 0) {
      const fits = piece.length + budget.left;
      if (fits > 0) consume(piece.subarray(0, fits));
      throw new InflateLimitError(entry.name, 'size', budget);
    }
    consume(piece);
    // One slice inflates to at most ~8 MiB, so this is judged often enough to bound memory.
    if (inflated > RATIO_GRACE && inflated > budget.maxRatio * Math.max(compressed, 1)) throw new InflateLimitError(entry.name, 'ratio', budget);
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += SLICE) { compressed += Math.min(SLICE, data.length - i); count(data.subarray(i, i + SLICE)); yield; }
    return;
  }
  if (entry.method !== 8) throw bad(`${entry.name} uses compression method ${entry.method}`);
  const inflate = new Inflate((piece) => count(piece));
  for (let i = 0; i < data.length; i += SLICE) {
    compressed += Math.min(SLICE, data.length - i);
    try {
      inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    } catch (e) {
      if (e instanceof TableError) throw e;
      throw bad(`${entry.name}: ${(e as Error).message}`);
    }
    yield;
  }
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
}

/** Bytes as Latin-1 text, one char per byte (TextDecoder's `latin1` is windows-1252). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
