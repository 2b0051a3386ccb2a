/**
 * The distributions a numeric parameter may take (docs/design.md, "Param"). In a scenario a
 * distribution is drawn once per path; in a route leg, once per trip.
 */
export interface UniformDist { readonly dist: 'uniform'; readonly min: number; readonly max: number }
export interface TriangularDist { readonly dist: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
/** Beta-PERT: lambda (4 by default) weights the mode. */
export interface PertDist { readonly dist: 'pert'; readonly min: number; readonly mode: number; readonly max: number; readonly lambda?: number | undefined }
/** Normal, truncated to [min, max] when either bound is given. */
export interface NormalDist { readonly dist: 'normal'; readonly mean: number; readonly sd: number; readonly min?: number | undefined; readonly max?: number | undefined }
/**
 * Lognormal with the given median and log-scale sd: median · exp(sigma · Z), truncated to
 * [min, max] when a bound is given (min >= 0, where 0 truncates nothing; max > 0): then drawn as
 * exp of a normal(ln median, sigma) truncated to [ln min, ln max].
 */
export interface LognormalDist { readonly dist: 'lognormal'; readonly median: number; readonly sigma: number; readonly min?: number | undefined; readonly max?: number | undefined }
/** Discrete: one of `values`, with probabilities proportional to `weights` (equal by default). */
export interface EmpiricalDist { readonly dist: 'empirical'; readonly values: readonly number[]; readonly weights?: readonly number[] | undefined }

export type Dist = UniformDist | TriangularDist | PertDist | NormalDist | LognormalDist | EmpiricalDist;

/** A fixed number or a distribution. */
export type Param = number | Dist;

/** The names of the distributions, in the order of docs/design.md. */
export const DIST_NAMES = /* @__PURE__ */ Object.freeze(['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'empirical'] as const);
