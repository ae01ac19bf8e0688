import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What `npm install indicator-expr` unpacks, against the table in docs/README.md ("What the
 * package ships"): every packed file is one the table names and says why it ships, and no
 * file the table drops (source maps) is packed. `npm test` builds dist/ first.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const packed = (): string[] => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
};

/** The file patterns of the table between `<!-- tarball -->` and `<!-- /tarball -->`, as regular expressions. */
const documented = (): RegExp[] => {
  const page = readFileSync(new URL('../../docs/README.md', import.meta.url), 'utf8');
  const table = page.slice(page.indexOf('<!-- tarball -->'), page.indexOf('<!-- /tarball -->'));
  const names = [...table.matchAll(/^\| ([^|]+)\|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((n) => n[1]!));
  const escape = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return names.map((n) => new RegExp(`^${escape(n).replace(/\*/g, '[^/]*')}$`));
};

describe('the published package', () => {
  const files = packed();
  const patterns = documented();

  it('holds only files that docs/README.md says why it ships', () => {
    expect(patterns.length).toBeGreaterThan(8);
    expect(files.filter((f) => !patterns.some((p) => p.test(f)) && !/^dist\/[\w-]+\.js$/.test(f))).toEqual([]);
  });

  it('holds every entry of package.json and no source map', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown>; bin: Record<string, string> };
    const targets = JSON.stringify(pkg.exports).match(/\.\/dist\/[^"]+/g)!.map((p) => p.slice(2));
    expect(targets.filter((t) => !files.includes(t))).toEqual([]);
    expect(files).toContain(pkg.bin['indicator-expr']!.slice(2));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']));
  });

  it('carries where it comes from and where to report bugs', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ repository: { type: 'git' }, bugs: { url: expect.stringMatching(/^https:/) }, homepage: expect.stringMatching(/^https:/) });
  });
});
