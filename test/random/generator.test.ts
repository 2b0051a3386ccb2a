import seedrandom from 'seedrandom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Xor4096 } from '../../src/random/generator.js';

describe('the inlined xor4096 is seedrandom’s, number for number', () => {
  it('int32, uniform, double and fillUniform follow seedrandom.xor4096 for any key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (key) => {
        const ref = seedrandom.xor4096(key);
        const g = new Xor4096(key);
        for (let i = 0; i < 50; i++) expect(g.int32()).toBe(ref.int32());
        for (let i = 0; i < 50; i++) expect(g.uniform()).toBe(ref());
        for (let i = 0; i < 50; i++) expect(g.double()).toBe(ref.double());
        const buf = new Float64Array(300);
        g.fillUniform(buf, 10, 300);
        for (let i = 10; i < 300; i++) expect(buf[i]).toBe(ref());
      }),
      { numRuns: 50 },
    );
  });
});
