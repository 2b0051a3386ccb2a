import { productError } from './dd.js';

/**
 * The arctangent in plain double arithmetic: the same bits on every JavaScript engine
 * (`Math.atan` is implementation-approximated).
 *
 * Method (table): for 0 ≤ u ≤ 1, c = j/32 the nearest grid point and atan u = atan c + atan t,
 * t = (u − c)/(1 + u·c), |t| ≤ 1/64, atan t by its Taylor series to t^15 (truncation below 2^-90
 * relative); for u > 1, atan u = π/2 − atan(1/u), with 1/u carried as a double-double and π/2 − atan c
 * a second table. atan c and π/2 − atan c are pairs of doubles from a 60-digit computation
 * (test/fixtures/math-tables.py); u − c is exact, 1 + u·c and t are formed as double-doubles (Dekker),
 * and the table value plus the leading part of t is an exact sum, so the result is rounded once
 * with the other errors below 2^-60 relative. Within 1 ulp, and correctly rounded on all of 24,000
 * random points (V8's `Math.atan`: 97 %), test/math/atan.test.ts against a 60-digit reference.
 *
 * Special values as `Math.atan`: atan(±0) = ±0, atan(±Infinity) = ±π/2 (1.5707963267948966),
 * atan(NaN) = NaN; atan(−x) = −atan(x) to the bit.
 *
 * e.g. atan(1) = 0.7853981633974483 (π/4), atan(1e300) = 1.5707963267948966
 */

/** atan(j/32), j = 0…32, as value and tail; ACOT = π/2 − atan(j/32) likewise. */
const ATAN_HI = new Float64Array([
  0.0, 0.031239833430268277, 0.06241880999595735, 0.09347678115858947,
  0.12435499454676144, 0.15499674192394097, 0.18534794999569476, 0.21535769969773805,
  0.24497866312686414, 0.2741674511196588, 0.3028848683749714, 0.3310960767041321,
  0.35877067027057225, 0.38588266939807375, 0.4124104415973873, 0.43833655985795783,
  0.4636476090008061, 0.48833395105640554, 0.5123894603107377, 0.5358112379604637,
  0.5585993153435624, 0.5807563535676704, 0.6022873461349642, 0.6231993299340659,
  0.6435011087932844, 0.6632029927060933, 0.6823165548747481, 0.7008544078844502,
  0.7188299996216245, 0.7362574289814281, 0.7531512809621944, 0.7695264804056583,
  0.7853981633974483,
]);
const ATAN_LO = new Float64Array([
  0.0, -1.188442711587748e-18, -1.5490756308295046e-18, -6.2844725995420954e-18,
  -3.1253241424539383e-18, 9.585415594114324e-18, 4.180692268843079e-18, 4.738160130078733e-19,
  1.0698755618734451e-17, 8.261353575163773e-18, -1.1010827903001369e-17, -7.952610375793799e-18,
  -2.4623815582638635e-17, 2.378822732491941e-17, -1.587652227770689e-17, -2.494277030626541e-17,
  2.2698777452961687e-17, -1.1373236189329585e-17, -2.5462781472855804e-17, -4.0637956834825575e-18,
  -5.4556305485916264e-18, -1.441464378193067e-17, 2.950430737228402e-17, 2.672403885140095e-17,
  1.5834785051444286e-17, -3.076054864429649e-17, 6.943223671560008e-18, -1.987626234335816e-17,
  -2.1478388444456983e-17, 3.473937648299457e-17, -2.4256934659182068e-17, -3.704991905602721e-17,
  3.061616997868383e-17,
]);
const ACOT_HI = new Float64Array([
  1.5707963267948966, 1.5395564933646284, 1.5083775167989393, 1.477319545636307,
  1.446441332248135, 1.4157995848709557, 1.3854483767992019, 1.3554386270971586,
  1.3258176636680326, 1.2966288756752378, 1.2679114584199251, 1.2397002500907646,
  1.2120256565243244, 1.1849136573968229, 1.1583858851975093, 1.1324597669369387,
  1.1071487177940904, 1.082462375738491, 1.0584068664841588, 1.034985088834433,
  1.0121970114513341, 0.9900399732272263, 0.9685089806599324, 0.9475969968608307,
  0.9272952180016122, 0.9075933340888034, 0.8884797719201485, 0.8699419189104465,
  0.8519663271732721, 0.8345388978134685, 0.8176450458327023, 0.8012698463892384,
  0.7853981633974483,
]);
const ACOT_LO = new Float64Array([
  6.123233995736766e-17, -6.594875455332831e-17, -6.6075234508751206e-18, 8.139460036472421e-17,
  9.211323971545052e-17, -5.937537809926233e-17, 1.540496457266753e-18, 5.247372713101959e-18,
  -8.824429373951136e-17, 5.297098638220389e-17, 7.224316786036903e-17, -4.18373521293542e-17,
  3.034500430874847e-17, -1.8067038598809578e-17, 2.1597711003816724e-17, 8.617511026363307e-17,
  9.40447137356638e-17, 7.260557614669724e-17, 8.669512143022346e-17, -4.572616682166544e-17,
  6.668797050595929e-17, -3.537531872321733e-17, 3.172803258508363e-17, 3.450830110596671e-17,
  4.5397554905923374e-17, -1.9029413860851504e-17, 5.428911628580765e-17, -2.991370016178983e-17,
  -2.831157406069101e-17, 2.649296347437309e-17, -2.553302784596593e-17, -1.2740043449120782e-17,
  3.061616997868383e-17,
]);
const PIO2 = 1.5707963267948966;
const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/**
 * The arctangent, the same bits on every engine.
 * e.g. atan(0.5) = 0.4636476090008061
 */
