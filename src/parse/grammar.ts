import { EmbeddedActionsParser, EOF as EOF_TOKEN, tokenMatcher, type IOrAlt, type IParserErrorMessageProvider, type IToken, type OrMethodOpts } from 'chevrotain';
import type { Token } from './lexer.js';
import { PrecomputedLookahead } from './lookahead.js';
import * as T from './tokens.js';

/**
 * The grammar of one target cell, in one place. It turns tokens into raw segments; the
 * meaning (ops, units, dates) is given by build.ts. Read it top-down:
 *
 *   cell        := segment (Separator segment)*
 *   segment     := qualitative                      (no number, date or comparator symbol)
 *                | Text? (Intent | Modifier | DeadlinePre)* core
 *   core        := trend | dates | between | bracket | plusMinus | value
 *   trend       := Trend (CompareOp? quantity postfix*)?
 *   dates       := CompareOp? (Date | YearEnd | WholeYear | Quarter) (RangeSep (Date | Quarter))?
 *                  DeadlinePost? (Completion | Text)*
 *   between     := Between quantity (BetweenAnd | RangeSep) quantity BetweenEnd?
 *   bracket     := LBracket quantity Comma quantity RBracket
 *   plusMinus   := PlusMinus quantity postfix*
 *   value       := ((CompareOp | ApproxPre) Aside*)? Intent* quantity ((RangeSep | PlusMinus) quantity)? postfix* after*
 *   quantity    := PercentOf? Number Unit?
 *   postfix     := PostOp | ApproxPost | Strictness
 *   after       := Aside | Trend | Intent          (words after a complete quantity: `100%达标`)
 */
/**
 * A cell that does not fit the grammar is reported by the token where it stops (parseCell);
 * the package writes its own message for it, in both languages (parse.ts). So chevrotain is
 * not asked to spell out every path the grammar expected there, a message no one would read.
 */
const NO_MESSAGES: IParserErrorMessageProvider = Object.freeze({
  buildMismatchTokenMessage: () => '',
  buildNotAllInputParsedMessage: () => '',
  buildNoViableAltMessage: () => '',
  buildEarlyExitMessage: () => '',
});

export interface RawQuantity { readonly num: Token; readonly unit: Token | null; readonly percentOf: Token | null }

interface RawBase { readonly first: Token; readonly last: Token; label: Token | null; pre: Token[] }
export type RawSegment =
  | (RawBase & { kind: 'qualitative'; tokens: Token[] })
  | (RawBase & { kind: 'value'; op: Token | null; q1: RawQuantity; join: Token | null; q2: RawQuantity | null; post: Token[]; aside: Token[] })
  | (RawBase & { kind: 'trend'; trend: Token; amountOp: Token | null; amount: RawQuantity | null; post: Token[] })
  | (RawBase & { kind: 'dates'; op: Token | null; d1: Token; d2: Token | null; post: Token[] })
  | (RawBase & { kind: 'range'; q1: RawQuantity; q2: RawQuantity; open: Token })
  | (RawBase & { kind: 'plusMinus'; sign: Token; q: RawQuantity; post: Token[] });

type Core =
  | { kind: 'value'; op: Token | null; q1: RawQuantity; join: Token | null; q2: RawQuantity | null; post: Token[]; aside: Token[]; last: Token }
  | { kind: 'trend'; trend: Token; amountOp: Token | null; amount: RawQuantity | null; post: Token[]; last: Token }
  | { kind: 'dates'; op: Token | null; d1: Token; d2: Token | null; post: Token[]; last: Token }
  | { kind: 'range'; q1: RawQuantity; q2: RawQuantity; open: Token; last: Token }
  | { kind: 'plusMinus'; sign: Token; q: RawQuantity; post: Token[]; last: Token };

const SYMBOL = /^[<>=≥≤≠!≈~]+$/;

