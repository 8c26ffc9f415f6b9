/**
 * The geography a release carries, read from the warehouse: every area that can have cells
 * (Belgium, regions, provinces, municipalities, the zones of each system) with its names, the
 * zone systems and their members, and boundaries for the maps.
 *
 * Boundaries of zones, provinces, regions and Belgium are not in extracts: they are dissolved
 * here from the municipalities' (and, for a municipality split between zones, its sectors').
 * Names of regions and provinces are Belgium's published ones (geography/facts.ts), since
 * extracts carry only their codes. A zone whose system supplied its own polygon (boundary level
 * `zone`) is drawn with it; other zones are the union of their members.
 */
import polygonClipping, { type MultiPolygon, type Polygon } from "polygon-clipping";
import type { Database } from "../core/duckdb.ts";
import { coverageNames } from "../geography/coverage.ts";
import { PROVINCES, REGIONS } from "../geography/facts.ts";
import type { AreaRow, BoundaryRow, Level, ZoneMemberRow, ZoneSystemRow } from "./format.ts";

/** The rows of the release's `area`, `zone_system`, `zone_member` and `boundary` tables (release/format.ts). */
export interface ReleaseGeography {
  areas: AreaRow[];
  systems: ZoneSystemRow[];
  members: ZoneMemberRow[];
  boundaries: BoundaryRow[];
}

type Geometry = { type: "Polygon"; coordinates: Polygon } | { type: "MultiPolygon"; coordinates: MultiPolygon };

const LATEST = "(SELECT max(vintage) FROM geo_municipality)";

export async function readGeography(db: Database): Promise<ReleaseGeography> {
  const municipalities = await db.all<{ nis_code: string; name_fr: string; name_nl: string; name_de: string | null; name_en: string; province_code: string | null; region_code: string }>(
    `SELECT nis_code, name_fr, name_nl, name_de, coalesce(name_en, name_fr) AS name_en, province_code, region_code FROM geo_municipality WHERE vintage = ${LATEST} ORDER BY nis_code`,
  );
  const systems = await db.all<ZoneSystemRow>(`SELECT system_code, name_fr, name_nl, name_de, name_en, region_code FROM geo_zone_system ORDER BY system_code`);
  const zones = await db.all<{ zone_code: string; system_code: string; name_fr: string; name_nl: string; name_de: string; name_en: string }>(
    `SELECT zone_code, system_code, name_fr, name_nl, name_de, name_en FROM geo_zone ORDER BY system_code, zone_code`,
  );
  const members = await db.all<ZoneMemberRow>(`SELECT z.system_code, m.zone_code, m.nis_code, m.sector_code FROM geo_zone_member m JOIN geo_zone z USING (zone_code) ORDER BY ALL`);
  const regionOfMunicipality = new Map(municipalities.map((m) => [m.nis_code, m.region_code]));
  const usedRegions = new Set(municipalities.map((m) => m.region_code));
  const usedProvinces = new Set(municipalities.map((m) => m.province_code).filter((p): p is string => p !== null));

  // The top level is named for the regions where the data's people live ("Belgium" only when all three are covered).
  const top = coverageNames(await coveredRegions(db, usedRegions));
  const areas: AreaRow[] = [
    { level: "belgium", system_code: null, area_code: "BE", name_fr: top.nameFr, name_nl: top.nameNl, name_de: top.nameDe, name_en: top.nameEn, region_code: null, province_code: null },
  ];
  for (const r of REGIONS.filter((r) => usedRegions.has(r.code)))
    areas.push({ level: "region", system_code: null, area_code: r.code, name_fr: r.nameFr, name_nl: r.nameNl, name_de: r.nameDe, name_en: r.nameEn, region_code: null, province_code: null });
  for (const p of PROVINCES.filter((p) => usedProvinces.has(p.code)))
    areas.push({ level: "province", system_code: null, area_code: p.code, name_fr: p.nameFr, name_nl: p.nameNl, name_de: p.nameDe, name_en: p.nameEn, region_code: p.regionCode, province_code: null });
  for (const z of zones) {
    // A zone lies in the region of its members (all of one region in Belgium's systems).
    const region = members.find((m) => m.zone_code === z.zone_code && m.system_code === z.system_code);
    areas.push({
      level: "zone",
      system_code: z.system_code,
      area_code: z.zone_code,
      name_fr: z.name_fr,
      name_nl: z.name_nl,
      name_de: z.name_de,
      name_en: z.name_en,
      region_code: region ? (regionOfMunicipality.get(region.nis_code) ?? null) : null,
      province_code: null,
    });
  }
  // An extract without English names: the French one stands in, as on Statbel's English pages.
  for (const m of municipalities)
    areas.push({
      level: "municipality",
      system_code: null,
      area_code: m.nis_code,
      name_fr: m.name_fr,
      name_nl: m.name_nl,
      name_de: m.name_de,
      name_en: m.name_en,
      region_code: m.region_code,
      province_code: m.province_code,
    });

  const boundaries = await dissolvedBoundaries(db, municipalities, members);
  return { areas, systems, members, boundaries };
}

