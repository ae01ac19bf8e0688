import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** A temp dir for one test file, removed when its tests are done. */
export function tempDir(): (name: string, content: string | Uint8Array) => string {
  const dir = mkdtempSync(join(tmpdir(), 'indicator-expr-table-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** The bytes concatenated from a writer. */
export async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** The real exported table (title rows, merged cells, repeated headers, HTML remnants). */
export const SEED = fileURLToPath(new URL('../fixtures/seeds/000_7f723cec6acb35bc.txt', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../fixtures/corpus/yancheng-2022.tsv', import.meta.url));
