import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The built command (`npm test` builds first; run `npx tsup` before running these alone). */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE = fileURLToPath(new URL('../../docs/examples/yancheng-2022.csv', import.meta.url));
export const XLSX = fileURLToPath(new URL('../fixtures/tables/targets.xlsx', import.meta.url));
export const SEED = fileURLToPath(new URL('../fixtures/seeds/000_7f723cec6acb35bc.txt', import.meta.url));

export interface Run {
  code: number | null;
  /** Standard output as text (UTF-8) and as bytes. */
  out: string;
  bytes: Buffer;
  err: string;
  /** Output lines, without the empty string after a final newline. */
  lines: string[];
}

/** Runs the built command; `COLUMNS` is cleared so that a table is as wide as off a terminal (100). */
export function run(args: string[], input?: string | Uint8Array, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input, cwd: ROOT, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '', COLUMNS: '', ...env },
  });
  const out = r.stdout.toString('utf8');
  const lines = out.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return { code: r.status, out, bytes: r.stdout, err: r.stderr.toString('utf8'), lines };
}

/** The jsonl rows of `check`, parsed. */
export function rows(r: Run): any[] {
  return r.lines.map((l) => JSON.parse(l));
}

/** A temp dir for one test file, removed when its tests are done. */
export function tempDir(): (name: string, content: string | Uint8Array) => string {
  const dir = mkdtempSync(join(tmpdir(), 'indicator-expr-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

/** A stack trace line of our code: never shown to users. */
export const STACK = /\bat .*\.(js|ts):\d+/;
