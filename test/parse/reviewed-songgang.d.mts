/** What reviewed-songgang.test.ts uses of reviewed-songgang.mjs (plain JavaScript, also run on the build). */
export interface SummaryLibrary {
  tryParseTarget(text: string): { ok: boolean; value?: unknown; error?: { code: string } };
  toJSON(value: never): unknown;
}
export interface ReviewedSonggang {
  source: string;
  review: string;
  format: string[];
  cells: Record<string, string>;
  pending: Record<string, string>;
  specGaps: { id: string; cells: string[]; spec: string; decision: string; why: string }[];
}
export interface ReviewedEntry { text: string; reading: string; got: string; pending: string | null }
export interface ReviewedComparison {
  matching: ReviewedEntry[];
  differing: ReviewedEntry[];
  nowMatching: ReviewedEntry[];
  stillPending: ReviewedEntry[];
}
export declare const REVIEWED_URL: URL;
export declare const CORPUS_URL: URL;
export declare function summarise(target: unknown): string;
export declare function summariseCell(lib: SummaryLibrary, text: string): string;
export declare function readCells(): string[];
export declare function readReviewed(): ReviewedSonggang;
export declare function compareReviewed(lib: SummaryLibrary, reviewed: ReviewedSonggang): ReviewedComparison;