export function atan(x: number): number {
  const ax = Math.abs(x);
  if (ax !== ax) return NaN;
  if (ax < 7.450580596923828e-9) return x; // |x| < 2^-27: x³/3 is below half an ulp
  if (ax > 1.8446744073709552e19) return x < 0 ? -PIO2 : PIO2; // |x| > 2^64: 1/x is below half an ulp of π/2
  let u = ax;
  let ul = 0;
  const big = ax > 1;
  if (big) {
    // u + ul = 1/ax to about 2^-106: the remainder 1 − u·ax is exact (Dekker)
    u = 1 / ax;
    const p = u * ax;
    ul = (1 - p - productError(u, ax, p)) / ax;
  }
  const j = (u * 32 + 0.5) | 0;
  const cc = j * 0.03125;
  // t = (u + ul − c) / (1 + u·c): numerator exact but for ul; denominator as dh + dl
  const nh = u - cc; // exact (Sterbenz, or c = 0)
  const ph = u * cc;
  const g = SPLIT * u;
  const v1 = g - (g - u);
  const v2 = u - v1;
  const pl = v1 * cc - ph + v2 * cc + ul * cc; // cc has 6 bits: v1·cc and v2·cc are exact
  const dh = 1 + ph;
  const dl = 1 - dh + ph + pl; // exact sum 1 + ph, plus pl
  const th = nh / dh;
  const q = th * dh;
  const tl = (nh - q - productError(th, dh, q) + ul - th * dl) / dh;
  const z = th * th;
  const s =
    th *
    z *
    (-1 / 3 + z * (0.2 + z * (-1 / 7 + z * (1 / 9 + z * (-1 / 11 + z * (1 / 13 + z * (-1 / 15)))))));
  let r: number;
  if (!big) {
    const h = ATAN_HI[j]!;
    const a = h + th; // exact: th is small against h, or h = 0
    r = a + (th - (a - h) + (ATAN_LO[j]! + tl + s));
  } else {
    const h = ACOT_HI[j]!;
    const a = h - th; // π/2 − atan(u): h ≥ π/4 > |th|
    r = a + (h - a - th + (ACOT_LO[j]! - tl - s));
  }
  return x < 0 ? -r : r;
}
