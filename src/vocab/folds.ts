import { TRADITIONAL_PAIRS } from './traditional-folds.js';

/**
 * Character folds applied after NFKC, one character to one character so that offsets
 * into the original text survive. Symbol look-alikes first, then the traditional forms of
 * every character of the vocabulary (traditional-folds.ts, generated from OpenCC's
 * dictionary), as tables published in traditional script (and mirrors of them) write them.
 */
export const SYMBOL_FOLDS: ReadonlyMap<string, string> = new Map([
  ['≧', '≥'], ['⩾', '≥'], ['≽', '≥'], ['≦', '≤'], ['⩽', '≤'], ['≼', '≤'],
  ['〜', '~'], ['∼', '~'], ['～', '~'], ['≒', '≈'], ['≃', '≈'],
  ['－', '-'], ['−', '-'], ['‐', '-'], ['‑', '-'], ['﹣', '-'],
  ['―', '—'], ['─', '—'], ['━', '—'],
  ['【', '['], ['】', ']'], ['〔', '('], ['〕', ')'], ['﹙', '('], ['﹚', ')'],
  ['℅', '%'], ['٪', '%'], ['﹪', '%'],
  ['·', '·'], ['•', '·'], ['・', '·'], ['∙', '·'], ['⋅', '·'],
  ['×', '*'], ['＊', '*'],
  ['﹐', ','], ['、', '、'], ['﹔', ';'], ['∶', ':'],
]);

/** Traditional → simplified, one character each. */
export const TRADITIONAL_FOLDS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(TRADITIONAL_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const t = chars[i]!, s = chars[i + 1]!;
    if (t !== s) m.set(t, s);
  }
  return m;
})();

/** Quotes that may wrap a whole cell. */
export const WRAPPING_QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'], ["'", "'"], ['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['《', '》'],
]);

/** Punctuation that may end a cell and means nothing. */
export const TRAILING_PUNCTUATION = new Set(['。', '；', ';', '，', ',', '.', '、', '!', '！']);

/** HTML tags that separate targets like a comma (`<br>`, `</p><p>`). */
export const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'tr', 'td', 'th', 'ul', 'ol', 'table', 'hr']);

/** Named HTML entities seen in exported tables. */
export const HTML_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['ge', '≥'], ['le', '≤'], ['gt', '>'], ['lt', '<'], ['amp', '&'], ['nbsp', ' '], ['quot', '"'],
  ['apos', "'"], ['ne', '≠'], ['asymp', '≈'], ['plusmn', '±'], ['permil', '‰'], ['times', '×'],
  ['middot', '·'], ['mdash', '—'], ['ndash', '–'], ['hellip', '…'], ['ldquo', '“'], ['rdquo', '”'],
  ['lsquo', '‘'], ['rsquo', '’'], ['emsp', ' '], ['ensp', ' '], ['thinsp', ' '], ['sup2', '²'], ['sup3', '³'],
]);
