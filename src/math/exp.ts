import { productError } from './dd.js';

/**
 * The exponential by Tang's table method: e^x ({@link exp}) and e^x − 1 ({@link expm1}) share
 * its tables.
 *
 * e^x in plain double arithmetic (Tang's table method): the same bits on every JavaScript
 * engine, and about 3× faster than `Math.exp` on V8 (10 against 36–55 ns a call on the
 * development machine, measured in one process). `Math.exp` is "implementation-approximated"
 * in ECMAScript: V8, SpiderMonkey and JavaScriptCore may round differently, so a volume run
 * using it could differ in the last bits between a Node script and a Safari notebook. This one
 * uses only +, −, ×, a power-of-two table built by exact halving and doubling, and 2^(j/64) as
 * a pair of literals (value and tail, computed at 60 digits with Python's decimal module).
 *
 * Method: x = (k/64)·ln 2 + r with |r| ≤ ln2/128, k an integer; e^x = 2^⌊k/64⌋ · 2^((k mod 64)/64)
 * · e^r, with e^r − 1 by its Taylor polynomial to r⁵ (truncation < 4e-17 relative). ln2/64 is
 * split in two (the high part has 36 bits, so k·hi is exact for every k used). Error: within
 * 1 ulp of e^x, and the correctly rounded double in about 97 % of cases (V8's `Math.exp`: 90 %),
 * checked against a 60-digit reference in test/math/exp.test.ts. Overflow gives Infinity
 * (x > 709.78…), underflow 0, NaN NaN.
 */

/** 2^(j/64), j = 0…63, correctly rounded. */
const TWO_J64 = new Float64Array([
  1.0, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284,
  1.0442737824274138, 1.0556451783605572, 1.0671404006768237, 1.0787607977571199,
  1.0905077326652577, 1.102382583307841, 1.1143867425958924, 1.1265216186082418,
  1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812,
  1.189207115002721, 1.202156731452703, 1.215247359980469, 1.22848053610687,
  1.241857812073484, 1.255380757024691, 1.2690509571917332, 1.2828700160787783,
  1.2968395546510096, 1.3109612115247644, 1.3252366431597413, 1.339667524053303,
  1.3542555469368927, 1.3690024229745905, 1.383909881963832, 1.3989796725383112,
  1.4142135623730951, 1.42961333839197, 1.4451808069770467, 1.460917794180647,
  1.4768261459394993, 1.4929077282912648, 1.5091644275934228, 1.5255981507445384,
  1.5422108254079407, 1.559004400237837, 1.5759808451078865, 1.593142151342267,
  1.6104903319492543, 1.6280274218573478, 1.645755478153965, 1.6636765803267364,
  1.681792830507429, 1.7001063537185235, 1.718619298122478, 1.7373338352737062,
  1.7562521603732995, 1.7753764925265212, 1.7947090750031072, 1.8142521755003989,
  1.8340080864093424, 1.8539791250833855, 1.8741676341103, 1.8945759815869656,
  1.9152065613971474, 1.9360617934922943, 1.9571441241754002, 1.978456026387951,
]);

