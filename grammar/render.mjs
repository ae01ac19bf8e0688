// The files of grammar/, rendered from the parser. Pure: it is handed the grammar module
// (`dist/grammar.js` when run by generate.mjs, `src/grammar.ts` under vitest) and a reader
// of chevrotain's diagram files, so that the script and the test render the same bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The generated files of grammar/, by name. README.md is written by hand. */
export const GRAMMAR_FILES = ['grammar.json', 'grammar.ebnf', 'diagrams.html'];

/** Reads chevrotain's diagram files from wherever chevrotain is installed. */
export function chevrotainAssetReader() {
  // chevrotain's "exports" hides its other files; its entry is <package>/lib/src/api.js.
  const entry = createRequire(import.meta.url).resolve('chevrotain');
  const root = dirname(dirname(dirname(entry)));
  return (path) => readFileSync(join(root, 'diagrams', path), 'utf8');
}

const needsGroup = (items) => items.length !== 1 || items[0].type === 'Alternation';

function sequence(items) {
  return items.map(element).join(' ');
}

function grouped(items, suffix) {
  if (items.length === 1 && items[0].type === 'Alternation') return `${element(items[0])}${suffix}`;
  return needsGroup(items) ? `( ${sequence(items)} )${suffix}` : `${sequence(items)}${suffix}`;
}

function element(node) {
  switch (node.type) {
    case 'Terminal': return node.label ?? node.name;
    case 'NonTerminal': return node.name;
    case 'Option': return grouped(node.definition, '?');
    case 'Repetition': return grouped(node.definition, '*');
    case 'RepetitionMandatory': return grouped(node.definition, '+');
    case 'Alternation': return `( ${node.definition.map((alt) => sequence(alt.definition)).join(' | ')} )`;
    default: throw new Error(`grammar/render.mjs: no EBNF for a chevrotain node of type ${node.type}`);
  }
}

/**
 * One rule in EBNF (`name ::= …`; `?` optional, `*` any number, `+` one or more,
 * `|` alternatives). A rule that is one alternation puts each alternative on a line.
 */
export function ruleEbnf(rule) {
  const head = `${rule.name} ::= `;
  const body = rule.definition;
  if (body.length === 1 && body[0].type === 'Alternation') {
    const pad = ' '.repeat(head.length - 2);
    return body[0].definition.map((alt, i) => (i === 0 ? head : `${pad}| `) + sequence(alt.definition)).join('\n');
  }
  return head + sequence(body);
}

/** Every rule in the parser's order, as grammar.ebnf holds them. */
export function grammarEbnf(rules) {
  const header = [
    '(* The grammar of one target cell, drawn from the parser (src/parse/grammar.ts) by',
    '   grammar/generate.mjs: do not edit. Terminals are the lexer\'s tokens (grammar/README.md',
    '   lists the words each stands for). `?` optional, `*` any number, `+` one or more. *)',
  ];
  return `${header.join('\n')}\n\n${rules.map(ruleEbnf).join('\n\n')}\n`;
}

/** The terminals a grammar uses, in order of first use. */
export function terminalsOf(rules) {
  const seen = new Set();
  const walk = (node) => {
    if (node.type === 'Terminal') seen.add(node.label ?? node.name);
    for (const child of node.definition ?? []) walk(child);
  };
  rules.forEach(walk);
  return [...seen];
}

/** The generated files, by name: what `npm run grammar` writes and the test compares. */
export function grammarFiles(grammar, readAsset) {
  const rules = grammar.serializedGrammar();
  return {
    'grammar.json': `${JSON.stringify(rules, null, 2)}\n`,
    'grammar.ebnf': grammarEbnf(rules),
    'diagrams.html': grammar.grammarDiagramsHtml({ readAsset }),
  };
}
