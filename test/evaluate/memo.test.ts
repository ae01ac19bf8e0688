import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/evaluate/memo.js';
import { inferPolarity } from '../../src/evaluate/polarity.js';
import { createParser, evaluate, toJSON } from '../../src/index.js';
import type { Quantity } from '../../src/model/types.js';
import { evaluateWith } from '../../src/evaluate/evaluate.js';
import { makeEngine } from '../../src/parse/parse.js';
import { UNITS } from '../../src/vocab/units.js';

describe('what one parser\'s evaluations keep (Memo)', () => {
  const polarity = (n: string) => inferPolarity(n)?.polarity ?? null;

  it('gives what reading the key gives, reading it once', () => {
    const memo = new Memo<string | null>(512, 200);
    const names = ['贷款逾期率', '缴存职工满意度', '宣传资料印刷费（万元）', '培训人次', '零事故'];
    let reads = 0;
    const counted = (n: string) => { reads++; return polarity(n); };
    for (let round = 0; round < 3; round++) {
      for (const n of names) expect(memo.get(n, counted)).toBe(polarity(n));
    }
    expect(reads).toBe(names.length);
    expect(memo.size).toBe(names.length);
  });

  it('stays bounded however many keys it is given, and still answers each', () => {
    const memo = new Memo<string | null>(512, 200);
    for (let i = 0; i < 5000; i++) {
      const n = `${i}号${i % 2 === 0 ? '逾期率' : '满意度'}`;
      expect(memo.get(n, polarity)).toBe(i % 2 === 0 ? 'negative' : 'positive');
    }
    expect(memo.size).toBeLessThanOrEqual(1024);
    expect(memo.size).toBeGreaterThan(512);
  });

  it('keeps a key read again while newer keys come (a hit in the older generation moves to the newer)', () => {
    const memo = new Memo<number>(4, 200);
    let reads = 0;
    const read = (k: string) => { reads++; return k.length; };
    for (let i = 0; i < 20; i++) {
      memo.get('满意度', read);
      memo.get(`指标${i}`, read);
    }
    expect(reads).toBe(21);
  });

  it('does not keep a key longer than its limit', () => {
    const memo = new Memo<string | null>(512, 200);
    expect(memo.get(`${'项目'.repeat(150)}逾期率`, polarity)).toBe('negative');
    expect(memo.size).toBe(0);
  });
});

describe('actual values read once per parser', () => {
  it('give every evaluation the same verdict as a fresh parser', () => {
    const p = createParser();
    const pairs: [string, string][] = [['≥95%', '96.5%'], ['≥95%', '94%'], ['≤3个工作日', '4个工作日'], ['=100%', '100%'], ['健全', '健全'], ['≥95%', '达标啦'], ['≥95%', '95'], ['≥50万元', '52.3万']];
    const first = pairs.map(([t, a]) => toJSON(p.evaluate(t, a)));
    for (let round = 0; round < 3; round++) {
      pairs.forEach(([t, a], i) => {
        expect(toJSON(p.evaluate(t, a))).toEqual(first[i]);
        expect(toJSON(p.evaluate(t, a))).toEqual(toJSON(createParser().evaluate(t, a)));
      });
    }
  });

  it('give the reason of a text that is no quantity in the locale asked for, after it was read in the other', () => {
    const p = createParser();
    const zh = p.evaluate('≥95%', '达标啦', { locale: 'zh' });
    const en = p.evaluate('≥95%', '达标啦', { locale: 'en' });
    expect(en.reason?.message).toBe(en.reason?.messages.en);
    expect(zh.reason?.message).toBe(zh.reason?.messages.zh);
    expect(en.reason?.messages).toEqual(zh.reason?.messages);
  });

  it('read 分 as a cent anew: a reading with 分 as a score is not given to it', () => {
    const p = createParser();
    expect(p.evaluate('≥90分', '95分').status).toBe('pass');
    const cent = p.evaluate('≥1元', '95分', { fen: 'cent' });
    expect(cent.status).toBe('fail');
    expect(toJSON(cent)).toEqual(toJSON(createParser().evaluate('≥1元', '95分', { fen: 'cent' })));
  });

  it('cannot be changed through one verdict for another', () => {
    const p = createParser();
    const v1 = p.evaluate('≥50万元', '52.3万元');
    const q = v1.actual as Quantity;
    expect(() => { (q as { unit: string }).unit = '元'; }).toThrow();
    const d = q.value as unknown as { d: number[] };
    d.d[0] = 1;
    expect(() => { (q.base as { unit: string }).unit = 'x'; }).toThrow();
    const v2 = p.evaluate('≥50万元', '52.3万元');
    expect(toJSON(v2)).toEqual(toJSON(createParser().evaluate('≥50万元', '52.3万元')));
    expect(v2.status).toBe('pass');
  });
});

describe('an actual written as a bound or as labelled values', () => {
  it('is read as a target once in an evaluation, for its labelled values and its bound alike', () => {
    // The parser keeps a cell from the second time it reads it: a text read twice is kept.
    const engine = makeEngine(UNITS);
    const v = evaluateWith(engine, '满意度≥90%', '≥95%');
    expect(v.status).toBe('pass');
    expect(engine.cache.size).toBe(0);
    evaluateWith(engine, '满意度≥90%', '≥95%');
    expect(engine.cache.size).toBe(2);
  });
});

describe('a memo that keeps a key from its second reading', () => {
  it('reads a key twice, then never again', () => {
    const memo = new Memo<number>(512, 64, 4096);
    let reads = 0;
    const read = (k: string) => { reads++; return k.length; };
    for (let i = 0; i < 5; i++) expect(memo.get('52.3万元', read)).toBe(6);
    expect(reads).toBe(2);
    expect(memo.size).toBe(1);
  });

  it('keeps none of a column of values each written once', () => {
    const memo = new Memo<number>(512, 64, 4096);
    for (let i = 0; i < 3000; i++) memo.get(`${i}.5万元`, (k) => k.length);
    expect(memo.size).toBe(0);
  });
});
