/**
 * The reference geography Boussole ships, for one vintage: 2019 (the 581 municipalities of
 * 2019–2024) or 2025 (the 565 after the mergers of 1 January 2025), with regions, provinces,
 * zone systems and boundaries for the web.
 */
import type { Geography, LanguageArea, Municipality, Sector } from "./types.ts";
import { BRUSSELS_CITY, BRUSSELS_CITY_SECTORS } from "./brussels.ts";
import { PROVINCES, provinceOfNis, REGIONS, regionOfNis } from "./facts.ts";
import { centre, latitudeBand, rounded, type Geometry } from "./geometry.ts";
import { codeIn2025, MERGERS_2025 } from "./mergers.ts";
import { ENGLISH_EXONYMS, GERMAN_NAMES } from "./names.ts";
import { readGeographyData, type GeographyData } from "./read-data.ts";
import { antwerpSubzoneCode, buildZones } from "./zones.ts";

export const VINTAGES = [2019, 2025] as const;
export type Vintage = (typeof VINTAGES)[number];

/** A municipality of the reference: real facts only (no synthetic deprivation). */
export type ReferenceMunicipality = Omit<Municipality, "deprivation">;
export type ReferenceGeography = Omit<Geography, "municipalities"> & { municipalities: ReferenceMunicipality[] };

export type BoundaryLevel = "municipality" | "sector" | "zone";
export interface BoundaryFeature {
  type: "Feature";
  properties: { level: BoundaryLevel; code: string; name: string };
  geometry: Geometry;
}
export interface BoundaryCollection {
  type: "FeatureCollection";
  name: string;
  description: string;
  features: BoundaryFeature[];
}

export interface Reference {
  geography: ReferenceGeography;
  boundaries: BoundaryCollection;
}

/** The vintage of reference that applies to data of a given year. */
export const vintageFor = (year: number): Vintage => (year >= 2025 ? 2025 : 2019);

const languageArea = (nis: string): LanguageArea => (nis in GERMAN_NAMES ? "de" : nis.startsWith("21") ? "bilingual" : regionOfNis(nis) === "02000" ? "nl" : "fr");

function englishName(nis: string, nameFr: string, nameNl: string): string {
  const area = languageArea(nis);
  return ENGLISH_EXONYMS[nis] ?? (area === "de" ? (GERMAN_NAMES[nis] as string) : area === "nl" ? nameNl : nameFr);
}

const cache = new Map<Vintage, Reference>();

export function referenceGeography(vintage: Vintage): Reference {
  let ref = cache.get(vintage);
  if (!ref) cache.set(vintage, (ref = buildReference(readGeographyData(), vintage)));
  return ref;
}

export function buildReference(data: GeographyData, vintage: Vintage): Reference {
  const shapes = new Map<string, Geometry>();
  const rows: Omit<ReferenceMunicipality, "lat" | "lon" | "nameEn" | "nameDe" | "languageArea" | "regionCode" | "provinceCode">[] = [];
  const merged = new Set(vintage === 2025 ? MERGERS_2025.flatMap((m) => m.from) : []);
  for (const m of data.municipalities) {
    if (merged.has(m.nisCode)) continue;
    rows.push({ nisCode: m.nisCode, nameFr: m.nameFr, nameNl: m.nameNl, population: m.population });
    shapes.set(m.nisCode, m.geometry);
  }
  if (vintage === 2025) {
    const population = new Map(data.municipalities.map((m) => [m.nisCode, m.population]));
    for (const g of MERGERS_2025) {
      rows.push({ nisCode: g.nisCode, nameFr: g.nameFr, nameNl: g.nameNl, population: g.from.reduce((n, c) => n + (population.get(c) ?? 0), 0) });
      shapes.set(g.nisCode, data.merged(g.from));
    }
  }
  rows.sort((a, b) => a.nisCode.localeCompare(b.nisCode));
  const municipalities: ReferenceMunicipality[] = rows.map((r) => ({
    ...r,
    nameDe: GERMAN_NAMES[r.nisCode] ?? null,
    nameEn: englishName(r.nisCode, r.nameFr, r.nameNl),
    provinceCode: provinceOfNis(r.nisCode),
    regionCode: regionOfNis(r.nisCode),
    languageArea: languageArea(r.nisCode),
    ...centre(shapes.get(r.nisCode) as Geometry),
  }));

  const nisOfSector = (sector: string) => (vintage === 2025 ? codeIn2025(sector.slice(0, 5)) : sector.slice(0, 5));
  const antwerpSectors = data.antwerpSectors.map((s) => ({ ...s, nisCode: nisOfSector(s.sectorCode) }));
  const built = buildZones({
    nisCodes: municipalities.map((m) => m.nisCode),
    elzMembers: data.elzMembers[vintage],
    elzZones: data.elzZones,
    antwerpSubzones: data.antwerpSubzones,
    antwerpSectors,
    arrondissements: data.arrondissements,
  });
  // Sector populations are not published here: each sector of a municipality gets an equal share.
  const sectorCount = new Map<string, number>();
  for (const s of built.sectors) sectorCount.set(s.nisCode, (sectorCount.get(s.nisCode) ?? 0) + 1);
  const at = new Map(municipalities.map((m) => [m.nisCode, m]));
  const sectors: Sector[] = built.sectors.map((s) => {
    const pseudo = BRUSSELS_CITY_SECTORS.find((p) => p.sectorCode === s.sectorCode);
    const m = at.get(s.nisCode) as ReferenceMunicipality;
    return { ...s, lat: m.lat, lon: m.lon, populationShare: pseudo ? pseudo.share : 1 / (sectorCount.get(s.nisCode) as number) };
  });

  const features: BoundaryFeature[] = municipalities.map((m) => feature("municipality", m.nisCode, m.nameFr, shapes.get(m.nisCode) as Geometry));
  for (const s of BRUSSELS_CITY_SECTORS) features.push(feature("sector", s.sectorCode, s.nameFr, latitudeBand(shapes.get(BRUSSELS_CITY) as Geometry, s.band[0], s.band[1])));
  // Zone systems with official polygons: the ELZ and Antwerp's sub-zones.
  for (const z of built.zones) {
    const own = z.systemCode === "elz" ? data.elzBoundaries.get(z.code) : z.systemCode === "elz-antwerpen" ? data.antwerpBoundaries.get(z.code.replace(/^elz2-/, "")) : undefined;
    if (own) features.push(feature("zone", z.code, z.nameFr, own));
  }
  void antwerpSubzoneCode;

  const geography: ReferenceGeography = {
    vintage,
    regions: REGIONS.map(({ population: _, ...r }) => r),
    provinces: [...PROVINCES],
    municipalities,
    sectors,
    zoneSystems: built.zoneSystems,
    zones: built.zones,
    members: built.members,
  };
  return { geography, boundaries: { type: "FeatureCollection", name: `Boussole reference geography ${vintage}`, description: BOUNDARIES_DESCRIPTION, features } };
}

export const BOUNDARIES_DESCRIPTION =
  "Belgian municipalities (bmesuere/belgium-topojson, CC0 1.0; merged as of 1 January 2025 where the vintage is 2025), " +
  "Flemish primary-care zones and Antwerp sub-zones (Provincies in Cijfers, Modellicentie Gratis Hergebruik). Bruxelles-Ville's " +
  "three pseudo-sectors are cut by latitude: an approximation, not Statbel sectors.";

function feature(level: BoundaryFeature["properties"]["level"], code: string, name: string, geometry: Geometry): BoundaryFeature {
  return { type: "Feature", properties: { level, code, name }, geometry: rounded(geometry) };
}
