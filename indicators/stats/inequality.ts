/**
 * Slope and relative index of inequality across ordered groups (e.g. deprivation
 * quintiles), after Low & Low (2004) as implemented by PHEindicatormethods' phe_sii.
 *
 * Groups must be ordered from most deprived (first) to least deprived (last). Each gets
 * the relative rank xᵢ = (population before it + half its own) / total population, and
 * value is regressed on x by least squares weighted by population share aᵢ (PHE's
 * √a-transformed regression is the same fit). SII = fitted(1) − fitted(0) = slope;
 * RII = fitted(1) / fitted(0) = (Y0 + SII) / Y0.
 *
 * Intervals: PHE simulates group values from N(value, se²). Both fitted values are linear
 * in the group values (Σ cᵢyᵢ), so that simulation converges to the closed form used here:
 * SII ± z·√Σ cᵢ²seᵢ², and for RII a delta-method interval on ln(Y1/Y0). No random numbers,
 * hence reproducible to the last digit.
 */
import { zForLevel } from "./distributions.ts";

export interface InequalityGroup {
  value: number;
  population: number;
  /** Standard error of value; else derived from a 95% interval as (upper − lower)/(2·1.959964). */
  se?: number;
  lower95?: number;
  upper95?: number;
}

export interface InequalityResult {
  sii: number;
  siiLower: number;
  siiUpper: number;
  /** NaN when a fitted extreme is <= 0 (a ratio of fitted values is then meaningless). */
  rii: number;
  riiLower: number;
  riiUpper: number;
  /** Fitted value at the most deprived (x = 0) and least deprived (x = 1) extremes. */
  fittedMostDeprived: number;
  fittedLeastDeprived: number;
  relativeRanks: number[];
}

export function slopeIndexOfInequality(groups: readonly InequalityGroup[], level = 0.95): InequalityResult {
  if (groups.length < 2) throw new RangeError("at least two ordered groups are needed");
  const z = zForLevel(level);
  const z95 = zForLevel(0.95);
  const total = groups.reduce((s, g) => s + g.population, 0);
  const se = groups.map((g, i) => {
    if (!(g.population > 0) || !Number.isFinite(g.population)) throw new RangeError(`group ${i}: population must be > 0`);
    if (!Number.isFinite(g.value)) throw new RangeError(`group ${i}: value must be finite`);
    const s = g.se ?? (g.lower95 !== undefined && g.upper95 !== undefined ? (g.upper95 - g.lower95) / (2 * z95) : NaN);
    if (!(s >= 0) || !Number.isFinite(s)) throw new RangeError(`group ${i}: a standard error or a 95% interval is needed`);
    return s;
  });
  const share = groups.map((g) => g.population / total);
  let before = 0;
  const x = share.map((a) => {
    const r = before + a / 2;
    before += a;
    return r;
  });
  const xBar = share.reduce((s, a, i) => s + a * x[i]!, 0);
  const sxx = share.reduce((s, a, i) => s + a * (x[i]! - xBar) ** 2, 0);
  // Fitted values as linear combinations of the group values: slope = Σ βᵢyᵢ, intercept = Σ αᵢyᵢ.
  const beta = share.map((a, i) => (a * (x[i]! - xBar)) / sxx);
  const alpha = share.map((a, i) => a - xBar * beta[i]!);
  const dot = (c: number[], v: (i: number) => number) => c.reduce((s, ci, i) => s + ci * v(i), 0);
  const y = (i: number) => groups[i]!.value;
  const v = (i: number) => se[i]! * se[i]!;
  const sii = dot(beta, y);
  const y0 = dot(alpha, y);
  const y1 = y0 + sii;
  const siiSe = Math.sqrt(beta.reduce((s, b, i) => s + b * b * v(i), 0));
  const c1 = alpha.map((a, i) => a + beta[i]!);
  const var0 = alpha.reduce((s, a, i) => s + a * a * v(i), 0);
  const var1 = c1.reduce((s, c, i) => s + c * c * v(i), 0);
  const cov = alpha.reduce((s, a, i) => s + a * c1[i]! * v(i), 0);
  let rii = NaN;
  let riiLower = NaN;
  let riiUpper = NaN;
  if (y0 > 0 && y1 > 0) {
    rii = y1 / y0;
    const logSe = Math.sqrt(Math.max(0, var1 / (y1 * y1) + var0 / (y0 * y0) - (2 * cov) / (y0 * y1)));
    riiLower = rii * Math.exp(-z * logSe);
    riiUpper = rii * Math.exp(z * logSe);
  }
  return {
    sii,
    siiLower: sii - z * siiSe,
    siiUpper: sii + z * siiSe,
    rii,
    riiLower,
    riiUpper,
    fittedMostDeprived: y0,
    fittedLeastDeprived: y1,
    relativeRanks: x,
  };
}
