import type { Vocabulary } from '../src/grammar.js';

export function vocabularyChars(v: Vocabulary): string[];
export function traditionalPairs(chars: readonly string[], tsCharacters: string): [string, string][];
export function openccCharacters(locale: { readonly to: Record<string, readonly (readonly unknown[])[]> }): string;
export function foldsFile(pairs: readonly (readonly [string, string])[], version: string): string;
