import type { GrammarRule } from '../src/grammar.js';

/** What render.mjs needs of the grammar module (`dist/grammar.js` or `src/grammar.ts`). */
export interface GrammarModule {
  serializedGrammar(): readonly GrammarRule[];
  grammarDiagramsHtml(options?: { readAsset?: (path: string) => string }): string;
}

export declare const GRAMMAR_FILES: readonly string[];
export declare function chevrotainAssetReader(): (path: string) => string;
export declare function ruleEbnf(rule: GrammarRule): string;
export declare function grammarEbnf(rules: readonly GrammarRule[]): string;
export declare function terminalsOf(rules: readonly GrammarRule[]): string[];
export declare function grammarFiles(grammar: GrammarModule, readAsset: (path: string) => string): Record<string, string>;
