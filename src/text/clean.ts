import { BLOCK_TAGS, HTML_ENTITIES, SYMBOL_FOLDS, TRADITIONAL_FOLDS, TRAILING_PUNCTUATION, WRAPPING_QUOTES } from '../vocab/folds.js';

/**
 * Clean-up before lexing. The cleaned text is what the lexer sees; `from[i]`/`to[i]`
 * give the span in the original text that produced cleaned character i, so that every
 * error offset points into what the user wrote.
 *
 * Every step is a single left-to-right pass with no backtracking: HTML tags, entities,
 * NFKC per code point, symbol and traditional-character folds, white space.
 */
export interface CleanText {
  readonly original: string;
  readonly text: string;
  /** Original start of each cleaned character; null when the text came through unchanged. */
  readonly from: readonly number[] | null;
  readonly to: readonly number[] | null;
}

/** The soft separator that block tags (`<br>`, `</p><p>`) become: read like a comma. */
export const BLOCK_BREAK = '\n';

const TAG_NAME = /^\/?\s*([A-Za-z][A-Za-z0-9]*)/;
const MAX_TAG = 2048;
const MAX_ENTITY = 12;

/**
 * Per BMP code unit: 0 not yet known, 1 passes through clean-up unchanged, 2 needs work,
 * 3 for `<`, which passes unchanged unless a tag can start there (a letter, `/` or `!`
 * follows). Most cells (`≥50亿元`, `=100%`, `<5%`) are made only of such characters:
 * they skip the per-character NFKC and fold pass entirely.
 */
const PLAIN = new Uint8Array(0x10000);

function plainKind(code: number): number {
  let k = PLAIN[code]!;
  if (k === 0) {
    const ch = String.fromCharCode(code);
    const same = code > 0x20 && code !== 0x7f && ch !== '&' && ch !== BLOCK_BREAK
      && !(code >= 0xd800 && code <= 0xdfff) && ch.normalize('NFKC') === ch && !/\s/u.test(ch)
      && !SYMBOL_FOLDS.has(ch) && !TRADITIONAL_FOLDS.has(ch) && ch !== '\u200b' && ch !== '\ufeff';
    k = ch === '<' ? 3 : same ? 1 : 2;
    PLAIN[code] = k;
  }
  return k;
}

/** Whether a tag can start after `<`: a letter, `/` or `!` (so `<90%且>80%` is text). */
function tagStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 47 || code === 33;
}

/** Per BMP code unit, what the trim step removes at the ends: 1 trailing punctuation, 2 an opening quote. */
const EDGE = new Uint8Array(0x10000);
for (const c of TRAILING_PUNCTUATION) EDGE[c.charCodeAt(0)]! |= 1;
for (const c of WRAPPING_QUOTES.keys()) EDGE[c.charCodeAt(0)]! |= 2;

/** True when clean-up leaves the text exactly as it is (the common case): one pass over char codes. */
export function isClean(original: string): boolean {
  const n = original.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const k = plainKind(original.charCodeAt(i));
    if (k === 1) continue;
    if (k === 2 || (i + 1 < n && tagStart(original.charCodeAt(i + 1)))) return false;
  }
  // Anything to trim at the ends goes the long way.
  return n === 1 || ((EDGE[original.charCodeAt(n - 1)]! & 1) === 0 && (EDGE[original.charCodeAt(0)]! & 2) === 0);
}

export function clean(original: string): CleanText {
  return isClean(original) ? { original, text: original, from: null, to: null } : cleanFully(original);
}

/**
 * The full clean-up. `clean` skips it when `isClean` holds, and then it would give the text
 * back unchanged with every character mapped to itself (test/parse/01-cleanup.test.ts).
 */
