import type { CellParser } from '../src/parse/grammar.js';

/** What lookahead.mjs needs of chevrotain (the module itself, as the parser was built with). */
export interface ChevrotainApi {
  getLookaheadPaths(options: { occurrence: number; rule: unknown; prodType: string; maxLookahead: number }): Array<Array<Array<{ name: string }>>>;
  serializeGrammar(rules: unknown[]): unknown[];
}

export declare function trieText(paths: readonly (readonly string[])[]): string;
export declare function lookaheadPaths(parser: CellParser, chevrotain: ChevrotainApi): Record<string, string[][][]>;
export declare function lookaheadTable(parser: CellParser, chevrotain: ChevrotainApi): Record<string, string>;
export declare function lookaheadModule(table: Readonly<Record<string, string>>): string;