/** 2^(j/64) − TWO_J64[j]: the tail that makes the table exact to ~2^-106. */
const TWO_J64_LO = new Float64Array([
  0.0, -1.5234778603368577e-17, 5.109225028973444e-17, 7.600838874027088e-18,
  8.551889705537965e-17, 1.759325738772092e-18, -7.899853966841582e-17, -6.656660436056593e-17,
  -3.046782079812471e-17, 5.2660368715706944e-17, 1.0410278456845571e-16, 5.165856758795457e-17,
  8.912812676025408e-17, 3.250710218863827e-17, 3.8292048369240935e-17, 5.554203254218079e-17,
  3.982015231465646e-17, 6.644981499252301e-17, -7.712630692681488e-17, -1.89878163130253e-17,
  4.658027591836937e-17, -6.7113898212968784e-18, 2.667932131342186e-18, 1.713594918243561e-17,
  2.5382502794888315e-17, -7.181536135519454e-17, -2.8587312100388614e-17, 8.927282594831732e-17,
  7.70094837980299e-17, 9.593797919118849e-17, -6.770511658794786e-17, -9.614213209051323e-17,
  -9.667293313452913e-17, -1.2031642489053655e-17, -3.0237581349939873e-17, -5.600377186075216e-17,
  -3.483994556892796e-17, 1.4192920154284036e-17, -1.016455327754295e-16, -1.1024941712342561e-16,
  7.949834809697621e-17, 3.7812070533575275e-17, -1.0136916471278304e-17, -1.0094406542311964e-16,
  2.4707192569797888e-17, -6.712955084707084e-17, -1.0125679913674773e-16, 5.8909926967131e-17,
  8.199010020581497e-17, -8.0237193703977e-18, -1.851380418263111e-17, 3.164389299292957e-17,
  2.960140695448873e-17, 6.429731796556572e-17, 1.8227458427912087e-17, -9.969531538920349e-17,
  3.283107224245627e-17, 9.761887490727594e-17, -6.122763413004143e-17, 3.4034035352165297e-17,
  -1.0619946056195963e-16, 1.0332385960676326e-16, 8.960767791036668e-17, 4.0388753109278167e-17,
]);

/** 2^e for e = −1100…1099 (exact: powers of two by halving and doubling; ±overflow to Infinity / 0). */
const POW2_BIAS = 1100;
const POW2 = (() => {
  const t = new Float64Array(2 * POW2_BIAS);
  let up = 1;
  let down = 1;
  for (let e = 0; e < POW2_BIAS; e++) {
    t[POW2_BIAS + e] = up;
    t[POW2_BIAS - e] = down;
    up *= 2;
    down /= 2;
  }
  t[0] = down;
  return t;
})();

const INV_LN2_64 = 92.33248261689366; // 64 / ln 2
const LN2_64_HI = 0.010830424696223417; // ln2/64, high 36 bits
const LN2_64_LO = 2.572804622327669e-14; // ln2/64 − LN2_64_HI
/** 1.5 · 2^52: adding and subtracting it rounds a double of magnitude < 2^51 to an integer (ties to even). */
const ROUND = 6755399441055744;
/** Beyond these e^x is Infinity or 0 (and the tables' range ends). */
const MAX_X = 709.782712893384;
const MIN_X = -745.1332191019412;

/** e^x, the same bits on every engine: exp(0) is exactly 1, exp(1) is 2.718281828459045. */
export function exp(x: number): number {
  if (!(x <= MAX_X && x >= MIN_X)) return x > 0 ? Infinity : x < 0 ? 0 : NaN;
  const kd = x * INV_LN2_64 + ROUND - ROUND;
  const k = kd | 0;
  const r = x - kd * LN2_64_HI - kd * LN2_64_LO;
  const j = k & 63;
  const t = TWO_J64[j]!;
  const q = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  const y = t + (TWO_J64_LO[j]! + t * q);
  const e = k >> 6;
  // Near the ends of the range 2^e alone would overflow or lose bits: scale in two steps.
  if (e > -1020 && e < 1020) return y * POW2[e + POW2_BIAS]!;
  const h = e >> 1;
  return y * POW2[h + POW2_BIAS]! * POW2[e - h + POW2_BIAS]!;
}

/** The tables {@link expSource}'s statements read, as the arrays T, TL and P. */
export const EXP_TABLES = /* @__PURE__ */ Object.freeze({ T: TWO_J64, TL: TWO_J64_LO, P: POW2 });

/**
 * Statements that set `out` (a declared variable) to e^`x` (an identifier) exactly as {@link exp}
 * computes it, for kernels generated at run time (src/engine/codegen.ts), where a call would not
 * be inlined: the same operations in the same order, on {@link EXP_TABLES} as T, TL and P, with
 * locals suffixed `_${tag}`. test/math/exp.test.ts holds the two to the same bits.
 */
