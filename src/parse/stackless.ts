import { IndicatorError } from '../errors.js';

/**
 * Errors of a cell are values until a caller is given one. The build and the parse return
 * theirs; but inside the parse the grammar library signals a token that does not fit by
 * throwing its own exceptions, and the lexer stops at the first bad character the same way.
 * None of these is ever seen by a caller, yet each, and every error made, would record the
 * call stack, which costs more than reading the cell (an error cell then cost ten times a
 * good one). So the parse runs without stack records,
 * and an error a caller receives gets its stack where it leaves the package (`thrown`),
 * pointing at the caller's code rather than at the lexer; but for the error of a cell kept as
 * failing, which the cache gives without a stack (cache.ts).
 *
 * `Error.stackTraceLimit` is restored before `run` returns or throws, and no code of a
 * caller runs in between (the parse calls none), so no caller ever observes the change. An
 * error that is no IndicatorError (a fault of the package) carries no stack either.
 */
export function withoutStacks<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 0;
  } catch {
    // A hardened realm (frozen intrinsics) keeps its limit: the parse then records stacks.
    return run();
  }
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** What `run` returns, or the IndicatorError it throws, as a value; anything else thrown goes on. */
export function errorAsValue<T>(run: () => T): T | IndicatorError {
  try {
    return run();
  } catch (e) {
    if (e instanceof IndicatorError) return e;
    throw e;
  }
}

/**
 * The error, given the stack of the caller of `entry` (the package function they called),
 * ready to throw.
 */
export function thrown(e: IndicatorError, entry: (...args: never[]) => unknown): IndicatorError {
  Error.captureStackTrace?.(e, entry);
  return e;
}
