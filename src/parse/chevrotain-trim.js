/**
 * What the bundles keep of chevrotain 11.2 modules that the shipped parser never runs
 * (see `chevrotainParserOnly` in tsup.config.ts, which gives this one module for each of
 * them). The parser (src/parse/grammar.ts) is an `EmbeddedActionsParser` with
 * `recoveryEnabled: false` and `skipValidations: true`, fed by our own lexer, so:
 *
 * - scan/lexer_public.js: chevrotain's `Lexer` is never built; the parser needs only the
 *   marker `Lexer.NA` (the pattern of its EOF token).
 * - parse/grammar/checks.js, parse/errors_public.js (its validator providers): grammar
 *   validations run only with `skipValidations: false`, which test/parse/grammar.test.ts
 *   does against the real modules.
 * - parse/parser/traits/recoverable.js, parse/grammar/follow.js: error recovery.
 * - parse/parser/traits/tree_builder.js, parse/cst/cst_visitor.js: concrete syntax trees
 *   (`CstParser`), of which embedded actions build none.
 * - parse/parser/traits/context_assist.js: content assist (`computeContentAssist`).
 * - parse/parser/traits/error_handler.js: its `raiseNoAltException` and
 *   `raiseEarlyExitException` describe a failure by computing every lookahead path; our
 *   parser overrides both (src/parse/grammar.ts), so only the error list is kept.
 * - parse/parser/traits/perf_tracer.js: tracing of the grammar's analysis (`traceInitPerf`).
 * - parse/grammar/interpreter.js as the recognizer engine imports it: the walkers it hands
 *   to repetition recovery.
 * - parse/grammar/lookahead.js, parse/grammar/llk_lookahead.js: the lookahead analysis,
 *   done ahead of time instead (src/parse/lookahead.ts); with them go interpreter.js and
 *   rest.js, which only the analysis used.
 *
 * What the parser does call is kept with chevrotain's own behaviour (the trait methods
 * below that do not throw are chevrotain's, shortened). Everything else throws if ever
 * reached, so a change of configuration fails loudly instead of parsing differently. Parse errors are
 * built by parse.ts from the offending token alone; chevrotain's error texts never reach a
 * user, so the parser's message provider here is short.
 *
 * test/package/bundle.test.ts parses every corpus cell, cells built from the grammar's
 * vocabulary (most of them rejected), generated cells and random strings through the built
 * entry and compares each result (or error code, offset, length and messages) with the
 * sources run on the whole of chevrotain.
 */

/** Everything left out throws this: a change of configuration fails loudly instead of parsing differently. */
function leftOut() {
  throw new Error('indicator-expr bundles only the parts of chevrotain its parser runs (see tsup.config.ts)');
}
function noop() {}

// scan/lexer_public.js
export const LexerDefinitionErrorType = {};
export class Lexer {
  constructor() {
    leftOut();
  }
}
Lexer.NA = /NOT_APPLICABLE/; // Lexer.SKIPPED is read by chevrotain's lexer alone

// parse/grammar/checks.js
export const validateLookahead = leftOut;
export const validateGrammar = leftOut;
export const identifyProductionForDuplicates = leftOut;
export const validateRuleDoesNotAlreadyExist = leftOut;
export const validateRuleIsOverridden = leftOut;
export const validateNoLeftRecursion = leftOut;
export const getFirstNoneTerminal = leftOut;
export const validateEmptyOrAlternative = leftOut;
export const validateAmbiguousAlternationAlternatives = leftOut;
export const validateTooManyAlts = leftOut;
export const validateSomeNonEmptyLookaheadPath = leftOut;
export const checkPrefixAlternativesAmbiguities = leftOut;
export class OccurrenceValidationCollector {
  constructor() {
    leftOut();
  }
}
export class RepetitionCollector {
  constructor() {
    leftOut();
  }
}