export class CellParser extends EmbeddedActionsParser {
  /**
   * @param validate run chevrotain's grammar validations with its own lookahead strategy
   *   (slow: most of the start-up cost). The shipped parser skips validations (the
   *   documented `skipValidations`) and takes its lookahead from paths computed when the
   *   grammar changes (lookahead.ts); test/parse/grammar.test.ts builds one with them on,
   *   so an ambiguous or left-recursive change to the grammar still fails the suite.
   */
  private readonly lookahead: PrecomputedLookahead | null;

  constructor(validate = false) {
    const lookahead = validate ? null : new PrecomputedLookahead();
    super(T.allTokens, {
      recoveryEnabled: false, maxLookahead: 3, skipValidations: !validate, errorMessageProvider: NO_MESSAGES,
      ...(lookahead ? { lookaheadStrategy: lookahead } : {}),
    });
    this.lookahead = lookahead;
    if (lookahead) lookahead.peek = (k) => this.LA(k);
    this.performSelfAnalysis();
  }

  /**
   * The raw segments of one cell's tokens, or the token where they stop fitting the grammar:
   * the first token at which no alternative fits (as chevrotain's own strategy would report
   * it, lookahead.ts), else the token of the first error.
   */
  parseCell(tokens: IToken[]): { readonly segments: RawSegment[]; readonly failedAt: null } | { readonly segments: null; readonly failedAt: IToken } {
    if (this.lookahead) this.lookahead.undecided = null;
    this.input = tokens;
    const segments = this.cell();
    const error = this.errors[0];
    if (error === undefined) return { segments, failedAt: null };
    return { segments: null, failedAt: this.lookahead?.undecided ?? error.token };
  }

  /** Looks ahead to the end of the segment: is it a plain qualitative term? */
  private qualitativeAhead(): boolean {
    let last: IToken | null = null;
    for (let k = 1; ; k++) {
      const t = this.LA(k);
      const type = t.tokenType;
      if (type === EOF_TOKEN || type === T.Comma || type === T.Conj) break;
      // Numbers, dates, brackets and the like are no part of a term.
      if (!tokenMatcher(t, T.Word)) return false;
      if ((tokenMatcher(t, T.CompareOp) || type === T.ApproxPre) && SYMBOL.test(t.image)) return false;
      last = t;
    }
    if (last === null) return false;
    const lt = last.tokenType;
    // A trend word at the end makes a trend (`较上年提高`); a dangling comparator wants its number.
    return !(lt === T.Trend || lt === T.ApproxPre || tokenMatcher(last, T.CompareOp));
  }

