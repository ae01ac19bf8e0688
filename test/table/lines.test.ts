import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { splitLines, type ByteLine } from '../../src/table/lines.js';
import { collect } from './helpers.js';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const view = (lines: ByteLine[], encoding: string) => lines.map((l) => [l.number, iconv.decode(Buffer.from(l.bytes), encoding), l.eol, l.tooLong]);

describe('splitLines', () => {
  const texts = ['a\nb\r\nc\rd', '\r\n\r\n', 'x\r', '一\r\n二\n\n三\r\r四\n', '', 'no ending'];

  it('gives the same lines for every chunk size, with LF, CRLF and lone CR', async () => {
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      const whole = view(await collect(splitLines(chunked(bytes, Math.max(1, bytes.length)), { unit: 1, maxLineBytes: 1000 })), 'utf8');
      for (let size = 1; size <= bytes.length; size++) {
        const got = view(await collect(splitLines(chunked(bytes, size), { unit: 1, maxLineBytes: 1000 })), 'utf8');
        expect(got, `${JSON.stringify(text)} in chunks of ${size}`).toEqual(whole);
      }
    }
    const lines = view(await collect(splitLines(chunked(Buffer.from('a\nb\r\nc\rd'), 1), { unit: 1, maxLineBytes: 9 })), 'utf8');
    expect(lines).toEqual([[1, 'a', '\n', false], [2, 'b', '\r\n', false], [3, 'c', '\r', false], [4, 'd', null, false]]);
    expect(view(await collect(splitLines(chunked(Buffer.from('x\r'), 1), { unit: 1, maxLineBytes: 9 })), 'utf8')).toEqual([[1, 'x', '\r', false]]);
  });

  it('splits UTF-16 on code units, whatever the chunking (an LF byte inside a character is no line end)', async () => {
    // U+0A0A and U+0D0D contain the bytes of LF and CR in both byte orders.
    const text = '\u0a0a甲\r\n\u0d0d乙\n丙';
    for (const [enc, bigEndian] of [['utf16le', false], ['utf16be', true]] as const) {
      const bytes = iconv.encode(text, enc);
      for (let size = 1; size <= bytes.length; size++) {
        const got = view(await collect(splitLines(chunked(bytes, size), { unit: 2, bigEndian, maxLineBytes: 1000 })), enc);
        expect(got).toEqual([[1, '\u0a0a甲', '\r\n', false], [2, '\u0d0d乙', '\n', false], [3, '丙', null, false]]);
      }
    }
  });

  it('drops a BOM, and cuts a line over the limit to an empty, flagged one', async () => {
    const bytes = Buffer.from('\ufeffab\n0123456789\ncd', 'utf8');
    for (let size = 1; size <= bytes.length; size++) {
      const got = view(await collect(splitLines(chunked(bytes, size), { unit: 1, skip: 3, maxLineBytes: 5 })), 'utf8');
      expect(got).toEqual([[1, 'ab', '\n', false], [2, '', '\n', true], [3, 'cd', null, false]]);
    }
  });
});
