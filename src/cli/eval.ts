import { parseArgs } from 'node:util';
import {
  evaluate, score, toJSON, tryParseTarget, type EvaluateOptions, type Locale, type Status,
} from '../index.js';
import { failureMessage, usageError } from './common.js';
import { readDecimalText, readEvaluateOptions, readFailOn, readLocale, UsageError } from './options.js';

/**
 * `indicator-expr eval TARGET ACTUAL`: one verdict, as the verdict JSON; with `--weight W`,
 * `{"verdict": …, "score": …}`. A target that cannot be parsed prints
 * `{"text", "error": {code, message, offset, length}}` (as `parse` does) and exits 1.
 */
export async function evalCommand(args: string[]): Promise<number> {
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
  let parsed;
  try {
    parsed = parseArgs({
      args: escaped,
      allowPositionals: true,
      options: {
        weight: { type: 'string' },
        polarity: { type: 'string' },
        indicator: { type: 'string' },
        tolerance: { type: 'string' },
        year: { type: 'string' },
        locale: { type: 'string' },
        fen: { type: 'string' },
        equals: { type: 'string' },
        'reverse-rule': { type: 'string' },
        band: { type: 'string' },
        scale: { type: 'string' },
        'fail-on': { type: 'string', multiple: true },
      },
    });
  } catch (e) {
    return usageError((e as Error).message);
  }
  const positionals = parsed.positionals.map((p) => negatives.get(p) ?? p);
  const { values } = parsed;
  let locale: Locale;
  let weight: string | undefined;
  let failOn: Set<Status>;
  const options: { -readonly [K in keyof EvaluateOptions]: EvaluateOptions[K] } = {};
  try {
    if (positionals.length !== 2) {
      throw new UsageError(`eval takes a target and an actual value, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`);
    }
    locale = readLocale(values.locale) ?? 'zh';
    options.locale = locale;
    readEvaluateOptions(values, locale, options);
    if (values.indicator !== undefined) options.indicator = values.indicator;
    weight = readDecimalText('weight', values.weight, { min: '0' });
    failOn = readFailOn(values['fail-on']);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    throw e;
  }
  const [targetText, actual] = positionals as [string, string];
  const parsedTarget = tryParseTarget(targetText, { locale, ...(options.year !== undefined ? { year: options.year } : {}), ...(options.fen ? { fen: options.fen } : {}) });
  if (!parsedTarget.ok) {
    const e = parsedTarget.error;
    process.stdout.write(`${JSON.stringify({ text: targetText, error: { code: e.code, message: e.message, offset: e.offset, length: e.length } })}\n`);
    return 1;
  }
  let status: Status;
  try {
    if (weight === undefined) {
      const v = evaluate(parsedTarget.value, actual, options);
      status = v.status;
      process.stdout.write(`${JSON.stringify(toJSON(v))}\n`);
    } else {
      const s = score(parsedTarget.value, actual, weight, options);
      status = s.status;
      process.stdout.write(`${JSON.stringify({ verdict: toJSON(s.verdict), score: toJSON(s) })}\n`);
    }
  } catch (e) {
    // An option the evaluation refuses (a tolerance that is not a quantity): a usage error.
    const message = failureMessage(e, locale);
    if (message === null) throw e;
    return usageError(message);
  }
  return failOn.has(status) ? 1 : 0;
}
