/**
 * mathjs 15's rounding and comparison of numbers, for ./formula-functions.ts: a formula means here
 * what it means in mathjs, tolerances included. mathjs compares within relTol 1e-12 and absTol
 * 1e-15 (its config defaults), rounds the shortest decimal form of a number half away from zero
 * (`round(-2.5)` is −3, `round(1.005, 2)` is 1.01), snaps a number within the tolerance of its
 * rounding to 12 decimals first (`round(2.49999999999995)` is 3), and lets floor and ceil snap to a
 * nearly equal integer (`floor(2.9999999999999996)` is 3). Everything here is exact (string
 * digits, comparisons, Math.floor/ceil/abs): no approximated function.
 */

/** mathjs's default relative tolerance of comparisons (config.relTol). */
const REL_TOL = 1e-12;
/** mathjs's default absolute tolerance of comparisons (config.absTol). */
const ABS_TOL = 1e-15;
/** The decimals mathjs's round snaps to before it rounds: |exponent of relTol|. */
const SNAP_DECIMALS = 12;
/** 10^n for the n that round, floor and ceil accept (0–15): exact doubles. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Below this magnitude the tolerance (< 0.1) cannot reach past the next integer: floor and ceil need no rounding. */
const FAST_LIMIT = 1e11;

/** mathjs's nearlyEqual(a, b, relTol, absTol): NaN equals nothing, infinities only themselves. */
export function nearlyEqual(a: number, b: number): boolean {
  if (a !== a || b !== b) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
}

/**
 * mathjs's roundNumber(x, n) = parseFloat(toFixed(x, n)): the shortest decimal form of x
 * (ECMAScript's Number::toString) rounded to n decimals, half away from zero; −0 reads as 0.
 */
export function roundDecimal(x: number, n: number): number {
  if (!Number.isFinite(x)) return x;
  const s = String(x);
  const neg = s.charCodeAt(0) === 45;
  const e = s.indexOf('e');
  const mantissa = s.slice(neg ? 1 : 0, e < 0 ? s.length : e);
  const dot = mantissa.indexOf('.');
  // exponent: the power of ten of the first digit
  let exponent = (e < 0 ? 0 : Number(s.slice(e + 1))) + (dot < 0 ? mantissa.length : dot) - 1;
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let lead = 0;
  while (lead < digits.length && digits.charCodeAt(lead) === 48) lead++;
  let end = digits.length;
  while (end > lead && digits.charCodeAt(end - 1) === 48) end--;
  exponent -= lead;
  digits = digits.slice(lead, end);
  if (digits === '') {
    digits = '0';
    exponent++;
  }
  let keep = exponent + 1 + n;
  if (keep <= 0) {
    digits = '0'.repeat(1 - keep) + digits;
    exponent += 1 - keep;
    keep = 1;
  }
  if (digits.length > keep) {
    const up = digits.charCodeAt(keep) >= 53; // the first digit dropped is 5 or more
    digits = digits.slice(0, keep);
    if (up) {
      let k = keep - 1;
      while (k >= 0 && digits.charCodeAt(k) === 57) k--;
      if (k < 0) {
        digits = '1';
        exponent++;
      } else digits = digits.slice(0, k) + String.fromCharCode(digits.charCodeAt(k) + 1);
    }
  }
  return Number(`${neg ? '-' : ''}${digits}e${exponent + 1 - digits.length}`);
}

/** Whether n is a number of decimals mathjs's round, floor and ceil accept: an integer 0–15. */
export const isDecimals = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 15;

/**
 * mathjs's round(x). A whole number is itself (−0 is 0); for 0.5 ≤ |x| < 1e15 with a fraction
 * more than 1e-9 from ½ the snap to 12 decimals cannot cross ½, so the nearest integer is the
 * answer (test/growth/formula-round.test.ts holds this shortcut to the full rule); else
 * {@link roundBySnap}.
 */
export function mathjsRound(x: number): number {
  if (Number.isInteger(x)) return x === 0 ? 0 : x;
  const a = Math.abs(x);
  if (a >= 0.5 && a < 1e15) {
    const k = Math.floor(a);
    const f = a - k; // exact
    if (f < 0.5 - 1e-9) return x < 0 ? -k : k;
    if (f > 0.5 + 1e-9) return x < 0 ? -k - 1 : k + 1;
  }
  return roundBySnap(x);
}

/** mathjs's round(x) by its own rule: x snapped to 12 decimals when nearly equal to that, then rounded to an integer. */
export function roundBySnap(x: number): number {
  const snapped = roundDecimal(x, SNAP_DECIMALS);
  return roundDecimal(nearlyEqual(x, snapped) ? snapped : x, 0);
}

/** mathjs's round(x, n), n an integer 0–15 (checked by the caller). */
export function mathjsRoundTo(x: number, n: number): number {
  if (n >= SNAP_DECIMALS) return roundDecimal(x, n);
  const snapped = roundDecimal(x, SNAP_DECIMALS);
  return roundDecimal(nearlyEqual(x, snapped) ? snapped : x, n);
}

/**
 * mathjs's floor(x): Math.floor, unless x is nearly equal to round(x) but not to Math.floor(x).
 * Below 1e11 (and for whole numbers) the rounding can only be the next integer, so that is
 * compared directly (test/growth/formula-round.test.ts holds the shortcut to the full rule).
 */
export function mathjsFloor(x: number): number {
  const f = Math.floor(x);
  if (f === x) return f;
  if (Math.abs(x) < FAST_LIMIT) return nearlyEqual(x, f + 1) && !nearlyEqual(x, f) ? f + 1 : f;
  return floorByRound(x);
}

/** mathjs's rule for floor and ceil: the whole number `whole` next to x, unless x is nearly equal to round(x) but not to `whole`. */
function byRound(x: number, whole: number): number {
  const r = mathjsRound(x);
  if (whole === r) return whole;
  return nearlyEqual(x, r) && !nearlyEqual(x, whole) ? r : whole;
}

/** mathjs's floor(x) and ceil(x) by their own rule, for any x. */
export const floorByRound = (x: number): number => byRound(x, Math.floor(x));
export const ceilByRound = (x: number): number => byRound(x, Math.ceil(x));

/** mathjs's ceil(x), as mathjsFloor mirrored. */
export function mathjsCeil(x: number): number {
  const c = Math.ceil(x);
  if (c === x) return c;
  if (Math.abs(x) < FAST_LIMIT) return nearlyEqual(x, c - 1) && !nearlyEqual(x, c) ? c - 1 : c;
  return ceilByRound(x);
}

/** mathjs's floor(x, n) and ceil(x, n): the rounding of x·10^n, divided by 10^n (n checked by the caller). */
export const mathjsFloorTo = (x: number, n: number): number => mathjsFloor(x * POWERS_OF_TEN[n]!) / POWERS_OF_TEN[n]!;
export const mathjsCeilTo = (x: number, n: number): number => mathjsCeil(x * POWERS_OF_TEN[n]!) / POWERS_OF_TEN[n]!;

/** mathjs's mod(x, y) = x − y·floor(x / y) (its floor, tolerance included); x mod 0 is x. */
export const mathjsMod = (x: number, y: number): number => (y === 0 ? x : x - y * mathjsFloor(x / y));
