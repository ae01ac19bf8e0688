/** Types of inputs.mjs (plain JavaScript so that `npm run fuzz` runs under bare Node). */
import type fc from 'fast-check';
import type { Vocabulary } from '../../src/grammar.js';

export interface Finding { readonly kind: string; readonly text: string; readonly error: string }
export const KNOWN_GAP: string;
export function corpusCells(): string[];
export function cellArbitraries(check: typeof fc, vocabulary: Vocabulary, cells: readonly string[]): Record<'unicode' | 'combined' | 'numeral' | 'mutation' | 'corpus', fc.Arbitrary<string>>;
export function anyCell(check: typeof fc, vocabulary: Vocabulary, cells: readonly string[]): fc.Arbitrary<string>;
export function checkCell(lib: unknown, text: string, options?: { roundTrip?: boolean }): Finding | null;
