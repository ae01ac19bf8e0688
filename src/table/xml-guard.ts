/**
 * A bound on what an XML parser is made to hold. saxes keeps a text node, a tag or an
 * attribute value whole until the next `<`, so 2 GB of white space between two tags (a
 * few kilobytes zipped) would become one 2 GB string. Every legitimate run between two
 * `<` in a worksheet is far shorter: a cell holds at most 32 767 characters (Excel's
 * limit), at most seven times that as XML entities. Text past MAX_XML_RUN characters
 * after a `<` is dropped before the parser sees it, and the reader is told, so the cell or
 * row it belonged to gets an error instead of a silently shortened value.
 */
export const MAX_XML_RUN = 1024 * 1024;

export class XmlRunGuard {
  /** Characters since the last `<`. */
  private run = 0;
  private dropping = false;

  constructor(private readonly onCut: () => void, private readonly max = MAX_XML_RUN) {}

  /** The text to give the parser: `text` itself unless a run went past the limit. */
  pass(text: string): string {
    const n = text.length;
    let i = 0;
    let kept: string[] | null = null;
    let from = 0;
    while (i < n) {
      const lt = text.indexOf('<', i);
      const end = lt === -1 ? n : lt;
      if (this.dropping) {
        if (lt === -1) return (kept ?? []).join('');
        kept ??= [];
        this.dropping = false;
        this.run = 0;
        from = lt;
        i = lt + 1;
        continue;
      }
      if (this.run + (end - i) > this.max) {
        // Keep up to the limit, but never half an entity (`&am`), which the parser would
        // take for an error of its own.
        let cut = i + (this.max - this.run);
        const amp = text.lastIndexOf('&', cut - 1);
        if (amp >= i && amp > cut - 12) {
          const semicolon = text.indexOf(';', amp);
          if (semicolon === -1 || semicolon >= cut) cut = amp;
        }
        (kept ??= []).push(text.slice(from, cut));
        this.dropping = true;
        this.onCut();
        i = cut;
        from = cut;
        continue;
      }
      if (lt === -1) { this.run += end - i; break; }
      this.run = 0;
      i = lt + 1;
    }
    if (kept === null) return text;
    if (!this.dropping) kept.push(text.slice(from));
    return kept.join('');
  }
}
