/**
 * A synthetic Belgium (vintage 2025): real regions, provinces, Brussels communes and
 * Brussels bassins; fictional, plainly labelled municipalities everywhere else, with
 * populations summing exactly to the published regional totals.
 */
import type { Geography, Municipality, Province, Region } from "../geography/types.ts";
import { PROVINCES, REGIONS, VINTAGE } from "./geo/facts.ts";
import { layOut } from "./geo/layout.ts";
import { draftMunicipalities } from "./geo/municipalities.ts";
import { buildZones } from "./geo/zones.ts";
import { Random } from "./random.ts";

export function buildSyntheticGeography(seed: number | string): Geography {
  const rng = new Random(seed);
  // Separate streams, so changing one part leaves the others' draws unchanged.
  const drafts = draftMunicipalities(rng.fork("municipalities"));
  const layout = layOut(drafts, rng.fork("layout"));
  const municipalities: Municipality[] = drafts.map((d, i) => {
    const { lat, lon } = layout.points[i] as { lat: number; lon: number };
    return {
      nisCode: d.nisCode, nameFr: d.nameFr, nameNl: d.nameNl, nameDe: d.nameDe, provinceCode: d.provinceCode,
      regionCode: d.regionCode, languageArea: d.languageArea, lat, lon, population: d.population, deprivation: d.deprivation,
    };
  });
  const zones = buildZones(municipalities, layout.sectors, layout.split, rng.fork("zones"));
  const regions: Region[] = REGIONS.map(({ code, nameFr, nameNl, nameDe, nameEn }) => ({ code, nameFr, nameNl, nameDe, nameEn }));
  const provinces: Province[] = PROVINCES.map(({ code, regionCode, nameFr, nameNl, nameDe, nameEn }) => ({ code, regionCode, nameFr, nameNl, nameDe, nameEn }));
  return { vintage: VINTAGE, regions, provinces, municipalities, sectors: layout.sectors, ...zones };
}
