/**
 * Reading a command line against the tables of spec.ts: options checked one by one (an
 * unknown flag gets the nearest known one as a suggestion), usage errors in the language
 * asked for, and each command's help.
 */
import { parseArgs } from 'node:util';
import { fill, type Locale } from '../i18n/messages.js';
import { editDistance } from '../model/suggest.js';
import { VERSION } from '../version.js';
import { HELP_WORDS, HINTS, USAGE_MESSAGES, type Text, type UsageCode } from './messages.js';
import { COMMANDS, optionsOf, type CommandName, type OptionSpec, type Section } from './spec.js';

/** A detail that reads differently in each language (a list joined with 或 / or) is a Text. */
type Details = Readonly<Record<string, string | number | Text>>;

function detailsIn(details: Details, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) out[k] = typeof v === 'object' ? v[locale] : v;
  return out;
}

/** A command line or an input the command cannot work with: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly code: UsageCode,
    readonly details: Details = {},
    /** A nearby flag or column name, and which kind it is (they are quoted differently). */
    readonly suggestion: { readonly kind: 'option' | 'name'; readonly text: string } | null = null,
    /** The header's columns, listed when no suggestion is near. */
    readonly columns: readonly string[] | null = null,
  ) {
    super(fill(USAGE_MESSAGES[code].en, detailsIn(details, 'en')));
  }

  text(locale: Locale): string {
    let out = fill(USAGE_MESSAGES[this.code][locale], detailsIn(this.details, locale));
    if (this.suggestion !== null) {
      out += fill((this.suggestion.kind === 'option' ? HINTS.DID_YOU_MEAN_OPTION : HINTS.DID_YOU_MEAN)[locale], { suggestion: this.suggestion.text });
    } else if (this.columns !== null && this.columns.length > 0) {
      const shown = this.columns.slice(0, 12).map((c) => (locale === 'zh' ? `“${c}”` : `"${c}"`)).join(HINTS.LIST_SEPARATOR[locale]);
      out += fill(HINTS.HEADER_COLUMNS[locale], { list: this.columns.length > 12 ? `${shown} …` : shown });
    }
    return out;
  }
}

export function usage(code: UsageCode, details: Details = {}, suggestion: UsageError['suggestion'] = null): never {
  throw new UsageError(code, details, suggestion);
}

/** Errors about the input rather than the command line: pointing at the help would not help. */
const INPUT_CODES: ReadonlySet<UsageCode> = new Set([
  'FILE_NOT_FOUND', 'IS_DIRECTORY', 'NO_PERMISSION', 'CANNOT_READ', 'EMPTY_FILE', 'EMPTY_STDIN', 'NO_SUCH_COLUMN', 'NO_HEADER_WITH_COLUMN', 'NOT_FOR_INPUT',
]);

/** Print a usage error and, for errors in the command line, where help is; the exit code is 2. */
export function reportUsage(e: UsageError, locale: Locale, command: CommandName | null): number {
  const see = INPUT_CODES.has(e.code) ? '' : `${fill(HINTS.SEE_HELP[locale], { command: command === null ? '' : `${command} ` })}\n`;
  process.stderr.write(`indicator-expr: ${e.text(locale)}\n${see}`);
  return 2;
}

/**
 * The language of a command line, read before anything else so that even an error in
 * the options is reported in it: `--locale en` or `--locale=en` anywhere (before `--`).
 * Chinese otherwise; `--locale` is the one way to choose.
 */
export function localeOf(args: readonly string[]): Locale {
  let locale: Locale = 'zh';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const v = a === '--locale' ? args[i + 1] : a.startsWith('--locale=') ? a.slice('--locale='.length) : undefined;
    if (v === 'en' || v === 'zh') locale = v;
  }
  return locale;
}

/** The closest candidate within a few edits (a third of the word's length, rounded, at least 1), or null. */
export function nearest(word: string, candidates: Iterable<string>, key: (s: string) => string = (s) => s): string | null {
  const w = key(word);
  const limit = Math.max(1, Math.round(Array.from(w).length / 3));
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, key(c));
    if (d < bestD) { best = c; bestD = d; }
  }
  return best !== null && bestD <= limit ? best : null;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Flags<C extends CommandName> = UnionToIntersection<(typeof COMMANDS)[C]['sections'][number]['options']>;
type ValueOf<O> = O extends { type: 'boolean' } ? boolean : O extends { multiple: true } ? string[] : string;
/** The values of a command's options, typed from its table. */
export type Values<C extends CommandName> = { [K in keyof Flags<C>]?: ValueOf<Flags<C>[K]> };

export interface CommandLine<C extends CommandName> {
  readonly values: Values<C>;
  readonly positionals: string[];
}

