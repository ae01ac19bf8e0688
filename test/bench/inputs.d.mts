/** What the tests use of inputs.mjs (plain JavaScript, shared by run.mjs and instructions.mjs). */
import type { RealCell } from './families.mjs';
export declare const CELLS: RealCell[];
export declare const MIX_WEIGHTS: number[];
export declare function apportion(size: number): number[];
export declare function mixCells(round: number, size: number): string[];
export declare function mixDraws(round: number, size: number): { cells: string[]; from: Int32Array };
export declare function peerCells(round: number, size: number): string[];
export declare function evaluatePairs(round: number, size: number): [string, string][];
export declare function formBatches(round: number, batch: number): string[][];
export declare function zipfCells(k?: number, options?: { errors?: boolean }): string[];
export declare function zipfDraw(n: number, k: number, seed: number): Int32Array;
