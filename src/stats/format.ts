/**
 * Numbers for people: an estimate as "0.327 ± 0.0015" (the standard error to two significant
 * digits, the estimate to the decimal of the standard error's first digit), a probability as
 * "32.7 % ± 0.15", a plain figure to three significant digits. Display only: the data keep every
 * bit. No Math.log10 (seeded numbers never pass through the engine's elementary functions): the
 * decimal exponent is read from `toExponential`.
 */

/** The decimal exponent of a finite non-zero number: 0.0015 → −3, 32.7 → 1. */
function exponent(x: number): number {
  return Number(x.toExponential().split('e')[1]);
}

/** `toFixed` without a "-0": −0.0001 to two decimals is "0.00"'s number, written "0". */
function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return Number(s) === 0 ? s.replace(/^-/, '') : s;
}

/**
 * A figure to `digits` significant digits (never in exponent form between 1e-4 and 1e15;
 * trailing zeros dropped).
 */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e15) return String(Number(x.toPrecision(digits)));
  return String(Number(fixed(x, Math.min(20, Math.max(0, digits - 1 - exponent(x))))));
}

/** How an estimate is written: as a percentage ("32.7 % ± 0.15", in percentage points) and/or with a unit after the value ("5.63 Mt ± 0.012"). */
export interface EstimateFormat {
  readonly percent?: boolean;
  readonly unit?: string;
}

/**
 * An estimate and its Monte Carlo standard error, rounded for reading: the standard error to two
 * significant digits, the estimate to the decimal of the standard error's first digit (four
 * significant digits when the standard error is 0). A standard error of null (one that cannot
 * be estimated, as from a single forecast origin) is written "± n/a", the value to four digits.
 */
export function formatEstimate(e: { readonly estimate: number; readonly standardError: number | null }, f: EstimateFormat = {}): string {
  const scale = f.percent ? 100 : 1;
  const unit = f.percent ? ' %' : f.unit ? ` ${f.unit}` : '';
  const value = e.estimate * scale;
  if (e.standardError === null) return Number.isFinite(value) ? `${formatNumber(value, 4)}${unit} ± n/a` : `${value}${unit} ± n/a`;
  const se = e.standardError * scale;
  if (!(Number.isFinite(value) && Number.isFinite(se) && se >= 0)) return `${value}${unit} ± ${se}`;
  if (se === 0) return `${formatNumber(value, 4)}${unit} ± 0`;
  const decimals = -exponent(se);
  const v = decimals > 20 || Math.abs(value) >= 1e15 ? String(Number(value.toPrecision(4))) : fixed(value, Math.max(0, decimals));
  return `${v}${unit} ± ${formatNumber(se, 2)}`;
}
