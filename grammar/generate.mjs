#!/usr/bin/env node
// Regenerates grammar/grammar.json, grammar.ebnf and diagrams.html from the built parser
// (`npm run grammar` builds first). test/docs/grammar.test.ts fails when they are stale.
import { writeFileSync } from 'node:fs';
import { chevrotainAssetReader, grammarFiles } from './render.mjs';

const grammar = await import(new URL('../dist/grammar.js', import.meta.url).href);
const files = grammarFiles(grammar, chevrotainAssetReader());
for (const [name, text] of Object.entries(files)) {
  writeFileSync(new URL(name, import.meta.url), text);
  process.stdout.write(`grammar/${name}\n`);
}
