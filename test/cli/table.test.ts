import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/text.js';
import { CLI, EXAMPLE, ROOT, run } from './helpers.js';

/** `check --format table` fits the width it is given, and keeps every line number whole. */
/** The widest line of the table (the summary after it is prose, and wraps as the terminal wraps it). */
const widest = (text: string): number => Math.max(...text.split('\n\n')[0]!.split('\n').map(displayWidth));
const table = (env: NodeJS.ProcessEnv = {}, input?: string) => run(['check', input === undefined ? EXAMPLE : '-', '--format', 'table'], input, env);

describe('--format table: width', () => {
  it('is at most 100 columns off a terminal, Chinese characters counted as two', () => {
    const r = table();
    expect(r.code).toBe(0);
    expect(widest(r.out)).toBeLessThanOrEqual(100);
    // Counted in display columns, the widest line is 100; in UTF-16 units it is far shorter.
    const line = r.lines.find((l) => displayWidth(l) === 100)!;
    expect(line).toBeDefined();
    expect(line.length).toBeLessThan(90);
  });

  it('fits COLUMNS: narrower, long cells are cut with … and the reason wraps under its column', () => {
    const r = table({ COLUMNS: '80' });
    expect(widest(r.out)).toBeLessThanOrEqual(80);
    const at = r.lines.findIndex((l) => l.startsWith('14  '));
    expect(r.lines[at]).toMatch(/^14 {2}预算执行率 +=100% +96\.8% +未达成 +0\.97\/1 {2}实际值/);
    // The continuations start where the note starts, and hold the rest of it.
    const noteColumn = displayWidth(r.lines[at]!.slice(0, r.lines[at]!.indexOf('实际值')));
    const rest = r.lines.slice(at + 1, r.lines.findIndex((l, i) => i > at && /^\d/.test(l)));
    expect(rest.length).toBeGreaterThan(0);
    for (const l of rest) expect(displayWidth(l.match(/^ */)![0])).toBe(noteColumn);
    expect([r.lines[at]!.slice(r.lines[at]!.indexOf('实际值')), ...rest].join('').replace(/ /g, '')).toBe('实际值96.8%未达到目标≥100%');
    expect(r.out).toContain('…');
    // Every data row still comes out, in order.
    expect(r.lines.filter((l) => /^ *\d+ {2}/.test(l)).map((l) => Number(l.trim().split(' ')[0]))).toEqual(Array.from({ length: 87 }, (_, i) => i + 3));
  });

  it('uses the room it has: at 200 columns nothing is cut or wrapped', () => {
    const r = table({ COLUMNS: '200' });
    expect(r.out).toContain('2022年“新市民”专项资金补贴金额  ');
    expect(r.out).toContain('实际值 1186.5万元 未达到目标 ≥1200万元\n');
    expect(r.out).not.toContain('…');
    expect(widest(r.out)).toBeLessThanOrEqual(200);
  });

  it('never cuts a line number, past 999 and past the rows the columns were sized on', () => {
    const body = Array.from({ length: 1200 }, (_, i) => `指标${i},≥${i}%,${i}%`).join('\n');
    const r = table({}, `三级指标,全年指标值,实际完成值\n${body}\n`);
    expect(r.code).toBe(0);
    const data = r.lines.filter((l) => /^ *\d+ {2}指标/.test(l));
    expect(data).toHaveLength(1200);
    expect(data.map((l) => Number(l.trim().split(' ')[0]))).toEqual(Array.from({ length: 1200 }, (_, i) => i + 2));
    expect(r.out).not.toMatch(/^ *\d+…/m);
    // Cells of later rows, longer than the rows the columns were sized on, get some room.
    expect(r.out).toMatch(/\n1201 {2}指标1199 +≥1199% +1199% +达成\n/);
    // And the rows stay aligned: the status word starts at the same column in each.
    const columns = new Set(data.map((l) => displayWidth(l.slice(0, l.indexOf('达成')))));
    expect(columns.size).toBe(1);
  });

  it('fits the terminal it is on (a pty of 70 columns)', () => {
    if (!existsSync('/usr/bin/script')) return;
    const out = spawnSync('/usr/bin/script', ['-qec', `stty cols 70 rows 50; ${process.execPath} ${CLI} check ${EXAMPLE} --color never`, '/dev/null'], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, COLUMNS: '' }, timeout: 30_000,
    }).stdout.replace(/\r\n/g, '\n');
    expect(out).toContain('总分 93.1 / 100');
    expect(widest(out)).toBeLessThanOrEqual(70);
    expect(widest(out)).toBeGreaterThan(60);
  });
});