export function expSource(x: string, out: string, tag: string): string {
  const [kd, k, r, j, t, q, y, e, h] = ['kd', 'k', 'r', 'j', 't', 'q', 'y', 'e', 'h'].map((v) => `${v}_${tag}`);
  return [
    `if (!(${x} <= ${MAX_X} && ${x} >= ${MIN_X})) ${out} = ${x} > 0 ? Infinity : ${x} < 0 ? 0 : NaN;`,
    'else {',
    `  const ${kd} = ${x} * ${INV_LN2_64} + ${ROUND} - ${ROUND};`,
    `  const ${k} = ${kd} | 0;`,
    `  const ${r} = ${x} - ${kd} * ${LN2_64_HI} - ${kd} * ${LN2_64_LO};`,
    `  const ${j} = ${k} & 63;`,
    `  const ${t} = T[${j}];`,
    `  const ${q} = ${r} * (1 + ${r} * (0.5 + ${r} * (1 / 6 + ${r} * (1 / 24 + ${r} * (1 / 120)))));`,
    `  const ${y} = ${t} + (TL[${j}] + ${t} * ${q});`,
    `  const ${e} = ${k} >> 6;`,
    `  if (${e} > -1020 && ${e} < 1020) ${out} = ${y} * P[${e} + ${POW2_BIAS}];`,
    `  else { const ${h} = ${e} >> 1; ${out} = ${y} * P[${h} + ${POW2_BIAS}] * P[${e} - ${h} + ${POW2_BIAS}]; }`,
    '}',
  ].join('\n');
}

/**
 * e^x − 1 in plain double arithmetic: the same bits on every JavaScript engine (`Math.expm1` is
 * implementation-approximated), accurate where e^x − 1 is small.
 *
 * Method. |x| ≤ 1/16: the Taylor series x + x²(1/2 + x/6 + … + x⁹/11!) (truncation below 2^-65
 * relative; the x² part is at most 3 % of the result, so its rounding errors cost < 0.1 ulp).
 * Otherwise Tang's table method as in {@link exp} above, on its tables: x = (k/64)·ln 2 + r,
 * |r| ≤ ln2/128, e^x = 2^e · 2^(j/64) · (1 + q), q = e^r − 1 by its Taylor polynomial to r⁶, with
 * r carried as a double-double; then 2^e·T − 1 is formed exactly (TwoSum) and the small terms are
 * added once, so the cancellation in − 1 loses nothing. 2^(j/64) is a pair of literals (value and
 * tail) computed at 60 digits (test/fixtures/math-tables.py). Within
 * 1 ulp, and the correctly rounded double on 99.6 % of 7,010 points and of 80,000 further random
 * ones (V8's `Math.expm1`: 93.9 % and 93 %),
 * test/math/expm1.test.ts against a 60-digit reference; 14 ns a call on V8 against 9 ns for
 * `Math.expm1`.
 *
 * Special values as `Math.expm1`: expm1(±0) = ±0, expm1(Infinity) = Infinity, expm1(−Infinity)
 * = −1, expm1(NaN) = NaN; x > 709.78… gives Infinity, x < −38 gives −1 (e^x < 2^-54 there).
 *
 * e.g. expm1(1e-10) = 1.00000000005e-10
 * e.g. expm1(1) = 1.7182818284590453 (e − 1 correctly rounded; V8's Math.expm1 gives 1.718281828459045)
 */

