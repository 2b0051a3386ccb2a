/**
 * The one file that imports mathjs (heavy dependencies behind one adapter): the few functions the
 * library takes from it, re-exported as they are. The linear algebra of the fit is
 * ./linear-algebra.ts, the formula compiler ./formula.ts; both reach mathjs only through here.
 */
export { erf, inv, lusolve, parse, type MathNode } from 'mathjs';
