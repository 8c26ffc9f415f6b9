import type { ParsedRow, ReferenceName } from "../../contract/index.ts";

/** What the rest of an extract is checked against, built from its geography files. */
export interface References {
  vintage: number;
  sets: Record<ReferenceName, Set<string>>;
  /** Sector code → municipality code. */
  sectorMunicipality: Map<string, string>;
  /** Municipalities that some zone system splits by sector: residents need a sector code. */
  splitMunicipalities: Set<string>;
}

export function emptyReferences(vintage: number): References {
  return {
    vintage,
    sets: { municipality: new Set(), sector: new Set(), zone: new Set(), zoneSystem: new Set() },
    sectorMunicipality: new Map(),
    splitMunicipalities: new Set(),
  };
}

export interface GeographyRows {
  geo_municipality: ParsedRow[];
  geo_sector: ParsedRow[];
  geo_zone_system: ParsedRow[];
  geo_zone: ParsedRow[];
  geo_zone_member: ParsedRow[];
}

/** The latest vintage in the municipality file, unless one is asked for. */
export function chooseVintage(rows: GeographyRows, asked?: number): number {
  if (asked !== undefined) return asked;
  let latest = 0;
  for (const r of rows.geo_municipality) if (typeof r.vintage === "number" && r.vintage > latest) latest = r.vintage;
  return latest;
}

export function buildReferences(rows: GeographyRows, vintage: number): References {
  const refs = emptyReferences(vintage);
  for (const r of rows.geo_municipality) if (r.vintage === vintage) refs.sets.municipality.add(String(r.nis_code));
  for (const r of rows.geo_sector) {
    if (r.vintage !== vintage) continue;
    refs.sets.sector.add(String(r.sector_code));
    refs.sectorMunicipality.set(String(r.sector_code), String(r.nis_code));
  }
  for (const r of rows.geo_zone_system) refs.sets.zoneSystem.add(String(r.system_code));
  for (const r of rows.geo_zone) refs.sets.zone.add(String(r.zone_code));
  for (const r of rows.geo_zone_member) if (r.sector_code !== null) refs.splitMunicipalities.add(String(r.nis_code));
  return refs;
}
