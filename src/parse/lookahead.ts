import { tokenMatcher, type ILookaheadStrategy, type IOrAlt, type IToken, type OptionalProductionType, type TokenType } from 'chevrotain';
import { LOOKAHEAD_PATHS } from './lookahead-paths.js';
import { allTokens } from './tokens.js';

/**
 * The parser's lookahead from paths computed when the grammar changes, not on every start.
 *
 * Chevrotain decides each alternation and optional part of a rule by the token sequences
 * (paths) that can begin each way, and its default strategy works them out from the grammar
 * whenever a parser is built: about 40 ms of a first grammar parse. grammar/lookahead.mjs
 * computes them once with chevrotain's own `getLookaheadPaths` (src/parse/lookahead-paths.ts;
 * test/parse/lookahead.test.ts fails when they are stale), and the functions below are the
 * ones chevrotain builds from such paths (`buildAlternativesLookAheadFunc`,
 * `buildSingleAlternativeLookaheadFunction`; the parser uses no dynamic tokens).
 */

type Path = readonly TokenType[];
interface Reader { LA_FAST(k: number): IToken }

const BY_NAME = new Map(allTokens.map((t) => [t.name, t]));

/** The alternatives of a decided part, each a trie of token names (see grammar/lookahead.mjs), read back into paths. */
export function pathsOf(rule: string, part: string): Path[][] {
  const text = LOOKAHEAD_PATHS[`${rule}:${part}`];
  if (text === undefined) throw new Error(`no lookahead paths for ${rule}:${part}: run \`npm run grammar\``);
  return text.split('|').map((alt) => {
    const paths: Path[] = [];
    const prefix: TokenType[] = [];
    // `Name(` opens the paths under Name, `)` closes them; `.` and a bare name each end one.
    for (const p of alt.match(/[^ ()]+\(?|\)/g) ?? []) {
      if (p === ')') prefix.pop();
      else if (p === '.') paths.push([...prefix]);
      else if (p.endsWith('(')) prefix.push(BY_NAME.get(p.slice(0, -1))!);
      else paths.push([...prefix, BY_NAME.get(p)!]);
    }
    return paths;
  });
}

/** Whether the next tokens begin one of the paths (an empty path always does). */
function matchesOne(p: Reader, paths: readonly Path[]): boolean {
  next: for (const path of paths) {
    for (let i = 0; i < path.length; i++) if (!tokenMatcher(p.LA_FAST(i + 1), path[i]!)) continue next;
    return true;
  }
  return false;
}

/** When every path is one token: the index of the first alternative each token type (or a type of its category) begins. */
function oneTokenTable(alts: readonly (readonly Path[])[]): number[] | null {
  if (!alts.every((alt) => alt.every((path) => path.length === 1))) return null;
  const table: number[] = [];
  alts.forEach((alt, i) => {
    for (const [t] of alt) for (const k of [t!.tokenTypeIdx!, ...t!.categoryMatches!]) table[k] ??= i;
  });
  return table;
}

export class PrecomputedLookahead implements ILookaheadStrategy {
  validate(): [] {
    return [];
  }

  buildLookaheadForAlternation({ rule, prodOccurrence, hasPredicates }: { rule: { name: string }; prodOccurrence: number; hasPredicates: boolean }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const alts = pathsOf(rule.name, `Alternation${prodOccurrence}`);
    const table = hasPredicates ? null : oneTokenTable(alts);
    if (table !== null) return function (this: Reader) { return table[this.LA_FAST(1).tokenTypeIdx]; };
    return function (this: Reader, orAlts?: IOrAlt<unknown>[]) {
      for (let a = 0; a < alts.length; a++) {
        // A gate that says no skips its alternative before any token is looked at.
        if (hasPredicates && orAlts![a]!.GATE?.call(this) === false) continue;
        if (matchesOne(this, alts[a]!)) return a;
      }
      return undefined;
    };
  }

  buildLookaheadForOptional({ rule, prodOccurrence, prodType }: { rule: { name: string }; prodOccurrence: number; prodType: OptionalProductionType }): () => boolean {
    const [paths] = pathsOf(rule.name, `${prodType}${prodOccurrence}`);
    const table = oneTokenTable([paths!]);
    if (table !== null) return function (this: Reader) { return table[this.LA_FAST(1).tokenTypeIdx] === 0; };
    return function (this: Reader) { return matchesOne(this, paths!); };
  }
}
