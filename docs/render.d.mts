import type * as grammar from '../src/grammar.js';
import type * as index from '../src/index.js';

/** Runs a script of the repository (path from the root) with Node. */
export type Runner = (path: string, args?: readonly string[], stdin?: string) => { stdout: string; status: number | null };

/** What render.mjs is handed: the library (`dist/` or `src/`) and a way to run scripts. */
export interface DocsLibrary {
  readonly index: typeof index;
  readonly grammar: typeof grammar;
  readonly run: Runner;
}

export declare function docSources(root: string): string[];
export declare function pageLanguage(path: string): 'zh' | 'en' | 'both';
export declare function regionsOf(text: string): { name: string; args: string }[];
export declare function renderPage(text: string, ctx: { lib: DocsLibrary; root: string; path: string; lang: 'zh' | 'en' | 'both' }): string;
export declare function nodeRunner(root: string): Runner;
export declare function docsFiles(lib: DocsLibrary, root: string): Record<string, string>;
export declare function prettyJson(value: unknown, indent?: string, room?: number): string;
export declare function markSpan(input: string, offset: number, length: number): string;
export declare function anchor(kind: 'error' | 'reason', code: string): string;
