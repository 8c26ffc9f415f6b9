/**
 * The areas each residence unit belongs to, as one relation
 * `residence_area(nis_code, sector_code, level, system_code, area_code)`.
 *
 * A residence unit is a (municipality, sector) pair as written in person_year; the sector is
 * often null. Mapping units rather than persons keeps this relation tiny (a few thousand rows
 * for Belgium) so that the fan-out of one person-year cell to its 5–8 areas happens after the
 * person-level rows have been summed (see compile.ts).
 *
 * - municipality: the unit's own NIS code;
 * - zone: every zone of every zone system whose member list holds the unit; a member with a
 *   null sector covers the whole municipality, a member with a sector only persons living in
 *   that sector (Bruxelles is split between three bassins: BXL-NORD holds only 21004_S01);
 * - province (none for the 19 Brussels municipalities), region, and Belgium (`BE`);
 * - sector, for units with a sector: for disclosure control only, never published. The sectors
 *   of a municipality that lie in the same zones of every system are one unit there: no
 *   released cell tells them apart, so the disclosure model sums them (release/geo-index.ts,
 *   whose grouping this repeats), and computing them one by one was 38 % of the cells. A group
 *   is named by its first sector code (`area_code`), which the model maps to its group.
 *
 * Municipalities are read from the latest vintage only: codes in the person files are checked
 * against it at load, and an older vintage would count a municipality twice.
 */

export const LEVELS = ["belgium", "region", "province", "zone", "municipality", "sector"] as const;
export type Level = (typeof LEVELS)[number];

/**
 * The CTEs `residence_unit`, `municipality`, `residence_sector_zones`, `residence_sector_group`
 * (`residence_atom_zones` and `residence_atom` with `municipalAtoms`) and `residence_area`, to put in a WITH clause
 * (without the leading WITH).
 */
export interface ResidenceAreaOptions {
  /**
   * Municipalities by atom: the municipalities of one province that lie in the same zones of every
   * system (and are not split by sector), named by their first NIS code. For a release that
   * publishes no municipal cell, whose disclosure model sums them so anyway
   * (release/model-table.ts `atomsOf`, whose grouping this repeats): most of its cells otherwise.
   */
  municipalAtoms?: boolean;
}

export function residenceAreaCtes(options: ResidenceAreaOptions = {}): string {
  const municipalityCode = options.municipalAtoms ? "coalesce(t.first_nis, u.nis_code)" : "u.nis_code";
  const municipalityFrom = options.municipalAtoms ? "residence_unit u LEFT JOIN residence_atom t ON t.nis_code = u.nis_code" : "residence_unit u";
  // Only when asked: the CTEs residence_atom_zones and residence_atom.
  const atomCtes = options.municipalAtoms
    ? `), residence_atom_zones AS (
  SELECT g.nis_code,
    g.region_code || '+' || coalesce(g.province_code, '-') || coalesce('+' || string_agg(z.system_code || ':' || m.zone_code, '+' ORDER BY z.system_code || ':' || m.zone_code), '') AS signature
  FROM municipality g
  LEFT JOIN geo_zone_member m ON m.nis_code = g.nis_code AND m.sector_code IS NULL
  LEFT JOIN geo_zone z ON z.zone_code = m.zone_code
  WHERE g.nis_code NOT IN (SELECT nis_code FROM geo_zone_member WHERE sector_code IS NOT NULL)
  GROUP BY g.nis_code, g.region_code, g.province_code
), residence_atom AS (
  SELECT nis_code, min(nis_code) OVER (PARTITION BY signature) AS first_nis FROM residence_atom_zones
`
    : "";
  return `residence_unit AS (
  SELECT DISTINCT nis_code, sector_code FROM person_year
), municipality AS (
  SELECT nis_code, province_code, region_code FROM geo_municipality
  WHERE vintage = (SELECT max(vintage) FROM geo_municipality)
), residence_sector_zones AS (
  SELECT m.sector_code, min(m.nis_code) AS nis_code,
    string_agg(z.system_code || ':' || m.zone_code, '+' ORDER BY z.system_code || ':' || m.zone_code) AS zones
  FROM geo_zone_member m JOIN geo_zone z ON z.zone_code = m.zone_code
  WHERE m.sector_code IS NOT NULL
  GROUP BY m.sector_code
), residence_sector_group AS (
  SELECT sector_code, min(sector_code) OVER (PARTITION BY nis_code, zones) AS first_sector FROM residence_sector_zones
${atomCtes}), residence_area AS (
  SELECT u.nis_code, u.sector_code, 'municipality' AS level, NULL::VARCHAR AS system_code, ${municipalityCode} AS area_code FROM ${municipalityFrom}
  UNION ALL
  SELECT DISTINCT u.nis_code, u.sector_code, 'zone', z.system_code, z.zone_code
  FROM residence_unit u
  JOIN geo_zone_member m ON m.nis_code = u.nis_code AND (m.sector_code IS NULL OR m.sector_code = u.sector_code)
  JOIN geo_zone z ON z.zone_code = m.zone_code
  UNION ALL
  SELECT u.nis_code, u.sector_code, 'province', NULL, g.province_code
  FROM residence_unit u JOIN municipality g USING (nis_code) WHERE g.province_code IS NOT NULL
  UNION ALL
  SELECT u.nis_code, u.sector_code, 'region', NULL, g.region_code FROM residence_unit u JOIN municipality g USING (nis_code)
  UNION ALL
  SELECT u.nis_code, u.sector_code, 'belgium', NULL, 'BE' FROM residence_unit u
  UNION ALL
  -- Sectors are never published: their cells let disclosure control model a municipality
  -- split between zones exactly (release/sdc-model.ts), one cell per group of sectors in the
  -- same zones (a sector no zone lists stands alone).
  SELECT u.nis_code, u.sector_code, 'sector', NULL, coalesce(g.first_sector, u.sector_code)
  FROM residence_unit u LEFT JOIN residence_sector_group g ON g.sector_code = u.sector_code
  WHERE u.sector_code IS NOT NULL
)`;
}

/** The relation on its own, e.g. to check a zone system's coverage. */
export function residenceAreaSql(): string {
  return `WITH ${residenceAreaCtes()}\nSELECT * FROM residence_area`;
}

/**
 * The region of every area: `(level, system_code, area_code, region_code)`, for the
 * comparison with the parent region. Read from the geography alone (a few hundred rows), not
 * from the persons' residence units, which cost a scan of person_year on every computation.
 * An area whose municipalities lie in several regions (none in Belgium's zone systems today)
 * is given the region holding most of them.
 */
export function areaRegionSql(): string {
  return `WITH municipality AS (
  SELECT nis_code, province_code, region_code FROM geo_municipality
  WHERE vintage = (SELECT max(vintage) FROM geo_municipality)
), counted AS (
  SELECT 'municipality' AS level, NULL::VARCHAR AS system_code, nis_code AS area_code, region_code, 1 AS units FROM municipality
  UNION ALL
  SELECT 'province', NULL, province_code, region_code, count(*) FROM municipality WHERE province_code IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT 'zone', z.system_code, z.zone_code, g.region_code, count(DISTINCT g.nis_code)
  FROM geo_zone_member m JOIN geo_zone z ON z.zone_code = m.zone_code JOIN municipality g ON g.nis_code = m.nis_code
  GROUP BY ALL
)
SELECT level, system_code, area_code, arg_max(region_code, units) AS region_code FROM counted GROUP BY ALL`;
}
