/**
 * Physical lines of a byte stream, split before decoding. Splitting bytes first is what
 * lets an undecodable byte be blamed on its own line and lets decoding be chosen after
 * the first non-ASCII line; it is safe because LF and CR never occur inside a multi-byte
 * character of UTF-8, GBK/GB18030, Big5 or Shift_JIS (their trail bytes are ≥ 0x30).
 * UTF-16 is split on 16-bit code units instead.
 *
 * Line endings are LF, CRLF or a lone CR (Excel for Mac wrote CR), as people's editors
 * count them; a final line ending ends the last line rather than starting another.
 */
export interface ByteLine {
  /** From 1. */
  readonly number: number;
  readonly bytes: Uint8Array;
  /** The line was longer than the limit: `bytes` is empty and the line was skipped. */
  readonly tooLong: boolean;
  readonly eol: '\n' | '\r\n' | '\r' | null;
}

const EMPTY = new Uint8Array(0);
const LF = 0x0a;
const CR = 0x0d;

export interface SplitOptions {
  /** 1 for ASCII-compatible encodings, 2 for UTF-16. */
  readonly unit: 1 | 2;
  /** For UTF-16: big-endian code units. */
  readonly bigEndian?: boolean;
  /** Bytes to drop at the very start (a byte order mark). */
  readonly skip?: number;
  readonly maxLineBytes: number;
}

export async function* splitLines(chunks: AsyncIterable<Uint8Array>, options: SplitOptions): AsyncGenerator<ByteLine> {
  const { unit, maxLineBytes } = options;
  let skip = options.skip ?? 0;
  let number = 1;
  // The start of the current line, when it began in an earlier chunk.
  let carry: Uint8Array[] = [];
  let carryBytes = 0;
  let tooLong = false;
  // A CR was the last unit of the previous chunk: an LF right after it belongs to it.
  let pendingCR = false;
  // UTF-16: an odd byte left over at the end of a chunk.
  let odd: Uint8Array | null = null;

  const take = (piece: Uint8Array): void => {
    if (tooLong) return;
    if (carryBytes + piece.length > maxLineBytes) {
      tooLong = true;
      carry = [];
      carryBytes = 0;
      return;
    }
    if (piece.length > 0) { carry.push(piece.slice()); carryBytes += piece.length; }
  };
  const finish = (last: Uint8Array, eol: ByteLine['eol']): ByteLine => {
    let bytes: Uint8Array;
    if (tooLong || carryBytes + last.length > maxLineBytes) {
      bytes = new Uint8Array(0);
      tooLong = true;
    } else if (carryBytes === 0) {
      bytes = last;
    } else {
      bytes = new Uint8Array(carryBytes + last.length);
      let at = 0;
      for (const c of carry) { bytes.set(c, at); at += c.length; }
      bytes.set(last, at);
    }
    const line: ByteLine = { number: number++, bytes, tooLong, eol };
    carry = [];
    carryBytes = 0;
    tooLong = false;
    return line;
  };

  for await (let chunk of chunks) {
    if (skip > 0) {
      const n = Math.min(skip, chunk.length);
      chunk = chunk.subarray(n);
      skip -= n;
    }
    if (unit === 2 && odd) {
      const joined = new Uint8Array(odd.length + chunk.length);
      joined.set(odd);
      joined.set(chunk, odd.length);
      chunk = joined;
      odd = null;
    }
    if (unit === 2 && chunk.length % 2 === 1) {
      odd = chunk.slice(chunk.length - 1);
      chunk = chunk.subarray(0, chunk.length - 1);
    }
    if (chunk.length === 0) continue;
    let start = 0;
    if (pendingCR) {
      // The previous chunk ended in CR: the line ended there, and an LF right here is
      // the second half of its CRLF.
      pendingCR = false;
      const crlf = codeUnit(chunk, 0, options) === LF;
      yield finish(EMPTY, crlf ? '\r\n' : '\r');
      if (crlf) start = unit;
    }
    if (unit === 1) {
      let nextLF = chunk.indexOf(LF, start);
      let nextCR = chunk.indexOf(CR, start);
      while (start < chunk.length) {
        if (nextLF !== -1 && nextLF < start) nextLF = chunk.indexOf(LF, start);
        if (nextCR !== -1 && nextCR < start) nextCR = chunk.indexOf(CR, start);
        const end = nextLF === -1 ? nextCR : nextCR === -1 ? nextLF : Math.min(nextLF, nextCR);
        if (end === -1) { take(chunk.subarray(start)); break; }
        if (chunk[end] === LF) {
          yield finish(chunk.subarray(start, end), '\n');
          start = end + 1;
        } else if (end + 1 < chunk.length) {
          const crlf = chunk[end + 1] === LF;
          yield finish(chunk.subarray(start, end), crlf ? '\r\n' : '\r');
          start = end + (crlf ? 2 : 1);
        } else {
          take(chunk.subarray(start, end));
          pendingCR = true;
          break;
        }
      }
    } else {
      let i = start;
      while (i < chunk.length) {
        const u = codeUnit(chunk, i, options);
        if (u !== LF && u !== CR) { i += 2; continue; }
        if (u === LF) {
          yield finish(chunk.subarray(start, i), '\n');
          i += 2;
        } else if (i + 2 < chunk.length) {
          const crlf = codeUnit(chunk, i + 2, options) === LF;
          yield finish(chunk.subarray(start, i), crlf ? '\r\n' : '\r');
          i += crlf ? 4 : 2;
        } else {
          take(chunk.subarray(start, i));
          pendingCR = true;
          i = chunk.length;
          start = i;
          break;
        }
        start = i;
      }
      if (start < chunk.length) take(chunk.subarray(start));
    }
  }
  if (pendingCR) yield finish(EMPTY, '\r');
  // A trailing odd byte of UTF-16 is kept so the decoder reports it.
  if (odd) take(odd);
  if (carryBytes > 0 || tooLong) yield finish(EMPTY, null);
}

function codeUnit(chunk: Uint8Array, i: number, options: SplitOptions): number {
  if (options.unit === 1) return chunk[i]!;
  return options.bigEndian ? (chunk[i]! << 8) | chunk[i + 1]! : chunk[i]! | (chunk[i + 1]! << 8);
}
