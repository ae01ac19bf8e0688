/**
 * `check --format table`: an aligned table for people, sized on its first rows and then
 * streamed, that fits the terminal. The line number is never cut (it is how a row is
 * found in the file); long indicator, target and actual cells are cut with `…`, and the
 * note (the reason) wraps under itself.
 */
import type { Locale, Status } from '../index.js';
import { cleanLabel, type CheckedRow, type CheckSummary } from '../table/index.js';
import type { LineWriter } from './common.js';
import { STATUS_WORDS, TABLE_HEAD } from './messages.js';
import { displayWidth, oneLine, padEnd, padStart, STATUS_COLOUR, truncate, wrap, type Colour, type Paint } from './text.js';

/** Rows looked at to size the columns before the first is printed: the table streams after them. */
const SIZING_ROWS = 200;
/** Width of a table printed to a file or a pipe, unless `COLUMNS` says otherwise. */
export const DEFAULT_WIDTH = 100;
/** Columns between two columns. */
const GAP = 2;

/** The narrowest each text column gets before the table is let run past the width. */
const MIN_WIDTH = { indicator: 8, target: 6, actual: 6, note: 12 } as const;
/** Room given to a cell column beyond the rows it was sized on, when the width allows (later rows may be longer). */
const SLACK = 4;
type TextKey = keyof typeof MIN_WIDTH;

type ColumnKey = 'line' | 'indicator' | 'target' | 'actual' | 'result' | 'score' | 'kind' | 'note';
type Cell = { text: string; colour?: Colour; right?: boolean };

/**
 * The width to fit: `COLUMNS` when set to a number (as `ls` reads it), else the
 * terminal's, else DEFAULT_WIDTH.
 */
export function tableWidth(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): number {
  const columns = env['COLUMNS'];
  if (columns !== undefined && /^\s*\d+\s*$/.test(columns) && Number(columns) > 0) return Number(columns);
  if (stream.isTTY === true && stream.columns > 0) return stream.columns;
  return DEFAULT_WIDTH;
}

/**
 * Column widths that fit `width`: every column at its natural width (cells given `slack`
 * more while the width allows) when they fit; else
 * the widest text column is narrowed one column at a time (the others keep theirs) until
 * they fit or every text column is at its minimum.
 */
export function fitWidths(natural: ReadonlyMap<ColumnKey, number>, width: number, slack = 0): Map<ColumnKey, number> {
  const widths = new Map(natural);
  const total = (): number => [...widths.values()].reduce((a, w) => a + w, 0) + GAP * (widths.size - 1);
  for (const k of ['target', 'actual', 'indicator'] as const) {
    if (widths.has(k)) widths.set(k, widths.get(k)! + Math.max(0, Math.min(slack, width - total())));
  }
  const floor = (k: TextKey): number => Math.min(natural.get(k)!, MIN_WIDTH[k]);
  const texts = (Object.keys(MIN_WIDTH) as TextKey[]).filter((k) => widths.has(k));
  for (let over = total() - width; over > 0; over--) {
    let widest: TextKey | null = null;
    for (const k of texts) {
      if (widths.get(k)! > floor(k) && (widest === null || widths.get(k)! > widths.get(widest)!)) widest = k;
    }
    if (widest === null) break;
    widths.set(widest, widths.get(widest)! - 1);
  }
  return widths;
}

export class TablePrinter {
  private held: CheckedRow[] = [];
  private keys: ColumnKey[] | null = null;
  private widths = new Map<ColumnKey, number>();

  constructor(private readonly out: LineWriter, private readonly locale: Locale, private readonly paint: Paint, private readonly width: number) {}

  async row(row: CheckedRow, summary: CheckSummary): Promise<void> {
    if (this.keys !== null) { await this.print(row); return; }
    this.held.push(row);
    if (this.held.length >= SIZING_ROWS) await this.flushHeld(summary, true);
  }

  async end(summary: CheckSummary): Promise<void> {
    if (this.keys === null) await this.flushHeld(summary, false);
  }

