/**
 * Text on a terminal: how many columns a string takes (CJK characters two, combining
 * marks none), padding and cutting by those columns, and colour.
 */

/**
 * Ranges of East Asian Width W (wide) and F (full-width) from Unicode's
 * EastAsianWidth.txt, merged where they touch: CJK ideographs and radicals, kana, hangul,
 * CJK punctuation and symbols, full-width forms, and the emoji blocks that are wide.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f260, 0x1f265], [0x1f300, 0x1f320],
  [0x1f32d, 0x1f335], [0x1f337, 0x1f37c], [0x1f37e, 0x1f393], [0x1f3a0, 0x1f3ca], [0x1f3cf, 0x1f3d3],
  [0x1f3e0, 0x1f3f0], [0x1f3f4, 0x1f3f4], [0x1f3f8, 0x1f43e], [0x1f440, 0x1f440], [0x1f442, 0x1f4fc],
  [0x1f4ff, 0x1f53d], [0x1f54b, 0x1f54e], [0x1f550, 0x1f567], [0x1f57a, 0x1f57a], [0x1f595, 0x1f596],
  [0x1f5a4, 0x1f5a4], [0x1f5fb, 0x1f64f], [0x1f680, 0x1f6c5], [0x1f6cc, 0x1f6cc], [0x1f6d0, 0x1f6d2],
  [0x1f6d5, 0x1f6d7], [0x1f6dc, 0x1f6df], [0x1f6eb, 0x1f6ec], [0x1f6f4, 0x1f6fc], [0x1f7e0, 0x1f7eb],
  [0x1f7f0, 0x1f7f0], [0x1f90c, 0x1f93a], [0x1f93c, 0x1f945], [0x1f947, 0x1f9ff], [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Combining marks, zero-width characters, variation selectors: no column of their own. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff]/u;

/** Columns a character takes in a monospace terminal. Control characters take none. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Columns a string takes in a monospace terminal (`三级指标` is 8, `≥95%` is 4). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** Cut to at most `max` columns, ending with `…` when something was cut. */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/**
 * Lines of at most `width` columns: a break goes at the last space when that keeps at
 * least half the line, else between any two characters (Chinese has no spaces to break at).
 */
export function wrap(s: string, width: number): string[] {
  const max = Math.max(1, width);
  if (displayWidth(s) <= max) return [s];
  const out: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > max) {
      const space = line.lastIndexOf(' ');
      if (space > 0 && displayWidth(line.slice(0, space)) * 2 >= max) {
        out.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        out.push(line);
        line = '';
      }
      w = displayWidth(line);
    }
    if (line === '' && ch === ' ') continue;
    line += ch;
    w += cw;
  }
  if (line !== '') out.push(line);
  return out.map((l) => l.trimEnd());
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function padStart(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

/** One line of a cell: line breaks and tabs inside it become spaces. */
export function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ');
}

export type Colour = 'green' | 'yellow' | 'red' | 'magenta' | 'dim' | 'bold';

const SGR: Readonly<Record<Colour, [number, number]>> = {
  green: [32, 39], yellow: [33, 39], red: [31, 39], magenta: [35, 39], dim: [2, 22], bold: [1, 22],
};

export type Paint = (s: string, colour: Colour) => string;

/** The colour of each status word (and of a row's error), wherever the command prints one. */
export const STATUS_COLOUR: Readonly<Record<'pass' | 'partial' | 'fail' | 'unknown' | 'error' | 'parsed', Colour>> = {
  pass: 'green', partial: 'yellow', fail: 'red', unknown: 'magenta', error: 'red', parsed: 'green',
};

export const noPaint: Paint = (s) => s;
export const ansiPaint: Paint = (s, colour) => `\x1b[${SGR[colour][0]}m${s}\x1b[${SGR[colour][1]}m`;

/**
 * Colour when asked (`always`), never when asked not, else (`auto`) when the stream is a
 * terminal and `NO_COLOR` is not set to something (https://no-color.org).
 */
export function paintFor(mode: 'auto' | 'always' | 'never', stream: NodeJS.WriteStream): Paint {
  if (mode === 'always') return ansiPaint;
  if (mode === 'never') return noPaint;
  const noColor = process.env['NO_COLOR'];
  return stream.isTTY === true && (noColor === undefined || noColor === '') ? ansiPaint : noPaint;
}
