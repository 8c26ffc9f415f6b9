/**
 * Synthetic deprivation (0 affluent … 1 deprived) of a real municipality: an assumption
 * that keeps Belgium's known social gradients in the sample — Brussels' poorer north-west
 * crescent, Hainaut and Liège above the rest of Wallonia, Flanders lowest, large cities
 * above their surroundings — with a little seeded noise. Not a published indicator.
 */
import type { Municipality } from "../../geography/types.ts";
import type { Random } from "../random.ts";

const BRUSSELS_BANDS: Record<string, number> = {
  // high: the poorer crescent; low: the affluent south-east.
  "21001": 0.8,
  "21004": 0.75,
  "21011": 0.75,
  "21012": 0.85,
  "21013": 0.8,
  "21014": 0.85,
  "21015": 0.8,
  "21003": 0.5,
  "21005": 0.5,
  "21006": 0.55,
  "21007": 0.55,
  "21008": 0.45,
  "21009": 0.5,
  "21010": 0.55,
  "21002": 0.25,
  "21016": 0.25,
  "21017": 0.2,
  "21018": 0.25,
  "21019": 0.2,
};

const PROVINCE_BASE: Record<string, number> = {
  "10000": 0.25,
  "20001": 0.22,
  "30000": 0.25,
  "40000": 0.25,
  "70000": 0.27,
  "20002": 0.2,
  "50000": 0.6,
  "60000": 0.55,
  "80000": 0.35,
  "90000": 0.45,
};
const DG_BASE = 0.35;
const NOISE_SD = 0.07;

const clamp = (v: number): number => Math.min(0.98, Math.max(0.02, v));
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

export function municipalityDeprivation(m: Omit<Municipality, "deprivation">, rng: Random): number {
  const noise = rng.normal(0, NOISE_SD);
  if (m.regionCode === "04000") return round3(clamp((BRUSSELS_BANDS[m.nisCode] ?? 0.5) + noise / 2));
  const base = m.languageArea === "de" ? DG_BASE : (PROVINCE_BASE[m.provinceCode ?? ""] ?? 0.4);
  // Large cities concentrate deprivation (Antwerpen, Gent, Charleroi, Liège …).
  const city = m.population >= 150_000 ? 0.25 : m.population >= 60_000 ? 0.12 : 0;
  return round3(clamp(base + city + noise));
}
