import {
  evaluate, score, toJSON, tryParseTarget, type EvaluateOptions, type Locale, type Score, type Status, type Verdict,
} from '../index.js';
import { writtenMargin } from '../evaluate/describe.js';
import { fill } from '../i18n/messages.js';
import { readChoice, readCommandLine, usage } from './args.js';
import { failureMessage } from './common.js';
import { OP_SOURCE_WORDS, STATUS_WORDS, VERDICT_LABELS, type Text } from './messages.js';
import { readDecimalText, readEvaluateOptions, readFailOn, readLocale } from './options.js';
import { EVAL_OPTIONS } from './spec.js';
import { paintFor, STATUS_COLOUR, type Paint } from './text.js';

/**
 * `indicator-expr eval TARGET ACTUAL`: one verdict. On a terminal (or with `--format
 * text`) as words to read; piped (or with `--json`) as the verdict JSON, and with
 * `--weight W` `{"verdict": …, "score": …}`. A target that cannot be parsed prints its
 * error (as JSON, `{"text", "error": {code, message, offset, length}}` as `parse` does)
 * and exits 1.
 */
export async function evalCommand(args: string[], locale: Locale): Promise<number> {
  // An actual such as -3.5% would read as an option: a lone negative number is a value.
  const negatives = new Map<string, string>();
  const escaped = args.map((a, i) => {
    if (/^-[\d.]/.test(a) && !/^--?[a-z][\w-]*$/i.test(args[i - 1] ?? '')) {
      const key = `\u0000${negatives.size}`;
      negatives.set(key, a);
      return key;
    }
    return a;
  });
  const line = readCommandLine('eval', escaped);
  const positionals = line.positionals.map((p) => negatives.get(p) ?? p);
  const { values } = line;
  if (positionals.length !== 2) usage('EVAL_ARGUMENTS', { count: positionals.length, s: positionals.length === 1 ? '' : 's' });
  readLocale(values.locale);
  const options: { -readonly [K in keyof EvaluateOptions]: EvaluateOptions[K] } = { locale };
  readEvaluateOptions(values, locale, options);
  if (values.indicator !== undefined) options.indicator = values.indicator;
  const weight = readDecimalText('weight', values.weight, { min: '0' });
  const failOn: Set<Status> = readFailOn(values['fail-on']);
  const asked = readChoice<'text' | 'json'>(EVAL_OPTIONS, 'format', values.format);
  if (values.json === true && asked === 'text') usage('TOGETHER', { a: '--json', b: '--format text' });
  const text = values.json !== true && (asked ?? (process.stdout.isTTY ? 'text' : 'json')) === 'text';

  const [targetText, actual] = positionals as [string, string];
  const parsedTarget = tryParseTarget(targetText, {
    locale, ...(options.year !== undefined ? { year: options.year } : {}), ...(options.fen ? { fen: options.fen } : {}),
    ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
  });
  if (!parsedTarget.ok) {
    const e = parsedTarget.error;
    process.stdout.write(text
      ? `${VERDICT_LABELS.error[locale]}${colon(locale)}${e.message}（${e.code}）\n`
      : `${JSON.stringify({ text: targetText, error: { code: e.code, message: e.message, offset: e.offset, length: e.length } })}\n`);
    return 1;
  }
  let verdict: Verdict;
  let scored: Score | null = null;
  try {
    if (weight === undefined) verdict = evaluate(parsedTarget.value, actual, options);
    else {
      scored = score(parsedTarget.value, actual, weight, options);
      verdict = scored.verdict;
    }
  } catch (e) {
    // An option the evaluation refuses (a tolerance that is not a quantity): a usage error.
    const message = failureMessage(e, locale);
    if (message === null) throw e;
    process.stderr.write(`indicator-expr: ${message}\n`);
    return 2;
  }
  if (text) process.stdout.write(readableVerdict(verdict, actual, scored, locale, paintFor('auto', process.stdout)));
  else if (scored === null) process.stdout.write(`${JSON.stringify(toJSON(verdict))}\n`);
  else process.stdout.write(`${JSON.stringify({ verdict: toJSON(verdict), score: toJSON(scored) })}\n`);
  return failOn.has(verdict.status) ? 1 : 0;
}

const colon = (locale: Locale): string => (locale === 'zh' ? '：' : ': ');

/** The ops as people write them. */
const OP_SIGNS: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', '!=': '≠' };

/**
 * A verdict to read: its status in words, the op and where it came from, the margin in
 * the unit the target was written in, the completion, the reason and the score.
 */
export function readableVerdict(v: Verdict, actualText: string, s: Score | null, locale: Locale, paint: Paint): string {
  const lines: string[] = [];
  const put = (label: Text, value: string): void => { lines.push(`${label[locale]}${colon(locale)}${value}`); };
  put(VERDICT_LABELS.status, paint(STATUS_WORDS[v.status][locale], STATUS_COLOUR[v.status]));
  const op = v.op === null ? '' : `${OP_SIGNS[v.op] ?? v.op}${v.opSource === null ? '' : `${locale === 'zh' ? '，' : ', '}${OP_SOURCE_WORDS[v.opSource][locale]}`}`;
  put(VERDICT_LABELS.target, op === '' ? v.target.text : locale === 'zh' ? `${v.target.text}（${VERDICT_LABELS.op.zh} ${op}）` : `${v.target.text} (${VERDICT_LABELS.op.en.toLowerCase()} ${op})`);
  put(VERDICT_LABELS.actual, actualText);
  if (v.assumedUnit !== null) put(VERDICT_LABELS.assumed, fill(VERDICT_LABELS.assumedText[locale], { unit: v.assumedUnit }));
  const margin = readableMargin(v, locale);
  if (margin !== null) put(VERDICT_LABELS.margin, margin);
  if (v.completion !== null) put(VERDICT_LABELS.completion, `${v.completion.times(100).toFixed()}%`);
  if (v.reason !== null) put(VERDICT_LABELS.reason, v.reason.messages[locale]);
  if (v.parts !== null) {
    put(VERDICT_LABELS.parts, '');
    for (const p of v.parts) lines.push(`  ${p.target.text}${colon(locale)}${STATUS_WORDS[p.status][locale]}${p.reason === null ? '' : `（${p.reason.messages[locale]}）`}`);
  }
  if (s !== null) {
    put(VERDICT_LABELS.score, `${s.score === null ? '—' : s.score.toFixed()} / ${s.weight.toFixed()}${s.rule === null ? '' : locale === 'zh' ? `（${s.rule}）` : ` (${s.rule})`}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The margin in the unit the target was written in (+2.3亿元); a margin of percentages is in percentage points. */
function readableMargin(v: Verdict, locale: Locale): string | null {
  const m = writtenMargin(v);
  if (m === null) return null;
  const shown = `${m.value.isPositive() && !m.value.isZero() ? '+' : ''}${m.value.toFixed()}`;
  if (m.unit === '%') return fill(VERDICT_LABELS.percentagePoints[locale], { value: shown });
  return `${shown}${m.unit}`;
}