export function cleanFully(original: string): CleanText {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const push = (s: string, a: number, b: number): void => {
    for (const ch of s) { out.push(ch); from.push(a); to.push(b); }
  };

  const n = original.length;
  let i = 0;
  // The next `>` and `;` after i, found once and reused, so that `<a<a<a…` or `&&&…`
  // stays linear instead of searching the rest of the text at every character.
  let gt = -1;
  let semiAt = -1;
  while (i < n) {
    const c = original[i]!;
    // Only `<` followed by a letter, `/` or `!` starts a tag: `<90%且>80%` is text.
    if (c === '<' && i + 1 < n && /[A-Za-z/!]/.test(original[i + 1]!)) {
      if (gt <= i) gt = nextIndex(original, '>', i + 1);
      const close = gt === Infinity ? -1 : gt;
      if (close !== -1 && close - i <= MAX_TAG) {
        const m = TAG_NAME.exec(original.slice(i + 1, Math.min(close, i + 40)));
        if (m || original[i + 1] === '!') {
          if (m && BLOCK_TAGS.has(m[1]!.toLowerCase())) push(BLOCK_BREAK, i, close + 1);
          i = close + 1;
          continue;
        }
      }
    }
    if (c === '&') {
      if (semiAt <= i) semiAt = nextIndex(original, ';', i + 1);
      const semi = semiAt === Infinity ? -1 : semiAt;
      if (semi !== -1 && semi - i <= MAX_ENTITY) {
        const decoded = decodeEntity(original.slice(i + 1, semi));
        if (decoded !== null) {
          pushFolded(decoded, i, semi + 1, push);
          i = semi + 1;
          continue;
        }
      }
    }
    // Most characters of a cell that needs clean-up pass through it unchanged (`95%` in
    // `≥95%\n`): only the others are normalized and folded.
    if (plainKind(original.charCodeAt(i)) !== 2) {
      out.push(c); from.push(i); to.push(i + 1);
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    pushFolded(String.fromCodePoint(cp), i, i + width, push);
    i += width;
  }

  // Trim: white space and block breaks at both ends, wrapping quotes, trailing punctuation.
  let start = 0;
  let end = out.length;
  let changed = true;
  while (changed) {
    changed = false;
    while (start < end && isBlank(out[start]!)) { start++; changed = true; }
    while (end > start && (isBlank(out[end - 1]!) || TRAILING_PUNCTUATION.has(out[end - 1]!))) {
      // A lone `.`/`-`/`/` is a placeholder, not punctuation: keep a one-character cell.
      if (end - start === 1) break;
      end--; changed = true;
    }
    const open = out[start];
    if (open !== undefined && end - start >= 2 && WRAPPING_QUOTES.get(open) === out[end - 1]) {
      start++; end--; changed = true;
    }
  }
  return { original, text: out.slice(start, end).join(''), from: from.slice(start, end), to: to.slice(start, end) };
}

/** indexOf, with Infinity for "none" so that the caller never searches again. */
function nextIndex(s: string, ch: string, from: number): number {
  const k = s.indexOf(ch, from);
  return k === -1 ? Infinity : k;
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === BLOCK_BREAK;
}

function pushFolded(s: string, a: number, b: number, push: (s: string, a: number, b: number) => void): void {
  for (const raw of s) {
    // NFKC turns full-width digits, ％ ＞ ＜ ＝ and the ideographic space into their plain
    // forms, and ㎡ into m2. White space of every kind becomes one ASCII space.
    let ch = raw.normalize('NFKC');
    // A line break is kept: between two targets it separates them (lexer.ts decides where).
    if (ch === '\n') ch = BLOCK_BREAK;
    else if (/^\s+$/u.test(ch) || ch === '\u200b' || ch === '\ufeff') ch = ' ';
    let folded = '';
    for (const x of ch) folded += SYMBOL_FOLDS.get(x) ?? TRADITIONAL_FOLDS.get(x) ?? x;
    push(folded, a, b);
  }
}

function decodeEntity(name: string): string | null {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X';
    const digits = hex ? name.slice(2) : name.slice(1);
    if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return null;
    const cp = parseInt(digits, hex ? 16 : 10);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    return String.fromCodePoint(cp);
  }
  return HTML_ENTITIES.get(name.toLowerCase()) ?? null;
}

/** The span in the original text of cleaned characters [a, b). */
export function originalSpan(ct: CleanText, a: number, b: number): { offset: number; length: number } {
  if (ct.from === null || ct.to === null) {
    const offset = Math.min(a, ct.original.length);
    return { offset, length: Math.max(0, Math.min(b, ct.original.length) - offset) };
  }
  if (ct.from.length === 0) return { offset: 0, length: ct.original.length };
  const s = Math.min(a, ct.from.length - 1);
  const e = Math.max(s, Math.min(b, ct.to.length) - 1);
  const offset = ct.from[s]!;
  return { offset, length: Math.max(0, ct.to[e]! - offset) };
}