// parse/errors_public.js
const found = (token) => ` but found: '${token.image}'`;
export const defaultParserErrorProvider = Object.freeze({
  buildMismatchTokenMessage: ({ expected, actual }) => `Expecting ${expected.name}${found(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `Redundant input, expecting EOF${found(firstRedundant)}`,
  buildNoViableAltMessage: ({ actual }) => `No viable alternative${found(actual[0])}`,
  buildEarlyExitMessage: ({ actual }) => `Expecting at least one iteration${found(actual[0])}`,
});
/** Used while the grammar is resolved, when a rule refers to an undefined rule. */
export const defaultGrammarResolverErrorProvider = {
  buildRuleNotFoundError: (topLevelRule, undefinedRule) =>
    `Invalid grammar, reference to a rule which is not defined: ->${undefinedRule.nonTerminalName}<- inside top level rule: ->${topLevelRule.name}<-`,
};
export const defaultGrammarValidatorErrorProvider = new Proxy({}, { get: () => leftOut });

// parse/parser/traits/recoverable.js, parse/grammar/follow.js
export const EOF_FOLLOW_KEY = {};
export const IN_RULE_RECOVERY_EXCEPTION = 'InRuleRecoveryException';
export class InRuleRecoveryException extends Error {
  constructor(message) {
    super(message);
    this.name = IN_RULE_RECOVERY_EXCEPTION;
  }
}
export const attemptInRepetitionRecovery = leftOut;
export class Recoverable {
  initRecoverable(config) {
    if (config.recoveryEnabled) leftOut();
    this.firstAfterRepMap = {};
    this.resyncFollows = {};
    this.recoveryEnabled = false;
  }
  /** A no-op unless recovery is enabled (chevrotain's own default). */
  attemptInRepetitionRecovery() {}
  /** Called by `SAVE_ERROR` for every recognition error. */
  getHumanReadableRuleStack() {
    const len = this.RULE_STACK_IDX + 1;
    const result = new Array(len);
    for (let i = 0; i < len; i++) result[i] = this.shortRuleNameToFullName(this.RULE_STACK[i]);
    return result;
  }
}
export const computeAllProdsFollows = leftOut;
export const buildBetweenProdsFollowPrefix = leftOut;
export const buildInProdFollowPrefix = leftOut;
export class ResyncFollowsWalker {
  constructor() {
    leftOut();
  }
}

// parse/parser/traits/tree_builder.js, parse/cst/cst_visitor.js
export class TreeBuilder {
  initTreeBuilder(config) {
    if (config.outputCst) leftOut();
    this.CST_STACK = [];
    this.outputCst = false;
    this.nodeLocationTracking = 'none';
    this.cstInvocationStateUpdate = noop;
    this.cstFinallyStateUpdate = noop;
    this.cstPostTerminal = noop;
    this.cstPostNonTerminal = noop;
    this.cstPostRule = noop;
  }
  getBaseCstVisitorConstructor() {
    leftOut();
  }
  getBaseCstVisitorConstructorWithDefaults() {
    leftOut();
  }
  getPreviousExplicitRuleShortName() {
    return this.RULE_STACK[this.RULE_STACK_IDX - 1];
  }
  getLastExplicitRuleOccurrenceIndex() {
    return this.RULE_OCCURRENCE_STACK[this.RULE_OCCURRENCE_STACK_IDX];
  }
}
export const defaultVisit = leftOut;
export const createBaseSemanticVisitorConstructor = leftOut;
export const createBaseVisitorConstructorWithDefaults = leftOut;
export const validateVisitor = leftOut;
export const validateMissingCstMethods = leftOut;
export const CstVisitorDefinitionError = {};

// parse/parser/traits/error_handler.js (chevrotain's own, but the two raise methods)
const RECOGNITION_EXCEPTIONS = ['MismatchedTokenException', 'NoViableAltException', 'EarlyExitException', 'NotAllInputParsedException'];
export class ErrorHandler {
  initErrorHandler(config) {
    this._errors = [];
    this.errorMessageProvider = Object.hasOwn(config, 'errorMessageProvider') ? config.errorMessageProvider : defaultParserErrorProvider;
  }
  SAVE_ERROR(error) {
    if (!RECOGNITION_EXCEPTIONS.includes(error.name)) throw Error('Trying to save an Error which is not a RecognitionException');
    error.context = {
      ruleStack: this.getHumanReadableRuleStack(),
      ruleOccurrenceStack: this.RULE_OCCURRENCE_STACK.slice(0, this.RULE_OCCURRENCE_STACK_IDX + 1),
    };
    this._errors.push(error);
    return error;
  }
  get errors() {
    return this._errors.slice();
  }
  set errors(newErrors) {
    this._errors = newErrors;
  }
  raiseEarlyExitException() {
    leftOut();
  }
  raiseNoAltException() {
    leftOut();
  }
}

// parse/grammar/interpreter.js, for parse/parser/traits/recognizer_engine.js only
export class NextTerminalAfterManyWalker {
  constructor() {
    leftOut();
  }
}
export class NextTerminalAfterManySepWalker extends NextTerminalAfterManyWalker {}
export class NextTerminalAfterAtLeastOneWalker extends NextTerminalAfterManyWalker {}
export class NextTerminalAfterAtLeastOneSepWalker extends NextTerminalAfterManyWalker {}

// parse/grammar/lookahead.js, parse/grammar/llk_lookahead.js: the lookahead analysis. The
// parser takes its lookahead from paths computed ahead (src/parse/lookahead.ts); the
// recognizer engine reads only PROD_TYPE, for the raise methods the parser overrides.
export const PROD_TYPE = { OPTION: 0, REPETITION: 1, REPETITION_MANDATORY: 2, REPETITION_MANDATORY_WITH_SEPARATOR: 3, REPETITION_WITH_SEPARATOR: 4, ALTERNATION: 5 };
export const getLookaheadPaths = leftOut;
export class LLkLookaheadStrategy {
  constructor() {
    leftOut();
  }
}

// parse/parser/traits/perf_tracer.js
export class PerformanceTracer {
  initPerformanceTracer(config) {
    if (config.traceInitPerf) leftOut();
    this.traceInitPerf = false;
    this.traceInitMaxIdent = 0;
    this.traceInitIndent = -1;
  }
  TRACE_INIT(phaseDesc, phaseImpl) {
    return phaseImpl();
  }
}

// parse/parser/traits/context_assist.js
export class ContentAssist {
  initContentAssist() {}
  computeContentAssist() {
    leftOut();
  }
  getNextPossibleTokenTypes() {
    leftOut();
  }
}
