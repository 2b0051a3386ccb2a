/**
 * src/engine/codegen.ts: `literal` writes a finite double as source that reads back to the same
 * bits (subnormals, −0, the extremes included) and refuses anything else; `setCodegen(false)`
 * makes `compile` answer null (the generic kernels run), `setCodegen(null)` detects again.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { codegenAllowed, compile, literal, setCodegen } from '../../src/engine/codegen.js';

afterEach(() => setCodegen(null));

/** What the source evaluates to, as an expression standing after a unary minus and inside a product (where parentheses matter). */
const read = (src: string) => new Function(`return [${src}, -${src}, 2 * ${src} / 2]`)() as [number, number, number];

describe('literal', () => {
  it('reads back to the same double, bit for bit, for every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const [y, neg] = read(literal(x));
        expect(Object.is(y, x)).toBe(true);
        expect(Object.is(neg, -x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back the edges: −0, the subnormals, the largest and the smallest doubles, 2^53 ± 1, 1e21', () => {
    const edges = [-0, 0, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, 2.225073858507201e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON, 2 ** 53 - 1, 2 ** 53 + 2, 1e21, 1e-7, 0.1, 1 / 3];
    for (const x of edges) expect(Object.is(read(literal(x))[0], x)).toBe(true);
    expect(literal(-0)).toBe('(-0)');
    expect(Object.is(read(literal(-0))[1], 0)).toBe(true);
  });

  it('refuses non-finite numbers and anything that is not a number, with a TypeError', () => {
    for (const x of [NaN, Infinity, -Infinity, '1', 1n, null, undefined, { valueOf: () => 1 }, [1]]) {
      expect(() => literal(x as number)).toThrow(TypeError);
    }
    expect(() => literal(NaN)).toThrow(/finite numbers only/);
  });
});

describe('setCodegen', () => {
  it('false: compile answers null and the generic kernels run; null: detected again (allowed in Node)', () => {
    setCodegen(false);
    expect(codegenAllowed()).toBe(false);
    expect(compile(['a'], 'return a + 1')).toBeNull();
    setCodegen(null);
    expect(codegenAllowed()).toBe(true);
    expect(compile<number>(['a'], 'return a + 1')!(1)).toBe(2);
  });
});
