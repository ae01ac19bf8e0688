import { createTokenInstance, tokenMatcher, type ILookaheadStrategy, type IOrAlt, type IToken, type OptionalProductionType, type TokenType } from 'chevrotain';
import { LOOKAHEAD_PATHS } from './lookahead-paths.js';
import { allTokens } from './tokens.js';

/**
 * The parser's lookahead, through chevrotain's public `lookaheadStrategy` option, from paths
 * computed when the grammar changes rather than on every start.
 *
 * Chevrotain decides each alternation and optional part of a rule by the token sequences
 * (paths) that can begin each way, and its default strategy (LLkLookaheadStrategy) works
 * them out from the grammar whenever a parser is built. grammar/lookahead.mjs computes them
 * once with chevrotain's public `getLookaheadPaths` (src/parse/lookahead-paths.ts;
 * test/parse/lookahead.test.ts fails when they are stale).
 *
 * One difference from the default strategy, on input that fits no alternative: the default
 * answers "none", and chevrotain then describes the failure by computing every path of the
 * rule again, which costs far more than parsing the cell. Here the token is noted
 * (`undecided`) and the last alternative taken, so the parse fails soon after as a cheap
 * MismatchedTokenException. Our errors are made from the offending token alone, which is
 * then the noted one (CellParser.parseCell); test/parse/lookahead.test.ts proves the targets
 * and errors the same as with the default strategy.
 */

type Path = readonly TokenType[];
/** How a lookahead function reads the next tokens: the parser's `LA`. */
export type Peek = (k: number) => IToken;

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

/**
 * The paths of one alternative by the type of the next token (its `tokenTypeIdx`): those
 * whose first token it matches, so a decision looks only at paths that can still fit.
 * `true` when an empty path makes the alternative fit whatever comes.
 */
type PathIndex = true | (readonly Path[] | undefined)[];

function indexByFirst(paths: readonly Path[]): PathIndex {
  if (paths.some((path) => path.length === 0)) return true;
  const index: Path[][] = [];
  for (const path of paths) for (const s of SAMPLES) if (tokenMatcher(s, path[0]!)) (index[s.tokenTypeIdx] ??= []).push(path);
  return index;
}

/** Whether the next tokens begin one of the indexed paths. */
function matchesOne(peek: Peek, index: PathIndex): boolean {
  if (index === true) return true;
  const paths = index[peek(1).tokenTypeIdx];
  if (paths === undefined) return false;
  next: for (const path of paths) {
    for (let i = 1; i < path.length; i++) if (!tokenMatcher(peek(i + 1), path[i]!)) continue next;
    return true;
  }
  return false;
}

/** A token of each type, to ask chevrotain's `tokenMatcher` which types a path's first token takes. */
const SAMPLES = allTokens.map((t) => createTokenInstance(t, '', 0, 0, 0, 0, 0, 0));

/**
 * When every path is one token: the index of the first alternative each token type begins,
 * by `tokenTypeIdx` (a type of a category matches where the category does).
 */
function oneTokenTable(alts: readonly (readonly Path[])[]): number[] | null {
  if (!alts.every((alt) => alt.every((path) => path.length === 1))) return null;
  const table: number[] = [];
  alts.forEach((alt, i) => {
    for (const [t] of alt) for (const s of SAMPLES) if (tokenMatcher(s, t!)) table[s.tokenTypeIdx] ??= i;
  });
  return table;
}

export class PrecomputedLookahead implements ILookaheadStrategy {
  /** Set by the parser once it exists (its `LA`); the lookahead functions read through it. */
  peek: Peek = () => { throw new Error('PrecomputedLookahead: no parser'); };
  /** The token at which a decision first found no alternative since the parser cleared it. */
  undecided: IToken | null = null;

  /** The last alternative, for input that fits none: noted, so the error is reported here. */
  private fallback(last: number): number {
    this.undecided ??= this.peek(1);
    return last;
  }

  validate(): [] {
    return [];
  }

  buildLookaheadForAlternation({ rule, prodOccurrence, hasPredicates }: { rule: { name: string }; prodOccurrence: number; hasPredicates: boolean }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const alts = pathsOf(rule.name, `Alternation${prodOccurrence}`);
    const last = alts.length - 1;
    const table = hasPredicates ? null : oneTokenTable(alts);
    const indexed = alts.map(indexByFirst);
    if (table !== null) return () => table[this.peek(1).tokenTypeIdx] ?? this.fallback(last);
    return (orAlts?: IOrAlt<unknown>[]) => {
      let fallback = last;
      for (let a = 0; a < alts.length; a++) {
        // A gate that says no skips its alternative before any token is looked at.
        if (hasPredicates && orAlts![a]!.GATE?.() === false) {
          if (a === fallback) fallback--;
          continue;
        }
        if (matchesOne(this.peek, indexed[a]!)) return a;
      }
      return fallback < 0 ? undefined : this.fallback(fallback);
    };
  }

  buildLookaheadForOptional({ rule, prodOccurrence, prodType }: { rule: { name: string }; prodOccurrence: number; prodType: OptionalProductionType }): () => boolean {
    const [paths] = pathsOf(rule.name, `${prodType}${prodOccurrence}`);
    const table = oneTokenTable([paths!]);
    if (table !== null) return () => table[this.peek(1).tokenTypeIdx] === 0;
    const indexed = indexByFirst(paths!);
    return () => matchesOne(this.peek, indexed);
  }
}