  /*
   * The alternatives of each OR, made once per parser rather than on every call (chevrotain's
   * performance guide: "caching arrays of alternatives"). They read only the parser itself.
   */
  private readonly segmentKinds: OrMethodOpts<RawSegment> = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { GATE: () => this.qualitativeAhead(), ALT: () => this.SUBRULE(this.qualitative) },
      { ALT: () => this.SUBRULE(this.quantitative) },
    ],
  };
  private readonly preWords: IOrAlt<Token>[] = [
    { ALT: () => this.CONSUME(T.Intent) as Token },
    { ALT: () => this.CONSUME(T.Modifier) as Token },
    { ALT: () => this.CONSUME(T.DeadlinePre) as Token },
  ];
  private readonly cores: IOrAlt<Core>[] = [
    { ALT: () => this.SUBRULE(this.trend) },
    { ALT: () => this.SUBRULE(this.dates) },
    { ALT: () => this.SUBRULE(this.between) },
    { ALT: () => this.SUBRULE(this.bracket) },
    { ALT: () => this.SUBRULE(this.plusMinus) },
    { ALT: () => this.SUBRULE(this.value) },
  ];
  private readonly firstDates: IOrAlt<Token>[] = [
    { ALT: () => this.CONSUME(T.DateTok) as Token },
    { ALT: () => this.CONSUME(T.YearEnd) as Token },
    { ALT: () => this.CONSUME(T.WholeYear) as Token },
    { ALT: () => this.CONSUME(T.Quarter) as Token },
  ];
  private readonly afterDates: IOrAlt<Token>[] = [
    { ALT: () => this.CONSUME(T.Completion) as Token },
    { ALT: () => this.CONSUME(T.Text) as Token },
  ];
  private readonly secondDates: IOrAlt<Token>[] = [
    { ALT: () => this.CONSUME2(T.DateTok) as Token },
    { ALT: () => this.CONSUME2(T.Quarter) as Token },
  ];
  private readonly betweenJoins: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(T.BetweenAnd) }, { ALT: () => this.CONSUME(T.RangeSep) }];
  private readonly valueOps: IOrAlt<Token>[] = [
    { ALT: () => this.CONSUME(T.CompareOp) as Token },
    { ALT: () => this.CONSUME(T.ApproxPre) as Token },
  ];
  private readonly valueJoins: IOrAlt<Token>[] = [
    { ALT: () => this.CONSUME(T.RangeSep) as Token },
    { ALT: () => this.CONSUME(T.PlusMinus) as Token },
  ];
  private readonly afterWords: IOrAlt<Token>[] = [
    { ALT: () => this.CONSUME2(T.Aside) as Token },
    { ALT: () => this.CONSUME(T.Trend) as Token },
    { ALT: () => this.CONSUME2(T.Intent) as Token },
  ];
  private readonly postfixes: IOrAlt<Token>[] = [
    { ALT: () => this.CONSUME(T.PostOp) as Token },
    { ALT: () => this.CONSUME(T.ApproxPost) as Token },
    { ALT: () => this.CONSUME(T.Strictness) as Token },
  ];

  readonly cell = this.RULE('cell', (): RawSegment[] => {
    const segments: RawSegment[] = [];
    segments.push(this.SUBRULE(this.segment));
    this.MANY(() => {
      this.CONSUME(T.Separator);
      segments.push(this.SUBRULE2(this.segment));
    });
    return segments;
  });

  readonly segment = this.RULE('segment', (): RawSegment => {
    return this.OR(this.segmentKinds);
  });

  readonly qualitative = this.RULE('qualitative', (): RawSegment => {
    const tokens: Token[] = [];
    this.AT_LEAST_ONE(() => { tokens.push(this.CONSUME(T.Word) as Token); });
    return { kind: 'qualitative', tokens, first: tokens[0]!, last: tokens[tokens.length - 1]!, label: null, pre: [] };
  });

  readonly quantitative = this.RULE('quantitative', (): RawSegment => {
    let label: Token | null = null;
    const pre: Token[] = [];
    this.OPTION(() => { label = this.CONSUME(T.Text) as Token; });
    this.MANY(() => {
      pre.push(this.OR(this.preWords));
    });
    const core: Core = this.OR2(this.cores);
    const l = label as Token | null;
    const first = l ?? pre[0] ?? firstOf(core);
    return { ...core, first, label: l, pre } as RawSegment;
  });

  readonly trend = this.RULE('trend', (): Core => {
    const trend = this.CONSUME(T.Trend) as Token;
    let amountOp: Token | null = null;
    let amount: RawQuantity | null = null;
    const post: Token[] = [];
    this.OPTION(() => {
      this.OPTION2(() => { amountOp = this.CONSUME(T.CompareOp) as Token; });
      amount = this.SUBRULE(this.quantity);
      this.MANY(() => { post.push(this.SUBRULE(this.postfix)); });
    });
    const a = amount as RawQuantity | null;
    return { kind: 'trend', trend, amountOp, amount: a, post, last: post[post.length - 1] ?? (a ? a.unit ?? a.num : trend) };
  });

  readonly dates = this.RULE('dates', (): Core => {
    let op: Token | null = null;
    // A split op column beside a date cell (`≤` | `2024年12月31日`); build.ts decides which ops fit.
    this.OPTION4(() => { op = this.CONSUME(T.CompareOp) as Token; });
    const d1 = this.OR(this.firstDates);
    let d2: Token | null = null;
    const post: Token[] = [];
    this.OPTION(() => {
      this.CONSUME(T.RangeSep);
      d2 = this.OR2(this.secondDates);
    });
    this.OPTION2(() => { post.push(this.CONSUME(T.DeadlinePost) as Token); });
    // 11月份完成验收, 在2023年6月之前出具报告: what is done by the date (words kept as the note).
    this.MANY(() => { post.push(this.OR3(this.afterDates)); });
    const d = d2 as Token | null;
    return { kind: 'dates', op, d1, d2: d, post, last: post[post.length - 1] ?? d ?? d1 };
  });

  readonly between = this.RULE('between', (): Core => {
    const open = this.CONSUME(T.Between) as Token;
    const q1 = this.SUBRULE(this.quantity);
    this.OR(this.betweenJoins);
    const q2 = this.SUBRULE2(this.quantity);
    let last: Token = q2.unit ?? q2.num;
    this.OPTION(() => { last = this.CONSUME(T.BetweenEnd) as Token; });
    return { kind: 'range', q1, q2, open, last };
  });

  readonly bracket = this.RULE('bracket', (): Core => {
    const open = this.CONSUME(T.LBracket) as Token;
    const q1 = this.SUBRULE(this.quantity);
    this.CONSUME(T.Comma);
    const q2 = this.SUBRULE2(this.quantity);
    const last = this.CONSUME(T.RBracket) as Token;
    return { kind: 'range', q1, q2, open, last };
  });

  readonly plusMinus = this.RULE('plusMinus', (): Core => {
    const sign = this.CONSUME(T.PlusMinus) as Token;
    const q = this.SUBRULE(this.quantity);
    const post: Token[] = [];
    this.MANY(() => { post.push(this.SUBRULE(this.postfix)); });
    return { kind: 'plusMinus', sign, q, post, last: post[post.length - 1] ?? q.unit ?? q.num };
  });

  readonly value = this.RULE('value', (): Core => {
    let op: Token | null = null;
    // Words between a comparator and its number (`不低于上年同期的90%`), and after a complete
    // quantity (`30分钟内进行应答`), are kept as the note; never a number among them.
    const aside: Token[] = [];
    this.OPTION(() => {
      op = this.OR(this.valueOps);
      this.MANY(() => { aside.push(this.CONSUME(T.Aside) as Token); });
    });
    this.MANY2(() => { this.CONSUME(T.Intent); });
    const q1 = this.SUBRULE(this.quantity);
    let join: Token | null = null;
    let q2: RawQuantity | null = null;
    this.OPTION2(() => {
      join = this.OR2(this.valueJoins);
      q2 = this.SUBRULE2(this.quantity);
    });
    const post: Token[] = [];
    this.MANY3(() => { post.push(this.SUBRULE(this.postfix)); });
    const before = aside.length;
    this.MANY4(() => { aside.push(this.OR3(this.afterWords)); });
    const q = (q2 as RawQuantity | null) ?? q1;
    const last = aside.length > before ? aside[aside.length - 1]! : post[post.length - 1] ?? q.unit ?? q.num;
    return { kind: 'value', op, q1, join, q2, post, aside, last };
  });

  readonly quantity = this.RULE('quantity', (): RawQuantity => {
    let percentOf: Token | null = null;
    let unit: Token | null = null;
    this.OPTION(() => { percentOf = this.CONSUME(T.PercentOf) as Token; });
    const num = this.CONSUME(T.NumberTok) as Token;
    this.OPTION2(() => { unit = this.CONSUME(T.Unit) as Token; });
    return { num, unit, percentOf };
  });

  readonly postfix = this.RULE('postfix', (): Token => {
    return this.OR(this.postfixes);
  });
}

function firstOf(core: Core): Token {
  switch (core.kind) {
    case 'value': return core.op ?? core.q1.percentOf ?? core.q1.num;
    case 'trend': return core.trend;
    case 'dates': return core.op ?? core.d1;
    case 'range': return core.open;
    case 'plusMinus': return core.sign;
  }
}
