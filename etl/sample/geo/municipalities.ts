/**
 * The 565 municipalities without positions: codes, names, language areas, populations
 * and deprivation. Brussels is real (approximately); every other one is fictional.
 */
import type { LanguageArea, Municipality, RegionCode } from "../../geography/types.ts";
import type { Random } from "../random.ts";
import { apportion, lognormalWeights } from "./apportion.ts";
import { BRUSSELS_COMMUNES, DEPRIVATION_BANDS } from "./brussels.ts";
import {
  BRUSSELS, DG_DEPRIVATION, DG_MUNICIPALITIES, DG_POPULATION, FLANDERS, FLEMISH_CITY_DEPRIVATION, LIEGE,
  MID_TOWNS, PROVINCES, REGIONS, SPLIT_CITY_POPULATION, SPLIT_CITY_PROVINCE, type ProvinceFact,
} from "./facts.ts";
import { NameMaker, type NameStyle } from "./names.ts";

/** brussels: real commune; city: the province's largest; mid: mid-size town; dg: German-speaking. */
export type Role = "brussels" | "city" | "mid" | "town" | "dg";

export interface Draft extends Omit<Municipality, "lat" | "lon"> {
  role: Role;
  province: ProvinceFact | null;
}

const NOISE_SD = 0.07;
const clamp = (v: number): number => Math.min(0.98, Math.max(0.02, v));
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

function regionTotal(code: RegionCode): number {
  const region = REGIONS.find((r) => r.code === code);
  if (!region) throw new Error(`unknown region ${code}`);
  return region.population;
}

/** Province populations: regional total split by the (approximate) shares, exactly. */
function provinceTotals(): Map<string, number> {
  const totals = new Map<string, number>();
  for (const region of REGIONS) {
    const provinces = PROVINCES.filter((p) => p.regionCode === region.code);
    if (provinces.length === 0) continue;
    apportion(region.population, provinces.map((p) => p.share)).forEach((n, i) => totals.set((provinces[i] as ProvinceFact).code, n));
  }
  return totals;
}

/** City, mid-size towns, then lognormal towns; integers summing to `total`. */
function populations(p: ProvinceFact, count: number, total: number, rng: Random): number[] {
  const city = p.code === SPLIT_CITY_PROVINCE
    ? Math.round(SPLIT_CITY_POPULATION * rng.uniform(0.99, 1.01))
    : Math.round(total * p.cityShare * rng.uniform(0.93, 1.07));
  const mids = Array.from({ length: MID_TOWNS }, () => Math.round(total * rng.uniform(0.025, 0.045)));
  const rest = total - city - mids.reduce((a, b) => a + b, 0);
  return [city, ...mids, ...apportion(rest, lognormalWeights(rng, count - 1 - MID_TOWNS, 0.6))];
}

function fictional(p: ProvinceFact, serial: number, role: Role, population: number, names: NameMaker, rng: Random): Draft {
  const s = String(serial).padStart(3, "0");
  const flemish = p.regionCode === FLANDERS;
  const style: NameStyle = role === "dg" ? "de" : flemish ? "nl" : "fr";
  const name = names.make(style, s);
  const base = role === "dg" ? DG_DEPRIVATION : p.deprivation + (flemish && role === "city" ? FLEMISH_CITY_DEPRIVATION : 0);
  const languageArea: LanguageArea = role === "dg" ? "de" : flemish ? "nl" : "fr";
  return {
    nisCode: `${p.codePrefix}${s}`,
    nameFr: name,
    nameNl: name,
    nameDe: role === "dg" ? name : null,
    provinceCode: p.code,
    regionCode: p.regionCode,
    languageArea,
    population,
    deprivation: round3(clamp(rng.normal(base, NOISE_SD))),
    role,
    province: p,
  };
}

function brussels(rng: Random): Draft[] {
  const pops = apportion(regionTotal(BRUSSELS), BRUSSELS_COMMUNES.map((c) => c.thousands));
  return BRUSSELS_COMMUNES.map((c, i) => {
    const [lo, hi] = DEPRIVATION_BANDS[c.band];
    return {
      nisCode: c.nisCode, nameFr: c.nameFr, nameNl: c.nameNl, nameDe: null, provinceCode: null,
      regionCode: BRUSSELS, languageArea: "bilingual", population: pops[i] as number,
      deprivation: round3(rng.uniform(lo, hi)), role: "brussels", province: null,
    };
  });
}

/** All municipalities, sorted by NIS code. */
export function draftMunicipalities(rng: Random): Draft[] {
  const names = new NameMaker(rng.fork("names"));
  const totals = provinceTotals();
  const out: Draft[] = brussels(rng.fork("brussels"));
  for (const p of PROVINCES) {
    const r = rng.fork(p.code);
    let total = totals.get(p.code) as number;
    let count = p.municipalities;
    if (p.code === LIEGE) {
      // The German-speaking Community: serials 901..909, its own population total.
      apportion(DG_POPULATION, lognormalWeights(r, DG_MUNICIPALITIES, 0.5)).forEach((pop, i) => out.push(fictional(p, 901 + i, "dg", pop, names, r)));
      total -= DG_POPULATION;
      count -= DG_MUNICIPALITIES;
    }
    // Shuffled serials: as with real (alphabetical) codes, size does not follow the code.
    const serials = r.shuffle(Array.from({ length: count }, (_, i) => i + 1));
    populations(p, count, total, r).forEach((pop, i) => {
      const role: Role = i === 0 ? "city" : i <= MID_TOWNS ? "mid" : "town";
      out.push(fictional(p, serials[i] as number, role, pop, names, r));
    });
  }
  return out.sort((a, b) => (a.nisCode < b.nisCode ? -1 : 1));
}
