import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chevrotainAssetReader, grammarFiles, ruleEbnf, terminalsOf, GRAMMAR_FILES } from '../../grammar/render.mjs';
import * as grammar from '../../src/grammar.js';
import { TOKEN_EXAMPLES } from '../../src/vocab/token-examples.js';

/**
 * grammar/ is drawn from the parser: these fail when the committed files differ from what
 * the current parser gives. Run `npm run grammar` to regenerate them.
 */
const committed = (name: string): string => readFileSync(new URL(`../../grammar/${name}`, import.meta.url), 'utf8');
const fresh = grammarFiles(grammar, chevrotainAssetReader());

describe('grammar/ is generated from the parser', () => {
  it.each(GRAMMAR_FILES)('grammar/%s is up to date (npm run grammar)', (name) => {
    expect(fresh[name], `grammar/${name} is stale: run npm run grammar`).toBeDefined();
    // Compared as whole strings: a mismatch names the file, and the diff shows the change.
    expect(committed(name)).toBe(fresh[name]);
  });

  it('the JSON is the parser\'s own serialized productions', () => {
    const rules = JSON.parse(committed('grammar.json')) as { name: string }[];
    expect(rules.map((r) => r.name)).toEqual(['cell', 'segment', 'qualitative', 'quantitative', 'trend', 'dates', 'between', 'bracket', 'plusMinus', 'value', 'quantity', 'postfix']);
    expect(rules).toEqual(grammar.serializedGrammar());
  });

  it('the diagrams page is self-contained: no script, style sheet or image is loaded from elsewhere', () => {
    const html = committed('diagrams.html');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*\shref=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain('window.serializedGrammar');
    expect(html).toContain('root.railroad'); // the diagram library itself, inlined
    // Without a reader the page refers to chevrotain's files on unpkg, as chevrotain does.
    expect(grammar.grammarDiagramsHtml()).toMatch(/<script src='https:\/\/unpkg\.com\/chevrotain@[\d.]+\/diagrams\/vendor\/railroad-diagrams\.js'><\/script>/);
  });

  it('inlining refuses a file that would close its own tag', () => {
    const read = (path: string): string => (path.endsWith('main.js') ? 'var s = "</script>";' : '');
    expect(() => grammar.grammarDiagramsHtml({ readAsset: read })).toThrow(/src\/main\.js contains "<\/script"/);
  });

  it('what it returns is a frozen copy: changing it cannot reach the parser', () => {
    const rules = grammar.serializedGrammar();
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(rules[0])).toBe(true);
    expect(grammar.serializedGrammar()).not.toBe(rules);
    const v = grammar.vocabulary();
    expect(Object.isFrozen(v.opsBefore[0])).toBe(true);
    expect(Object.isFrozen(v.units[0]!.spellings)).toBe(true);
  });
});

describe('the diagrams page is written for readers (not only for grammar authors)', () => {
  const html = committed('diagrams.html');
  const terminals = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const n = node as { type?: string; name?: string };
      if (n.type === 'Terminal' && n.name) terminals.add(n.name);
      Object.values(node).forEach(walk);
    }
  };
  walk(grammar.serializedGrammar());

  it('opens with a heading and an introduction in Chinese and English, and a legend', () => {
    expect(html).toContain('<h1>指标值的语法 · The grammar of a target cell</h1>');
    expect(html).toMatch(/<p>绩效目标表中一个指标值单元格[^<]*<code>/);
    expect(html).toMatch(/<p class="en">How one target cell/);
    expect(html).toContain('<h2>图例 · Legend</h2>');
    expect(html.indexOf('<div class="intro">')).toBeLessThan(html.indexOf('<div id="diagrams"'));
  });

  it('every token of the grammar has example words, and its box shows them beside its name', () => {
    expect([...terminals].filter((name) => !TOKEN_EXAMPLES.has(name))).toEqual([]);
    const labels = new Set([...html.matchAll(/^\s*"label": "([^"]*)",$/gm)].map((m) => m[1]!.trimEnd()));
    expect(labels).toContain('CompareOp: ≥ / 不低于 / ≤ / 不超过');
    for (const name of terminals) expect([...labels].some((l) => l.startsWith(`${name}: `)), name).toBe(true);
  });

  it('the examples of a word-list token are words of that list', () => {
    const v = grammar.vocabulary() as unknown as Record<string, readonly (string | { word: string })[]>;
    const strip = (w: string): string => w.replace(/^（(.*)）$/, '$1');
    for (const [name, e] of TOKEN_EXAMPLES) {
      if (!e.from) continue;
      const words = new Set(v[e.from]!.map((x) => (typeof x === 'string' ? x : x.word)));
      expect(e.examples.map(strip).filter((w) => !words.has(w)), `${name} from ${e.from}`).toEqual([]);
    }
  });

  it('escapes what it writes: a title with markup stays text', () => {
    expect(grammar.grammarDiagramsHtml({ title: '<b>x</b>' })).toContain('<title>&#60;b&#62;x&#60;/b&#62;</title>');
  });
});

describe('the EBNF printer', () => {
  const rules = grammar.serializedGrammar();
  const rule = (name: string) => rules.find((r) => (r as { name?: string }).name === name)!;

  it('prints sequences, options, repetitions and alternations', () => {
    expect(ruleEbnf(rule('quantity'))).toBe('quantity ::= PercentOf? Number Unit?');
    expect(ruleEbnf(rule('qualitative'))).toBe('qualitative ::= Word+');
    expect(ruleEbnf(rule('cell'))).toBe('cell ::= segment ( Separator segment )*');
    expect(ruleEbnf(rule('value'))).toBe('value ::= ( ( CompareOp | ApproxPre ) Aside* )? Intent* quantity ( ( RangeSep | PlusMinus ) quantity )? postfix* ( Aside | Trend | Intent )*');
  });

  it('puts each alternative of a rule that is one alternation on its own line', () => {
    expect(ruleEbnf(rule('postfix'))).toBe('postfix ::= PostOp\n          | ApproxPost\n          | Strictness');
  });

  it('lists the terminals in order of first use', () => {
    expect(terminalsOf(rules).slice(0, 4)).toEqual(['Separator', 'Word', 'Text', 'Intent']);
    expect(new Set(terminalsOf(rules)).size).toBe(terminalsOf(rules).length);
  });
});
