/** Integer splits of a total that add up exactly (largest remainder). */
import type { Random } from "../random.ts";

export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new Error("apportion needs positive weights");
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  // Ties go to the lower index so the result never depends on sort stability.
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}

/** Lognormal weights: most places small, a few large. */
export function lognormalWeights(rng: Random, n: number, sigma: number): number[] {
  return Array.from({ length: n }, () => Math.exp(rng.normal(0, sigma)));
}

/** Shares summing to 1, rounded to 4 decimals (the last one absorbs the rounding). */
export function shares(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.round((w / sum) * 1e4) / 1e4);
  const head = out.slice(0, -1).reduce((a, b) => a + b, 0);
  out[out.length - 1] = Math.round((1 - head) * 1e4) / 1e4;
  return out;
}