/**
 * The options and positionals of one command. Node's parseArgs splits the tokens; each
 * option is then checked here against the command's table, so that the message can say
 * what was meant rather than what parseArgs expected.
 */
export function readCommandLine<C extends CommandName>(command: C, args: readonly string[]): CommandLine<C> {
  const specs = optionsOf(command);
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, s] of Object.entries(specs)) {
    config[name] = { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}) };
  }
  const { values, positionals, tokens } = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = specs[t.name];
    if (spec === undefined) {
      const suggestion = nearest(t.rawName, Object.keys(specs).map((n) => `--${n}`));
      usage('UNKNOWN_OPTION', { command, option: t.rawName }, suggestion === null ? null : { kind: 'option', text: suggestion });
    }
    if (spec.type === 'boolean') {
      if (t.inlineValue) usage('TAKES_NO_VALUE', { option: `--${t.name}` });
      continue;
    }
    // `--format --quiet`: the next option is not this one's value (a value of its own that
    // starts with "-" is written `--tolerance=-1`).
    if (t.value === undefined || (!t.inlineValue && /^-/.test(t.value) && t.value !== '-')) {
      usage('MISSING_VALUE', { option: `--${t.name}`, arg: argOf(spec) });
    }
  }
  return { values: values as Values<C>, positionals };
}

/** Whether the command line asks for help (`--help`, `-h`), whatever else it holds. */
export function asksForHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

function argOf(spec: OptionSpec): string {
  return spec.arg ?? spec.choices?.join('|') ?? '';
}

/**
 * A choice option's value, checked against its table row; a near miss (`--format tabel`)
 * gets a suggestion.
 */
export function readChoice<T extends string>(specs: Readonly<Record<string, OptionSpec>>, name: string, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  const choices = specs[name]?.choices ?? [];
  if (choices.includes(value)) return value as T;
  const suggestion = nearest(value, choices);
  throw new UsageError('BAD_CHOICE', { option: `--${name}`, choices: orList(choices), value }, suggestion === null ? null : { kind: 'name', text: suggestion });
}

/** `a, b or c` / `a、b 或 c`. */
export function orList(items: readonly string[]): Text {
  const join = (locale: Locale): string => (items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(HINTS.LIST_SEPARATOR[locale])} ${HINTS.OR[locale]} ${items.at(-1)}`);
  return { zh: join('zh'), en: join('en') };
}

// ---- help ------------------------------------------------------------------------------

const OPTION_COLUMN = 30;

function optionLines(section: Section, locale: Locale): string[] {
  const lines: string[] = [];
  for (const [name, spec] of Object.entries(section.options)) {
    const arg = argOf(spec);
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${arg ? ` ${arg}` : ''}`;
    const left = `  ${flag}`;
    const help = spec.help[locale];
    lines.push(left.length + 2 <= OPTION_COLUMN ? `${left.padEnd(OPTION_COLUMN)}${help}` : `${left}\n${' '.repeat(OPTION_COLUMN)}${help}`);
  }
  return lines;
}

/** The help of one command: usage, what it does, and its options by section. */
export function commandHelp(command: CommandName, locale: Locale): string {
  const c = COMMANDS[command];
  const colon = locale === 'zh' ? '：' : ':';
  const parts = [`${HELP_WORDS.usage[locale]}${locale === 'zh' ? '：' : ': '}indicator-expr ${c.usage}`, '', c.about[locale], ''];
  for (const s of c.sections as readonly Section[]) {
    parts.push(`${s.title[locale]}${colon}`, ...optionLines(s, locale), '');
  }
  parts.push(HELP_WORDS.exitCodes[locale]);
  return `${parts.join('\n')}\n`;
}

/** `indicator-expr --help`: the commands, one line each, and where to read more. */
export function mainHelp(locale: Locale): string {
  const title: Text = {
    zh: '读取、规范化、判断并计分预算绩效目标表（绩效目标表 / 绩效自评表）中的指标值。',
    en: 'Read, normalize, evaluate and score the target values of Chinese budget performance tables\n(绩效目标表 / 绩效自评表).',
  };
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const lines = [
    `indicator-expr ${VERSION}: ${title[locale]}`,
    '',
    `${HELP_WORDS.usage[locale]}${locale === 'zh' ? '：' : ':'}`,
    ...Object.values(COMMANDS).map((c) => `  indicator-expr ${c.usage.padEnd(width)}  ${c.summary[locale]}`),
    `  indicator-expr --help | --version`,
    '',
    HELP_WORDS.more[locale],
    '',
    HELP_WORDS.exitCodes[locale],
  ];
  return `${lines.join('\n')}\n`;
}