/** e^x − 1, the same bits on every engine: expm1(1e-10) is 1.00000000005e-10, not 1.000000082740371e-10. */
export function expm1(x: number): number {
  if (!(x <= MAX_X && x >= -38)) return x > 0 ? Infinity : x < 0 ? -1 : NaN;
  if (x <= 0.0625 && x >= -0.0625) {
    if (x === 0) return x; // keeps −0
    const x2 = x * x;
    return (
      x +
      x2 *
        (0.5 +
          x *
            (1 / 6 +
              x *
                (1 / 24 +
                  x *
                    (1 / 120 +
                      x *
                        (1 / 720 +
                          x * (1 / 5040 + x * (1 / 40320 + x * (1 / 362880 + x * (1 / 3628800 + x * (1 / 39916800))))))))))
    );
  }
  const kd = x * INV_LN2_64 + ROUND - ROUND;
  const k = kd | 0;
  const r1 = x - kd * LN2_64_HI; // exact: kd·LN2_64_HI is exact and within a factor 2 of x
  const t2 = kd * LN2_64_LO;
  const r = r1 - t2;
  const rLo = r1 - r - t2; // r + rLo = r1 − t2 to within 2^-106
  const q = r + (rLo + r * r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  const j = k & 63;
  const e = k >> 6;
  const t = TWO_J64[j]!;
  const small = TWO_J64_LO[j]! + t * q; // 2^(j/64)·(1 + q) − t, to within rounding
  if (e > 1000) {
    // e^x > 2^1000: − 1 is far below half an ulp; scale in two steps so that 2^e never overflows
    const h = e >> 1;
    return (t + small) * POW2[h + POW2_BIAS]! * POW2[e - h + POW2_BIAS]!;
  }
  const s = POW2[e + POW2_BIAS]!;
  const a = s * t; // exact
  const hi = a - 1;
  const bb = hi - a;
  const lo = a - (hi - bb) - (1 + bb); // TwoSum: a − 1 = hi + lo exactly
  return hi + (lo + s * small);
}


/**
 * e^(x + xl) = 2^k · (out[0] + out[1]) for |x| ≤ 746 and |xl| ≤ ulp(x) (a double-double argument):
 * returns k and writes the pair (out[0] near 2^(j/64), relative error below about 2^-66). Internal:
 * {@link pow} and the hyperbolic functions use it. Tang's method as in {@link exp}, with e^r − 1 to
 * r⁷ and 2^(j/64)·(1 + r) formed exactly (Dekker's product), so only terms below 2^-14 are rounded.
 */
export function expParts(x: number, xl: number, out: Float64Array): number {
  const kd = x * INV_LN2_64 + ROUND - ROUND;
  const k = kd | 0;
  const r1 = x - kd * LN2_64_HI; // exact (as in expm1)
  const t2 = kd * LN2_64_LO;
  const r = r1 - t2;
  const rLo = r1 - r - t2 + xl;
  // e^(r + rLo) − 1 − r = q: rLo is multiplied by e^r (to r²/2), since xl may be as large as ulp(x)
  const q = rLo * (1 + r + 0.5 * r * r) + r * r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720 + r * (1 / 5040))))));
  const j = k & 63;
  const t = TWO_J64[j]!;
  const tl = TWO_J64_LO[j]!;
  // t·r = p + pe exactly (Dekker)
  const p = t * r;
  const pe = productError(t, r, p);
  const h = t + p; // |p| < t
  const lo = p - (h - t) + (pe + tl + t * q + tl * r);
  const s = h + lo; // normalised: |out[1]| ≤ ulp(out[0])/2
  out[0] = s;
  out[1] = lo - (s - h);
  return k >> 6;
}

/** v · 2^k for a double v in [0.5, 4) and any integer k: exact, or one rounding where the result is subnormal, or ±Infinity. */
export function scale2(v: number, k: number): number {
  if (k > -1020 && k < 1020) return v * POW2[k + POW2_BIAS]!;
  if (k < -1100) k = -1100; // already far below the smallest subnormal
  else if (k > 1100) k = 1100; // already far above the largest double
  const h = k >> 1;
  return v * POW2[h + POW2_BIAS]! * POW2[k - h + POW2_BIAS]!;
}
