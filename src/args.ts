/**
 * Argument checks shared by every public function: one vocabulary of errors (TypeError for kinds, RangeError for values, the function named).
 * A value of the wrong kind is a TypeError, a value of the right kind outside what is allowed a
 * RangeError; every message names the function, the argument and what is allowed, and shows what
 * was given. Nothing is coerced: `'0.5'` is not a number and `null` is not a level.
 *
 * Options objects are checked as closed records: an unknown key (a misspelt `volumeMT`) is an
 * error that lists the allowed keys, never silently ignored.
 */

/** A short, safe rendering of any value for messages (bigints, symbols and cycles included). */
export function show(x: unknown): string {
  switch (typeof x) {
    case 'number':
      return Object.is(x, -0) ? '-0' : String(x);
    case 'bigint':
      return `${x}n (a bigint)`;
    case 'symbol':
      return `${String(x)} (a symbol)`;
    case 'function':
      return 'a function';
    case 'undefined':
      return 'nothing';
    case 'string':
      return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
    default:
      break;
  }
  if (x instanceof Float64Array || x instanceof Float32Array) return `a ${x.constructor.name} of ${x.length}`;
  const boxed = boxedPrimitive(x);
  if (boxed !== null) return boxed;
  try {
    const s = JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return s === undefined ? String(x) : s.length > 60 ? `${s.slice(0, 60)}…` : s;
  } catch {
    return Array.isArray(x) ? `an array of ${x.length}` : 'an object';
  }
}

/**
 * A boxed primitive (`new Number(2028)`, `new String('a')`, `new Boolean(true)`) shown as what it
 * is: it prints and serialises as its value, so "must be a whole year (got 2028)" would hide why
 * it was refused. Detected by the wrapper's own `valueOf`, which throws on anything else (so a
 * faked Symbol.toStringTag or another realm's wrapper makes no difference).
 */
function boxedPrimitive(x: unknown): string | null {
  for (const [Box, kind] of [[Number, 'number'], [String, 'string'], [Boolean, 'boolean']] as const) {
    try {
      const v: unknown = (Box.prototype.valueOf as (this: unknown) => unknown).call(x);
      const inner = typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : Object.is(v, -0) ? '-0' : String(v);
      return `new ${Box.name}(${inner}), a ${Box.name} object, not a ${kind}`;
    } catch {
      // not this wrapper
    }
  }
  return null;
}

/**
 * Checks that `o` is a plain options object with only the `allowed` keys and every `required`
 * one, and returns it. An undefined `o` is allowed only when nothing is required.
 */
