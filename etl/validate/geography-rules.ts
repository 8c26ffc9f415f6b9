import { geographyKinds } from "../../contract/geography-files.ts";
import type { GeographyRows, References } from "./references.ts";
import type { ValidationReport } from "./report.ts";

/** Line and file of a collected row (kept by the row checker: a kind may have several files). */
const lineOf = (row: Record<string, unknown>) => row._line as number | undefined;
const fileOf = (row: Record<string, unknown>, fallback: string) => (row._file as string | undefined) ?? fallback;

/**
 * Consistency of the zone systems: no empty zone; within one system, each municipality
 * or sector in at most one zone; a municipality split by sectors in a system is never
 * also a whole member of it, and all its sectors are placed.
 */
export function checkGeography(rows: GeographyRows, report: ValidationReport, files: Record<keyof GeographyRows, string>, vintage?: number, options: { warnUncovered?: boolean } = {}): void {
  const systemOfZone = new Map(rows.geo_zone.map((z) => [String(z.zone_code), String(z.system_code)]));
  const membersOfZone = new Map<string, number>();
  const placed = new Map<string, { zone: string; line?: number }>();
  const wholeIn = new Map<string, Set<string>>();
  const splitIn = new Map<string, Set<string>>();
  const file = files.geo_zone_member;

  for (const m of rows.geo_zone_member) {
    const zone = String(m.zone_code);
    const system = systemOfZone.get(zone);
    if (system === undefined) continue;
    membersOfZone.set(zone, (membersOfZone.get(zone) ?? 0) + 1);
    const unit = m.sector_code === null ? String(m.nis_code) : String(m.sector_code);
    const key = `${system}\u0000${unit}`;
    const before = placed.get(key);
    if (before) {
      report.error("geo.overlapping-zones", fileOf(m, file), `${unit} is in zones ${before.zone} and ${zone} of the same system ${system}`, {
        line: lineOf(m),
        column: m.sector_code === null ? "nis_code" : "sector_code",
        value: unit,
      });
    } else placed.set(key, { zone, line: lineOf(m) });
    const map = m.sector_code === null ? wholeIn : splitIn;
    const set = map.get(system) ?? new Set<string>();
    set.add(String(m.nis_code));
    map.set(system, set);
  }

  for (const z of rows.geo_zone) {
    if (!membersOfZone.has(String(z.zone_code)))
      report.error("geo.empty-zone", fileOf(z, files.geo_zone), `zone ${z.zone_code} has no member in ${files.geo_zone_member}`, { line: lineOf(z), column: "zone_code", value: String(z.zone_code) });
  }

  // A system of one region (Brussels' bassins, Wallonia's OLS) is meant to cover it: a
  // municipality in none of its zones drops out of that system's zone figures. A warning, not
  // an error: a regional system may be partial on purpose (a pilot); one per system. Not for the
  // shipped reference's systems, partial by design (Antwerp's sub-zones, the German-speaking
  // Community, the provisional OLS without it): every extract without zone files would see them.
  for (const system of options.warnUncovered === false ? [] : rows.geo_zone_system) {
    const region = system.region_code === null || system.region_code === undefined ? null : String(system.region_code);
    if (region === null) continue;
    const code = String(system.system_code);
    const uncovered = rows.geo_municipality.filter(
      (m) => String(m.region_code) === region && (vintage === undefined || m.vintage === vintage) && !wholeIn.get(code)?.has(String(m.nis_code)) && !splitIn.get(code)?.has(String(m.nis_code)),
    );
    const first = uncovered[0];
    if (!first) continue;
    const names = uncovered
      .slice(0, 5)
      .map((m) => `${m.nis_code} ${m.name_fr}`)
      .join(", ");
    report.warning(
      "geo.uncovered-municipality",
      fileOf(first, files.geo_municipality),
      `${uncovered.length} municipality(ies) of region ${region} are in no zone of system ${code}, which covers that region (first: ${names}); its zone figures leave them out`,
      { line: lineOf(first), column: "nis_code", value: String(first.nis_code) },
    );
  }

  const sectorsOf = new Map<string, string[]>();
  for (const s of rows.geo_sector) sectorsOf.set(String(s.nis_code), [...(sectorsOf.get(String(s.nis_code)) ?? []), String(s.sector_code)]);
  for (const [system, split] of splitIn) {
    for (const nis of split) {
      if (wholeIn.get(system)?.has(nis)) report.error("geo.split-and-whole", file, `municipality ${nis} is in system ${system} both whole and by sector`, { column: "nis_code", value: nis });
      const missing = (sectorsOf.get(nis) ?? []).filter((s) => !placed.has(`${system}\u0000${s}`));
      if (missing.length > 0)
        report.error("geo.incomplete-split", file, `municipality ${nis} is split in system ${system}, but sector(s) ${missing.join(", ")} are in no zone`, { column: "sector_code", value: nis });
    }
  }
}

/**
 * Codes that geography files take from one another (a member's zone, a sector's municipality)
 * can only be checked once all of them are read: their rows are held until then. Rows in
 * `reported` already have an error that says more (a zone member outside its system's vintage).
 */
export function checkGeographyReferences(
  rows: GeographyRows,
  refs: References,
  report: ValidationReport,
  files: Record<keyof GeographyRows, string>,
  reported: ReadonlySet<unknown> = new Set(),
): void {
  for (const kind of geographyKinds) {
    const id = kind.id as keyof GeographyRows;
    for (const [column, reference] of Object.entries(kind.references ?? {})) {
      for (const row of rows[id]) {
        const value = row[column];
        if (value === null || value === undefined || refs.sets[reference].has(String(value)) || (column === "nis_code" && reported.has(row))) continue;
        const rule = `code.unknown-${reference === "zoneSystem" ? "zone-system" : reference}`;
        report.error(rule, fileOf(row, files[id]), `${column} ${value} is not in the geography (vintage ${refs.vintage})`, { line: lineOf(row), column, value: String(value) });
      }
    }
  }
}
