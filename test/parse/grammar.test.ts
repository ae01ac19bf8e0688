import { describe, expect, it } from 'vitest';
import { CellParser } from '../../src/parse/grammar.js';

describe('the grammar', () => {
  it('passes chevrotain’s own validations (the shipped parser skips them to start fast)', () => {
    expect(() => new CellParser(true)).not.toThrow();
  });
});