export function options<T extends object>(fn: string, o: unknown, allowed: readonly string[], required: readonly string[] = []): T {
  const expected = required.length > 0 ? `an object with ${required.join(', ')}` : 'an object';
  if (o === undefined && required.length === 0) return {} as T;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) {
    throw new TypeError(`${fn}: options must be ${expected} (got ${show(o)})`);
  }
  // A plain object: its own keys are all there is (keys inherited from a prototype would be read
  // but never checked). A revoked Proxy cannot be read at all.
  // (Any realm's Object.prototype will do: an object from a notebook's or a worker's realm is plain.)
  let plain: boolean;
  try {
    const proto = Object.getPrototypeOf(o) as object | null;
    plain = proto === null || Object.getPrototypeOf(proto) === null;
  } catch (e) {
    throw new TypeError(`${fn}: options could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!plain) {
    throw new TypeError(`${fn}: options must be a plain object ({ … } or JSON), not an object with a prototype of its own (got ${show(o)})`);
  }
  const unknown = Object.keys(o).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new TypeError(`${fn}: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} (allowed: ${allowed.join(', ')})`);
  }
  for (const k of required) {
    if ((o as Record<string, unknown>)[k] === undefined) throw new TypeError(`${fn}: ${k} is required (options must be ${expected})`);
  }
  return o as T;
}

/**
 * Whether options `o` (any value) ask for `key`, for a function that dispatches on it before its
 * checks: an unreadable object (a revoked Proxy) is a TypeError naming `fn`, not a native error.
 */
export function asks(fn: string, o: unknown, key: string): boolean {
  if (o === null || typeof o !== 'object') return false;
  try {
    return key in o;
  } catch (e) {
    throw new TypeError(`${fn}: options could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * A whole number of paths or trips in [2, max]: every estimate of a run carries a standard error,
 * and one draw gives none (the sample variance's n − 1 is 0: reporting 0 would claim an exact
 * answer). A 1 gets that reason in its message.
 */
export function sampleSize(fn: string, name: string, x: unknown, max: number): number {
  if (x === 1) throw new RangeError(`${fn}: ${name} must be a whole number in [2, ${max}] (got 1): a standard error needs at least 2`);
  return wholeNumber(fn, name, x, 2, max);
}

/** A number of the right kind (TypeError otherwise); NaN and ±Infinity are RangeErrors. */
export function finiteNumber(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number') throw new TypeError(`${fn}: ${name} must be a finite number (got ${show(x)})`);
  if (!Number.isFinite(x)) throw new RangeError(`${fn}: ${name} must be a finite number (got ${show(x)})`);
  return x;
}

/** A finite number with `lo <= x <= hi` (either end open when asked). */
export function numberIn(fn: string, name: string, x: unknown, lo: number, hi: number, open: { lo?: boolean; hi?: boolean } = {}): number {
  const what = `a number in ${open.lo ? '(' : '['}${lo}, ${hi}${open.hi ? ')' : ']'}`;
  if (typeof x !== 'number') throw new TypeError(`${fn}: ${name} must be ${what} (got ${show(x)})`);
  const ok = (open.lo ? x > lo : x >= lo) && (open.hi ? x < hi : x <= hi);
  if (!ok) throw new RangeError(`${fn}: ${name} must be ${what} (got ${show(x)})`);
  return x;
}

/** A whole number in [min, max]. */
export function wholeNumber(fn: string, name: string, x: unknown, min: number, max: number): number {
  const what = `a whole number in [${min}, ${max}]`;
  if (typeof x !== 'number') throw new TypeError(`${fn}: ${name} must be ${what} (got ${show(x)})`);
  if (!(Number.isInteger(x) && x >= min && x <= max)) throw new RangeError(`${fn}: ${name} must be ${what} (got ${show(x)})`);
  return x;
}

/** A probability level p in [0, 1]. */
export function level(fn: string, name: string, p: unknown): number {
  return numberIn(fn, name, p, 0, 1);
}

/** An array of probability levels, each in [0, 1]. */
export function levels(fn: string, name: string, ps: unknown): number[] {
  if (!Array.isArray(ps)) throw new TypeError(`${fn}: ${name} must be an array of numbers in [0, 1] (got ${show(ps)})`);
  return Array.from(ps, (p, i) => level(fn, `${name}[${i}]`, p));
}

/** An array of finite numbers. */
export function finiteNumbers(fn: string, name: string, xs: unknown): number[] {
  if (!Array.isArray(xs)) throw new TypeError(`${fn}: ${name} must be an array of finite numbers (got ${show(xs)})`);
  return Array.from(xs, (x, i) => finiteNumber(fn, `${name}[${i}]`, x));
}

/** One of a list of allowed strings. */
export function oneOf<T extends string>(fn: string, name: string, x: unknown, allowed: readonly T[]): T {
  if (typeof x !== 'string') throw new TypeError(`${fn}: ${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')} (got ${show(x)})`);
  if (!allowed.includes(x as T)) throw new RangeError(`${fn}: ${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')} (got ${show(x)})`);
  return x as T;
}

/** A function (callbacks such as onProgress). */
export function func<F>(fn: string, name: string, x: unknown): F {
  if (typeof x !== 'function') throw new TypeError(`${fn}: ${name} must be a function (got ${show(x)})`);
  return x as F;
}

/** A boolean. */
export function bool(fn: string, name: string, x: unknown): boolean {
  if (typeof x !== 'boolean') throw new TypeError(`${fn}: ${name} must be true or false (got ${show(x)})`);
  return x;
}

/**
 * An array-like of numbers (an array or a typed array): every element a number, none NaN.
 * ±Infinity is allowed only when `infinite` is true.
 */
export function numericValues(fn: string, name: string, xs: unknown, { infinite = false, minLength = 0 } = {}): ArrayLike<number> {
  const isTyped = ArrayBuffer.isView(xs) && !(xs instanceof DataView);
  if (!isTyped && !Array.isArray(xs)) throw new TypeError(`${fn}: ${name} must be an array of numbers (got ${show(xs)})`);
  const a = xs as ArrayLike<unknown>;
  if (a.length < minLength) throw new RangeError(`${fn}: ${name} needs at least ${minLength} value${minLength === 1 ? '' : 's'} (got ${a.length})`);
  if (!isTyped || xs instanceof BigInt64Array || xs instanceof BigUint64Array) {
    for (let i = 0; i < a.length; i++) {
      if (typeof a[i] !== 'number') throw new TypeError(`${fn}: ${name}[${i}] must be a number (got ${show(a[i])})`);
    }
  }
  const v = a as ArrayLike<number>;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (Number.isNaN(x) || (!infinite && !Number.isFinite(x))) throw new RangeError(`${fn}: ${name}[${i}] must be a finite number (got ${show(x)})`);
  }
  return v;
}

/**
 * A `{ year, volumeMt }` point: a plain object whose year is a finite number and whose volume is
 * a positive finite number (an observation, an anchor, a target). Other fields are ignored.
 */
export function yearVolume(fn: string, name: string, x: unknown): { year: number; volumeMt: number } {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) {
    throw new TypeError(`${fn}: ${name} must be an object { year, volumeMt } (got ${show(x)})`);
  }
  const o = x as { year?: unknown; volumeMt?: unknown };
  const year = finiteNumber(fn, `${name}.year`, o.year);
  const volumeMt = positiveNumber(fn, `${name}.volumeMt`, o.volumeMt);
  return { year, volumeMt };
}

/** A finite number > 0. */
export function positiveNumber(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number') throw new TypeError(`${fn}: ${name} must be a finite number > 0 (got ${show(x)})`);
  if (!(x > 0 && x <= Number.MAX_VALUE)) throw new RangeError(`${fn}: ${name} must be a finite number > 0 (got ${show(x)})`);
  return x;
}
