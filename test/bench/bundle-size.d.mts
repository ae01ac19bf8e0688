/** bundle-size.mjs, as test/package/partial-import.test.ts uses it. */
export declare const PARSER_MARKERS: readonly string[];
export declare function bundleOf(code: string, loader?: 'js' | 'ts'): Promise<{ min: number; gzip: number; parser: boolean }>;