/** Regions with residents in the population file; the geography's regions when there is none. */
async function coveredRegions(db: Database, geographyRegions: ReadonlySet<string>): Promise<Set<string>> {
  const tables = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'person_year'`);
  if ((tables[0]?.n ?? 0) === 0) return new Set(geographyRegions);
  const rows = await db.all<{ region_code: string }>(
    `SELECT DISTINCT m.region_code FROM (SELECT DISTINCT nis_code FROM person_year) p JOIN geo_municipality m ON m.nis_code = p.nis_code AND m.vintage = ${LATEST}`,
  );
  return rows.length > 0 ? new Set(rows.map((r) => r.region_code)) : new Set(geographyRegions);
}

async function dissolvedBoundaries(
  db: Database,
  municipalities: readonly { nis_code: string; province_code: string | null; region_code: string }[],
  members: readonly ZoneMemberRow[],
): Promise<BoundaryRow[]> {
  const rows = await db.all<{ level: string; code: string; geometry: string }>(`SELECT level, code, CAST(geometry AS VARCHAR) AS geometry FROM geo_boundary`);
  if (rows.length === 0) return [];
  const shape = new Map<string, MultiPolygon>();
  for (const r of rows) shape.set(`${r.level}|${r.code}`, asMulti(JSON.parse(r.geometry) as Geometry));
  const municipal = (nis: string) => shape.get(`municipality|${nis}`);
  const out: BoundaryRow[] = [];
  const push = (level: Level, system: string | null, code: string, parts: (MultiPolygon | undefined)[]) => {
    const present = parts.filter((p): p is MultiPolygon => p !== undefined && p.length > 0);
    if (present.length === 0) return;
    const [first, ...rest] = present;
    const union = rest.length === 0 ? first! : polygonClipping.union(first!, ...rest);
    out.push({ level, system_code: system, area_code: code, geometry: JSON.stringify({ type: "MultiPolygon", coordinates: union }) });
  };
  for (const m of municipalities) push("municipality", null, m.nis_code, [municipal(m.nis_code)]);
  const zones = new Map<string, ZoneMemberRow[]>();
  for (const m of members) zones.set(`${m.system_code}|${m.zone_code}`, [...(zones.get(`${m.system_code}|${m.zone_code}`) ?? []), m]);
  for (const list of zones.values()) {
    const own = shape.get(`zone|${list[0]!.zone_code}`);
    push("zone", list[0]!.system_code, list[0]!.zone_code, own ? [own] : list.map((m) => (m.sector_code ? shape.get(`sector|${m.sector_code}`) : municipal(m.nis_code))));
  }
  const group = (key: (m: (typeof municipalities)[number]) => string | null) => {
    const g = new Map<string, MultiPolygon[]>();
    for (const m of municipalities) {
      const k = key(m);
      const s = municipal(m.nis_code);
      if (k !== null && s) g.set(k, [...(g.get(k) ?? []), s]);
    }
    return g;
  };
  for (const [code, parts] of group((m) => m.province_code)) push("province", null, code, parts);
  const regions = group((m) => m.region_code);
  for (const [code, parts] of regions) push("region", null, code, parts);
  push(
    "belgium",
    null,
    "BE",
    out.filter((b) => b.level === "region").map((b) => (JSON.parse(b.geometry) as { coordinates: MultiPolygon }).coordinates),
  );
  return out;
}

function asMulti(g: Geometry): MultiPolygon {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}
