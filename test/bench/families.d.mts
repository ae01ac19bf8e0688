/** What families.test.ts uses of families.mjs (the module is plain JavaScript, shared with the benchmark). */
export interface FamilyShare { readonly family: string; readonly share: number; readonly what: string }
export interface RealCell { family: string; fresh: boolean; decorate: boolean; actual: string; weight: number; text: string }
export interface ParseLibrary { parseTarget(text: string): unknown; toJSON(value: never): unknown }
export declare const FAMILY_SHARES: readonly FamilyShare[];
export declare const FAMILIES: readonly string[];
export declare const USE_DIGITS: number;
export declare function classify(lib: ParseLibrary, text: string): string;
export declare function freshen(text: string, family: string, id: number, n?: number): string;
export declare function variant(cell: RealCell, id: number, n: number): string;
export declare function familiesTable(lib: ParseLibrary): string;
export declare function readFamilies(): RealCell[];
export declare const TABLE_URL: URL;
