/**
 * Longest-match lookup of words at a position without allocating substrings: words are
 * grouped by their first character, longest first. Latin words match case-insensitively
 * (the registry folds `KG`, `Km`, `M2`).
 */
export class WordIndex<V> {
  private readonly byFirst = new Map<string, { word: string; value: V; latin: boolean }[]>();
  readonly longest: number;

  constructor(entries: Iterable<readonly [string, V]>) {
    let longest = 0;
    for (const [word, value] of entries) {
      if (word === '') continue;
      const latin = /[A-Za-z]/.test(word);
      const key = latin ? word[0]!.toLowerCase() : word[0]!;
      let list = this.byFirst.get(key);
      if (!list) this.byFirst.set(key, (list = []));
      list.push({ word: latin ? word.toLowerCase() : word, value, latin });
      longest = Math.max(longest, word.length);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
    this.longest = longest;
  }

  /** Every word of the index (a Latin one in lower case). */
  *words(): Generator<string> {
    for (const list of this.byFirst.values()) for (const e of list) yield e.word;
  }

  /** Every entry whose word starts at i, longest first. */
  *allAt(s: string, i: number): Generator<{ word: string; value: V }> {
    const c = s[i];
    if (c === undefined) return;
    const list = this.byFirst.get(c) ?? this.byFirst.get(c.toLowerCase());
    if (!list) return;
    for (const e of list) {
      if (e.latin ? s.slice(i, i + e.word.length).toLowerCase() === e.word : s.startsWith(e.word, i)) yield e;
    }
  }

  /** The longest entry at i, or undefined. */
  at(s: string, i: number): { word: string; value: V } | undefined {
    const c = s[i];
    if (c === undefined) return undefined;
    const list = this.byFirst.get(c) ?? this.byFirst.get(c.toLowerCase());
    if (!list) return undefined;
    for (const e of list) {
      if (e.latin ? s.slice(i, i + e.word.length).toLowerCase() === e.word : s.startsWith(e.word, i)) return e;
    }
    return undefined;
  }
}
