import type { RegionCode } from "../geography/types.ts";
import type { Random } from "./random.ts";

/**
 * Belgian age structure (shares by 5-year band, 0–4 … 90+, approximating Statbel 2024),
 * with Brussels younger than the other two regions.
 */
const AGE_BANDS = [5.3, 5.7, 5.8, 5.6, 5.6, 6.1, 6.5, 6.6, 6.5, 6.6, 7.0, 7.1, 6.5, 5.6, 5.0, 3.6, 2.7, 1.7, 0.9];
const BRUSSELS_TILT = [1.25, 1.15, 1.05, 0.95, 1.05, 1.35, 1.45, 1.3, 1.15, 1.0, 0.9, 0.8, 0.75, 0.7, 0.65, 0.6, 0.6, 0.6, 0.6];

export function drawAge(rng: Random, region: RegionCode): number {
  const weights = region === "04000" ? AGE_BANDS.map((w, i) => w * (BRUSSELS_TILT[i] as number)) : AGE_BANDS;
  const band = rng.weightedIndex(weights);
  return band === 18 ? 90 + Math.min(15, Math.floor(-Math.log(1 - rng.next()) * 3)) : band * 5 + rng.int(0, 4);
}

/** Women outlive men: the female share rises with age. */
export function drawSex(rng: Random, age: number): "M" | "F" {
  const female = age < 50 ? 0.49 : age < 70 ? 0.51 : age < 85 ? 0.56 : 0.66;
  return rng.bernoulli(female) ? "F" : "M";
}

/** Annual probability of death (Gompertz), higher for men, BIM and deprived places. */
export function deathProbability(age: number, sex: "M" | "F", bim: boolean, deprivation: number): number {
  // Female baseline near Belgian life tables (≈1.3% at 70, 3.5% at 80, 9% at 90).
  const base = age === 0 ? 0.003 : Math.exp(-11.1 + 0.097 * age);
  return Math.min(0.6, base * (sex === "M" ? 1.5 : 1) * (bim ? 1.3 : 1) * (1 + 0.2 * deprivation));
}

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

const REGION_BIM: Record<RegionCode, number> = { "02000": 0, "03000": 0.15, "04000": 0.35 };
const REGION_GMD: Record<RegionCode, number> = { "02000": 0.74, "03000": 0.6, "04000": 0.47 };

/** Increased reimbursement (BIM/VT): the socio-economic gradient, rising slowly over the years. */
export function bimProbability(age: number, region: RegionCode, deprivation: number, year: number): number {
  const ageEffect = age < 18 ? 0.25 : age >= 80 ? 0.7 : age >= 65 ? 0.2 : 0;
  return logistic(-2.3 + 2.2 * deprivation + REGION_BIM[region] + ageEffect + 0.02 * (year - 2019));
}

/** Global medical record: lower in Brussels and Wallonia, higher with age, up about a point a year. */
export function gmdProbability(age: number, region: RegionCode, deprivation: number, year: number, action: number): number {
  const p = REGION_GMD[region] + (age >= 45 ? 0.08 : 0) + (age >= 65 ? 0.08 : 0) - 0.15 * deprivation + 0.012 * (year - 2019) + action;
  return Math.max(0.05, Math.min(0.97, p));
}

export function chronicProbability(age: number, bim: boolean): number {
  const p = age < 45 ? 0.04 : age < 65 ? 0.15 : age < 80 ? 0.33 : 0.55;
  return Math.min(0.95, p * (bim ? 1.4 : 1));
}

/** Treated diabetes: prevalence by age, raised by deprivation. */
export function diabetesProbability(age: number, deprivation: number): number {
  const p = age < 40 ? 0.004 : age < 60 ? 0.045 : age < 75 ? 0.11 : 0.15;
  return p * (0.75 + 0.8 * deprivation);
}

/** Mean number of chronic treatments by age (polypharmacy grows with age and deprivation). */
export function chronicTreatmentMean(age: number, deprivation: number): number {
  const m = age < 20 ? 0.05 : age < 45 ? 0.5 : age < 65 ? 2.2 : age < 75 ? 4.0 : age < 85 ? 5.5 : 6.0;
  return m * (0.8 + 0.5 * deprivation);
}

const FUNDS = ["100", "200", "300", "400", "500", "600", "900"] as const;
const FUND_WEIGHTS: Record<RegionCode, number[]> = {
  "02000": [44, 6, 20, 7, 21, 1, 1],
  "03000": [30, 5, 38, 6, 19, 1, 1],
  "04000": [26, 6, 30, 8, 25, 4, 1],
};

export function drawSicknessFund(rng: Random, region: RegionCode): string {
  return FUNDS[rng.weightedIndex(FUND_WEIGHTS[region])] as string;
}
