#!/usr/bin/env node
// Fills the generated regions of docs/ and grammar/README.md from the built library
// (`npm run docs:tables` builds first). test/docs/docs.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docsFiles, nodeRunner } from './render.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (name) => import(new URL(`../dist/${name}`, import.meta.url).href);
const lib = { index: await dist('index.js'), grammar: await dist('grammar.js'), run: nodeRunner(root) };

for (const [path, text] of Object.entries(docsFiles(lib, root))) {
  const file = `${root}${path}`;
  if (readFileSync(file, 'utf8') === text) continue;
  writeFileSync(file, text);
  process.stdout.write(`${path}\n`);
}
