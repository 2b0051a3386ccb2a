/**
 * The continued fraction of the regularised incomplete beta function I_x(a, b), by the modified
 * Lentz method (Numerical Recipes §6.4), without its prefactor x^a (1 − x)^b / (a·B(a, b)): it
 * converges fast for x < (a + 1)/(a + b + 2) (else use I_x(a, b) = 1 − I_{1−x}(b, a)). Shared by
 * the Beta quantile (random/inverse.ts) and Student's t (student-t.ts). Internal.
 */
export function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}
