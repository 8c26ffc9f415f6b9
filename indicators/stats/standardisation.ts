/**
 * Age standardisation: the European Standard Population 2013, age banding,
 * directly standardised rates (Dobson et al. 1991) and indirectly standardised
 * ratios (SMR). Poisson limits follow poissonCountLimits: exact below 10, Byar from 10.
 */
import { assertLevel, poissonCountLimits, type Estimate } from "./confidence.ts";

export interface AgeBand {
  label: string;
  /** Youngest age in the band (completed years). */
  fromAge: number;
  /** Oldest age in the band; null for the open band 90+. */
  toAge: number | null;
  weight: number;
}

const ESP2013_WEIGHTS = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000] as const;

/** European Standard Population 2013, 19 bands (0–4, 5–9, …, 85–89, 90+), total 100 000. */
export const ESP2013: readonly AgeBand[] = Object.freeze(
  ESP2013_WEIGHTS.map((weight, i) =>
    Object.freeze({
      label: i === 18 ? "90+" : `${5 * i}-${5 * i + 4}`,
      fromAge: 5 * i,
      toAge: i === 18 ? null : 5 * i + 4,
      weight,
    }),
  ),
);

/** The 19 ESP 2013 weights in band order. */
export const ESP2013_STANDARD: readonly number[] = Object.freeze([...ESP2013_WEIGHTS]);

/** Index (0–18) of the ESP 2013 band holding an age in completed years; 90 and over → 18. */
export function esp2013BandIndex(age: number): number {
  if (!Number.isFinite(age) || age < 0) throw new RangeError(`age must be finite and >= 0, got ${age}`);
  return Math.min(18, Math.floor(age / 5));
}

/**
 * Sums per-age (or per-person) records into the 19 ESP 2013 bands. Bands with no
 * record come out as { count: 0, personYears: 0 }, i.e. as missing bands for dsr().
 */
export function bandByEsp2013(records: readonly { age: number; count: number; personYears: number }[]): { counts: number[]; personYears: number[] } {
  const counts = new Array<number>(19).fill(0);
  const personYears = new Array<number>(19).fill(0);
  for (const r of records) {
    const i = esp2013BandIndex(r.age);
    counts[i]! += r.count;
    personYears[i]! += r.personYears;
  }
  return { counts, personYears };
}

export interface DsrOptions {
  /** Standard population weights, one per band (default ESP 2013). */
  standard?: readonly number[];
  level?: number;
  /** Default: per 100 000. */
  multiplier?: number;
  /**
   * How a band with zero person-years (and so, necessarily, zero events) is treated:
   * "zero" (default, PHE convention): it contributes a rate of zero but its standard
   *   weight stays in the total, so the DSR is standardised to the full standard;
   * "exclude": the band and its weight are dropped, i.e. standardised to the standard
   *   population restricted to the bands that exist locally.
   */
  emptyBands?: "zero" | "exclude";
}

export interface DsrResult extends Estimate {
  totalCount: number;
  totalPersonYears: number;
  /** Indices of bands with zero person-years, whatever the emptyBands choice. */
  emptyBands: number[];
  /** Total count below 10: PHE does not publish such DSRs; the caller decides. */
  lowCount: boolean;
  method: "dobson-exact" | "dobson-byar";
}

/**
 * Directly standardised rate with Dobson's limits:
 *   DSR = Σ wᵢ Oᵢ/nᵢ / Σ wᵢ,  var = Σ wᵢ² Oᵢ/nᵢ² / (Σ wᵢ)²,
 *   limit = DSR + √(var/O) · (O_limit − O)  with O = Σ Oᵢ and O_limit its Poisson limit.
 * With O = 0 the DSR is 0, the lower limit 0 and the upper limit NaN: Dobson's scaling
 * √(var/O) is 0/0 (it depends on which bands the events would fall in).
 * A band with events but zero person-years is inconsistent data and throws.
 */
export function dsr(counts: readonly number[], personYears: readonly number[], options: DsrOptions = {}): DsrResult {
  const standard = options.standard ?? ESP2013_STANDARD;
  const level = options.level ?? 0.95;
  const multiplier = options.multiplier ?? 100_000;
  const mode = options.emptyBands ?? "zero";
  assertLevel(level);
  if (counts.length !== standard.length || personYears.length !== standard.length) {
    throw new RangeError(`counts (${counts.length}), personYears (${personYears.length}) and standard (${standard.length}) must have the same length`);
  }
  let weightTotal = 0;
  let weighted = 0;
  let varianceSum = 0;
  let totalCount = 0;
  let totalPersonYears = 0;
  const emptyBands: number[] = [];
  for (let i = 0; i < standard.length; i++) {
    const o = counts[i]!;
    const n = personYears[i]!;
    const w = standard[i]!;
    if (!(o >= 0) || !(n >= 0) || !(w >= 0) || !Number.isFinite(o + n + w)) {
      throw new RangeError(`band ${i}: counts, person-years and weights must be finite and >= 0`);
    }
    totalCount += o;
    totalPersonYears += n;
    if (n === 0) {
      if (o > 0) throw new RangeError(`band ${i}: ${o} events but zero person-years`);
      emptyBands.push(i);
      if (mode === "zero") weightTotal += w;
      continue;
    }
    weightTotal += w;
    weighted += (w * o) / n;
    varianceSum += (w * w * o) / (n * n);
  }
  if (!(weightTotal > 0)) throw new RangeError("no standard weight left to standardise to");
  const value = weighted / weightTotal;
  const variance = varianceSum / (weightTotal * weightTotal);
  const limits = poissonCountLimits(totalCount, level);
  let lower = 0;
  let upper = NaN;
  if (totalCount > 0) {
    const scale = Math.sqrt(variance / totalCount);
    lower = Math.max(0, value + scale * (limits.lower - totalCount));
    upper = value + scale * (limits.upper - totalCount);
  }
  return {
    value: value * multiplier,
    lower: lower * multiplier,
    upper: upper * multiplier,
    totalCount,
    totalPersonYears,
    emptyBands,
    lowCount: totalCount < 10,
    method: limits.method === "exact" ? "dobson-exact" : "dobson-byar",
  };
}

/** Expected events Σ nᵢ·rᵢ from local person-years and reference (e.g. national) band rates. */
export function expectedCount(personYears: readonly number[], referenceRates: readonly number[]): number {
  if (personYears.length !== referenceRates.length) throw new RangeError("personYears and referenceRates differ in length");
  let e = 0;
  for (let i = 0; i < personYears.length; i++) e += personYears[i]! * referenceRates[i]!;
  return e;
}

/**
 * Indirectly standardised ratio O/E (SMR). multiplier 100 (default) gives the
 * conventional SMR scale where 100 = as expected; 1 gives a plain ratio.
 * Limits are Poisson limits of O divided by E (E treated as fixed): exact below 10, Byar from 10.
 */
export function indirectlyStandardisedRatio(observed: number, expected: number, options: { level?: number; multiplier?: 100 | 1 } = {}): Estimate & { method: "exact" | "byar" } {
  if (!(expected > 0) || !Number.isFinite(expected)) throw new RangeError(`expected must be > 0, got ${expected}`);
  const multiplier = options.multiplier ?? 100;
  const limits = poissonCountLimits(observed, options.level ?? 0.95);
  const scale = multiplier / expected;
  return { value: observed * scale, lower: limits.lower * scale, upper: limits.upper * scale, method: limits.method };
}
