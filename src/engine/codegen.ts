/**
 * Kernels specialised to a plan's shape (docs/performance.md, "Specialised kernels"): a kernel
 * generator writes a block loop with the plan's constants as literals and compiles it with
 * `new Function`, once per shape. Two rules keep this safe and exact:
 * - No user text ever enters generated code: only numbers, through {@link literal} (finite
 *   doubles written so that they read back to the same bits), and structural choices from a
 *   fixed set chosen by the generator. Names, formulas and strings stay data or closures.
 * - Where code generation is refused (a content-security policy without 'unsafe-eval', detected
 *   once by {@link compile}) the generic kernel runs: the same bits, by the law that holds the two
 *   equal (test/engine/codegen.test.ts and the per-kernel laws).
 */

/**
 * A finite double as JavaScript source that evaluates to the same double, bit for bit (−0
 * included), in parentheses so that it may stand anywhere an expression does. Anything else is a
 * TypeError: generated code holds numbers only.
 * (`literal(0.1)` is `'(0.1)'`, `literal(-0)` is `'(-0)'`.)
 */
export function literal(x: number): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new TypeError(`literal: generated code holds finite numbers only (got ${String(x)})`);
  return `(${Object.is(x, -0) ? '-0' : String(x)})`;
}

import { show } from '../args.js';

/** Whether `new Function` works here: null until first asked. */
let allowed: boolean | null = null;

/** Forces code generation off (`false`: the generic kernels everywhere) or back to detection (`null`), e.g. for a test of the generic path. */
export function setCodegen(on: false | null): void {
  allowed = on;
}

/**
 * Whether the library may generate kernels specialised to a plan: `'auto'` (the default: wherever
 * the runtime allows `new Function`, detected once) or `'off'` (never: the generic kernels, with
 * the same numbers). A page whose content-security policy refuses eval runs the generic kernels
 * either way; `'off'` spares it the one attempt, which a browser reports as a CSP violation. The
 * web worker pool passes 'off' (or a refusal met here) on to its workers.
 * @example kernelCodegen('auto') // => undefined
 */
export function kernelCodegen(mode: 'auto' | 'off'): void {
  if (mode !== 'auto' && mode !== 'off') throw new TypeError(`kernelCodegen: mode must be 'auto' or 'off' (got ${show(mode)})`);
  allowed = mode === 'off' ? false : null;
}

/** Whether code generation is known to be off here (set off, or refused when tried), without trying it. */
export function codegenOff(): boolean {
  return allowed === false;
}

/** Whether kernels may be generated here (detected once: a page whose CSP refuses eval answers no). */
export function codegenAllowed(): boolean {
  if (allowed === null) {
    try {
      allowed = new Function('return 1')() === 1;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/**
 * Compiles generated source into a function of `args` (the closures and classes it calls, passed
 * in rather than reached by name), or null where code generation is refused: the caller then runs
 * its generic kernel.
 */
export function compile<F>(args: readonly string[], body: string): ((...deps: unknown[]) => F) | null {
  if (!codegenAllowed()) return null;
  try {
    return new Function(...args, body) as (...deps: unknown[]) => F;
  } catch (e) {
    // A CSP refusal (EvalError) turns generation off for good; anything else is a generator's bug.
    if (e instanceof EvalError) {
      allowed = false;
      return null;
    }
    throw e;
  }
}
