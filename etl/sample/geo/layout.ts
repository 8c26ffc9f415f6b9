/**
 * Where the municipalities sit. Provinces are the Voronoi regions of their approximate
 * real centres, except that only the 19 real communes lie near Brussels' centre and
 * that Flemish Brabant surrounds them; German-speaking municipalities lie east of
 * 5.95°E, the rest of Liège west of it. Large cities sit near the real ones.
 */
import type { Sector } from "../../geography/types.ts";
import type { Random } from "../random.ts";
import { BRUSSELS_CENTRE, BRUSSELS_CITY, BRUSSELS_COMMUNES, BRUSSELS_RADIUS_KM, BRUSSELS_RING_KM } from "./brussels.ts";
import { DG_WEST_LON, LIEGE, PROVINCES, SPLIT_CITY_PROVINCE } from "./facts.ts";
import type { Draft } from "./municipalities.ts";
import { insideBelgium } from "./outline.ts";
import { BORDER_MARGIN, relax, scatter, type Unit } from "./placement.ts";
import { distKm, KM_PER_UNIT, KX, project, round5, toLonLat, type XY } from "./plane.ts";
import { brusselsCitySectors, splitCitySectors, SPLIT_CITY_RADIUS_KM, type SectorGroup } from "./sectors.ts";

const SCATTER_STEP = 0.01;
const RELAX_STEP = 0.007;
const RELAX_ITERATIONS = 2;
/** Keeps the two language areas of Liège apart by ~1 km. */
const DG_GAP = 0.007;
const VLAAMS_BRABANT = "20001";

export interface Layout {
  /** Final position per draft (same order), rounded to 5 decimals. */
  points: { lat: number; lon: number }[];
  sectors: Sector[];
  split: { nisCode: string; name: string; groups: SectorGroup[] };
}

const brusselsCentre = project(BRUSSELS_CENTRE[0], BRUSSELS_CENTRE[1]);
const seeds = PROVINCES.map((p) => ({ code: p.code, at: project(p.seed[0], p.seed[1]) }));

const ringUnits2 = (km: number): number => (km / KM_PER_UNIT) ** 2;
const INNER2 = ringUnits2(BRUSSELS_RADIUS_KM);
const RING2 = ringUnits2(BRUSSELS_RING_KM);

/** Province owning a fictional point; null inside the Brussels disc. Hot: called per grid point. */
export function provinceAt(p: XY): string | null {
  const d2 = (p[0] - brusselsCentre[0]) ** 2 + (p[1] - brusselsCentre[1]) ** 2;
  if (d2 < INNER2) return null;
  if (d2 < RING2) return VLAAMS_BRABANT;
  let best = "";
  let bestD2 = Infinity;
  for (const s of seeds) {
    const e2 = (p[0] - s.at[0]) ** 2 + (p[1] - s.at[1]) ** 2;
    if (e2 < bestD2) [best, bestD2] = [s.code, e2];
  }
  return best;
}

const roundXY = (p: XY): XY => {
  const [lon, lat] = toLonLat(p);
  return project(round5(lat), round5(lon));
};

export function layOut(drafts: readonly Draft[], rng: Random): Layout {
  const cityDraft = drafts.find((d) => d.role === "city" && d.provinceCode === SPLIT_CITY_PROVINCE);
  if (!cityDraft?.province) throw new Error("no large city in the split city's province");
  const cityAt = (d: Draft): XY => {
    const [lat, lon] = (d.province as NonNullable<Draft["province"]>).city;
    const p = roundXY(project(lat + rng.uniform(-0.01, 0.01), lon + rng.uniform(-0.01, 0.01)));
    if (provinceAt(p) !== d.provinceCode || !insideBelgium(p, BORDER_MARGIN)) throw new Error(`city anchor of ${d.provinceCode} outside its province`);
    return p;
  };
  const splitCentre = cityAt(cityDraft);
  const split = splitCitySectors(cityDraft.nisCode, cityDraft.nameNl, splitCentre, rng.fork("sectors"));
  const sectors = [...brusselsCitySectors(), ...split.sectors];

  // One region test per (province, language area), so scatter can cache its candidate pools.
  const regions = new Map<string, Unit["region"]>();
  const regionOf = (d: Draft): Unit["region"] => {
    const key = `${d.provinceCode}|${d.role === "dg"}`;
    let region = regions.get(key);
    if (!region) {
      const side = d.provinceCode !== LIEGE ? 0 : d.role === "dg" ? 1 : -1;
      region = (p) =>
        provinceAt(p) === d.provinceCode &&
        distKm(p, splitCentre) >= SPLIT_CITY_RADIUS_KM &&
        (side === 0 || side * (p[0] / KX - DG_WEST_LON) >= DG_GAP);
      regions.set(key, region);
    }
    return region;
  };
  const units: Unit[] = drafts.map((d) => {
    if (d.role === "brussels") {
      const c = BRUSSELS_COMMUNES.find((b) => b.nisCode === d.nisCode);
      if (!c) throw new Error(`unknown Brussels commune ${d.nisCode}`);
      return { fixed: project(c.lat, c.lon), region: () => false };
    }
    if (d === cityDraft) return { fixed: splitCentre, region: () => false };
    return { fixed: d.role === "city" ? cityAt(d) : null, region: regionOf(d) };
  });
  const scattered = scatter(units, SCATTER_STEP, rng.fork("scatter")).map(roundXY);

  // Lloyd runs on the sites the boundaries use: split municipalities count through their sectors.
  const isSplit = (d: Draft): boolean => d.nisCode === BRUSSELS_CITY || d === cityDraft;
  const siteOf: number[] = [];
  const sites: XY[] = [];
  const siteUnits: (Unit | null)[] = [];
  drafts.forEach((d, i) => {
    if (isSplit(d)) return;
    siteOf[i] = sites.length;
    sites.push(scattered[i] as XY);
    siteUnits.push(units[i] as Unit);
  });
  for (const s of sectors) {
    sites.push(project(s.lat, s.lon));
    siteUnits.push(null);
  }
  const relaxed = relax(sites, siteUnits, RELAX_STEP, RELAX_ITERATIONS);

  const points = drafts.map((d, i) => {
    const p = isSplit(d) ? (scattered[i] as XY) : (relaxed[siteOf[i] as number] as XY);
    const [lon, lat] = toLonLat(p);
    return { lat: round5(lat), lon: round5(lon) };
  });
  return { points, sectors, split: { nisCode: cityDraft.nisCode, name: cityDraft.nameNl, groups: split.groups } };
}
