import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No source file reaches inside decimal.js (contract.md, "Dependencies through their public
 * APIs"), checked on the type-checked program rather than on text, so that the rules follow
 * the types: `.d` of a Rational (its denominator) or `.s` of the lexer (its text) is ours,
 * `.d` of a Decimal is not.
 *
 * - fields: every `d`, `e` or `s` read, written or destructured is a property declared in
 *   src/, never one of decimal.js's declarations, never unresolved (an `any`, an index
 *   signature such as `Record<string, unknown>` that would reach any object's fields);
 * - shapes: no type in src/ declares two of `d`, `e`, `s` (the shape of a decimal's fields,
 *   which is how a cast would read them);
 * - casts: no decimal is cast to a type that is not a decimal (`x as unknown as …`);
 * - prototypes: nothing takes a decimal constructor's `prototype`, and no `Object.*` or
 *   `Reflect.*` function (create, setPrototypeOf, getPrototypeOf, assign, defineProperty …)
 *   gets a decimal or a decimal constructor;
 * - imports: decimal.js is imported by src/numbers/decimal.ts only, by its package name.
 * A sample file with each of these is scanned too, to show that each rule finds what it is for.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');
const SAMPLE = join(SRC, 'numbers', 'forged-sample.ts');

/** Each line of the sample that rules must flag ends with `// rule-name …`. */
const SAMPLE_TEXT = `
import DecimalJs from 'decimal.js'; // imports
import { D, type Decimal } from './decimal.js';
type Fields = { d: number[]; e: number; s: number }; // shapes
export const a = (x: Decimal) => x.d; // fields
export const b = (x: Decimal) => (x as unknown as Fields).e; // casts
export const c = (x: Decimal) => { const { s } = x; return s; }; // fields
export const f = (x: Record<string, unknown>) => x['d']; // fields
export const g = () => Object.create(D.prototype) as Decimal; // prototypes
export const h = (x: Decimal) => Object.getPrototypeOf(x); // prototypes
export const i = (x: any) => x.e; // fields
export const j = (x: Decimal) => { (x as any).d = [1]; }; // fields casts
export const k = (x: Decimal) => Object.assign(x, { e: 1 }); // prototypes
export function Blank() {}
Blank.prototype = DecimalJs.prototype; // prototypes
export const ok = (x: Decimal, r: { d: Decimal }) => x.plus(r.d).toFixed();
`;

const FIELDS = new Set(['d', 'e', 's']);

interface Finding { readonly file: string; readonly line: number; readonly rule: string; readonly text: string }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

function options(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

function scan(files: readonly string[], extra?: { path: string; text: string }): Finding[] {
  const opts = options();
  const host = ts.createCompilerHost(opts);
  if (extra) {
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.getSourceFile = (name, lang, ...rest) => (name === extra.path ? ts.createSourceFile(name, extra.text, lang) : getSourceFile(name, lang, ...rest));
    host.fileExists = (name) => name === extra.path || fileExists(name);
  }
  const program = ts.createProgram(extra ? [...files, extra.path] : [...files], opts, host);
  const checker = program.getTypeChecker();

  const inSrc = (node: ts.Node): boolean => {
    const f = node.getSourceFile().fileName;
    return !relative(SRC, f).startsWith('..') && !f.includes(`${sep}node_modules${sep}`) && !f.includes('/node_modules/');
  };
  const fromDecimalJs = (t: ts.Type): boolean => {
    if (t.isUnionOrIntersection()) return t.types.some(fromDecimalJs);
    const symbol = t.getSymbol() ?? t.aliasSymbol;
    return symbol?.declarations?.some((d) => /[\\/]node_modules[\\/]decimal\.js[\\/]/.test(d.getSourceFile().fileName)) ?? false;
  };
  const isDecimal = (node: ts.Node): boolean => fromDecimalJs(checker.getTypeAtLocation(node));
  const ours = (symbol: ts.Symbol | undefined): boolean => {
    const decls = symbol?.declarations ?? [];
    return decls.length > 0 && decls.every(inSrc);
  };

  const findings: Finding[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!inSrc(sf) || sf.isDeclarationFile) continue;
    const flag = (node: ts.Node, rule: string): void => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      findings.push({ file: relative(ROOT, sf.fileName), line, rule, text: node.getText(sf).slice(0, 80) });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && FIELDS.has(node.name.text)) {
        if (!ours(checker.getSymbolAtLocation(node.name))) flag(node, 'fields');
      } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && FIELDS.has(node.argumentExpression.text)) {
        if (!ours(checker.getTypeAtLocation(node.expression).getProperty(node.argumentExpression.text))) flag(node, 'fields');
      } else if (ts.isObjectBindingPattern(node)) {
        const type = checker.getTypeAtLocation(node);
        for (const el of node.elements) {
          const key = el.propertyName ?? el.name;
          if (ts.isIdentifier(key) && FIELDS.has(key.text) && !ours(type.getProperty(key.text))) flag(el, 'fields');
        }
      }
      if ((ts.isTypeLiteralNode(node) || ts.isInterfaceDeclaration(node) || ts.isClassLike(node))
        && node.members.filter((m) => m.name !== undefined && ts.isIdentifier(m.name) && FIELDS.has(m.name.text)).length >= 2) {
        flag(node, 'shapes');
      }
      if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && isDecimal(node.expression) && !fromDecimalJs(checker.getTypeFromTypeNode(node.type))) {
        flag(node, 'casts');
      }
      if (ts.isPropertyAccessExpression(node) && (node.name.text === 'prototype' || node.name.text === '__proto__') && isDecimal(node.expression)) {
        flag(node, 'prototypes');
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression)
        && ['Object', 'Reflect'].includes(node.expression.expression.text) && node.arguments.some(isDecimal)) {
        flag(node, 'prototypes');
      }
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
        && /^decimal\.js(\/|$)/.test(node.moduleSpecifier.text)
        && (node.moduleSpecifier.text !== 'decimal.js' || relative(SRC, sf.fileName) !== join('numbers', 'decimal.ts'))) {
        flag(node, 'imports');
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = node.arguments;
        if (arg && ts.isStringLiteral(arg) && /^decimal\.js(\/|$)/.test(arg.text)) flag(node, 'imports');
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return findings;
}

describe('no source reaches inside decimal.js', () => {
  const files = sourceFiles(SRC);
  // One type-checked program for src/ and the sample beside it.
  const found = scan(files, { path: SAMPLE, text: SAMPLE_TEXT });
  const sample = relative(ROOT, SAMPLE);

  it('finds each forbidden use in a sample', () => {
    const expected = SAMPLE_TEXT.split('\n').flatMap((l, i) => {
      const m = /\/\/ ([\w ]+)$/.exec(l);
      return m ? m[1]!.split(' ').map((rule) => ({ line: i + 1, rule })) : [];
    });
    const got = found.filter((f) => f.file === sample).map((f) => ({ line: f.line, rule: f.rule }));
    // Every marked line is found with its rules, and nothing else (`ok` reads a `d` of its own type).
    expect(uniq(got)).toEqual(expected);
  });

  it('finds none in src/', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(found.filter((f) => f.file !== sample)).toEqual([]);
  });
});

function uniq<T>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