  private async flushHeld(summary: CheckSummary, more: boolean): Promise<void> {
    const keys: ColumnKey[] = ['line', 'indicator', 'target'];
    if (summary.hasActual) keys.push('actual', 'result');
    else keys.push('kind');
    if (summary.hasWeight && summary.hasActual) keys.push('score');
    keys.push('note');
    this.keys = keys;
    const natural = new Map<ColumnKey, number>();
    const cells = this.held.map((r) => this.cells(r));
    for (const k of keys) {
      let w = displayWidth(TABLE_HEAD[k][this.locale]);
      for (const c of cells) w = Math.max(w, displayWidth(c[k].text));
      natural.set(k, w);
    }
    // Rows still to come may have longer line numbers: one digit more keeps them aligned
    // up to ten times the lines seen (and a longer one is printed whole all the same).
    if (more) natural.set('line', natural.get('line')! + 1);
    this.widths = fitWidths(natural, this.width, more ? SLACK : 0);
    const line = (texts: string[]): string => texts.map((c, i) => {
      const k = keys[i]!;
      const w = this.widths.get(k)!;
      return k === 'line' || k === 'score' ? padStart(c, w) : padEnd(c, w);
    }).join(' '.repeat(GAP)).trimEnd();
    await this.out.line(this.paint(line(keys.map((k) => TABLE_HEAD[k][this.locale])), 'bold'));
    await this.out.line(line(keys.map((k) => '─'.repeat(k === 'note' ? Math.min(this.widths.get(k)!, displayWidth(TABLE_HEAD.note[this.locale])) : this.widths.get(k)!))));
    for (const r of this.held) await this.print(r);
    this.held = [];
  }

  private async print(row: CheckedRow): Promise<void> {
    const cells = this.cells(row);
    const parts: string[] = [];
    let noteAt = 0;
    let notes: string[] = [];
    for (const k of this.keys!) {
      const c = cells[k];
      const w = this.widths.get(k)!;
      if (k === 'note') {
        // From the widths, not the parts: those may hold colour codes.
        noteAt = this.keys!.slice(0, parts.length).reduce((a, key) => a + this.widths.get(key)! + GAP, 0);
        notes = wrap(c.text, w);
        parts.push(this.colour(notes[0] ?? '', c.colour));
        continue;
      }
      // The line number is printed whole even past its column's width: never cut.
      const text = k === 'line' ? c.text : truncate(c.text, w);
      const padded = c.right ? padStart(text, w) : padEnd(text, w);
      parts.push(this.colour(padded, c.colour));
    }
    await this.out.line(parts.join(' '.repeat(GAP)).trimEnd());
    for (const more of notes.slice(1)) await this.out.line(' '.repeat(noteAt) + this.colour(more, cells.note.colour));
  }

  private colour(text: string, colour: Colour | undefined): string {
    return colour !== undefined && text !== '' ? this.paint(text, colour) : text;
  }

  private cells(row: CheckedRow): Record<ColumnKey, Cell> {
    const v = row.verdict;
    const state: Status | 'error' | 'parsed' | null = row.error !== null ? 'error' : v !== null ? v.status : row.target !== null ? 'parsed' : null;
    const sc = row.score;
    let score = '';
    if (sc !== null) score = `${sc.score === null ? '—' : sc.score.toFixed()}/${sc.weight.toFixed()}`;
    else if (row.record?.weight) score = `—/${row.record.weight}`;
    const note = row.error !== null ? row.error.message : v?.reason?.message ?? '';
    return {
      line: { text: String(row.line), right: true },
      indicator: { text: cleanLabel(row.indicator ?? '') },
      // On screen, cells without their HTML remnants (`<p>≥90%</p>` shows as ≥90%).
      target: { text: cleanLabel(row.target?.text ?? row.record?.target ?? '') },
      actual: { text: cleanLabel(row.record?.actual ?? '') },
      result: state === null ? { text: '' } : { text: STATUS_WORDS[state][this.locale], colour: STATUS_COLOUR[state] },
      kind: state === 'error' ? { text: STATUS_WORDS.error[this.locale], colour: 'red' } : { text: row.target?.kind ?? '' },
      score: { text: score, right: true },
      note: { text: oneLine(note), ...(row.error !== null ? { colour: 'red' as const } : {}) },
    };
  }
}
