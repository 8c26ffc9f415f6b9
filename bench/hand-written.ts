/**
 * The engine's peer inside DuckDB: three indicators (gmd-coverage, antibiotic-users,
 * emergency-visits) written by hand as an analyst would, counts per residence unit and stratum,
 * then every area and stratum with GROUPING SETS; no statistics. bench/tasks/indicators-task.ts
 * times it against the engine (issue 15: the engine within 1.3× of it) and checks that it gives
 * the engine's figures, so the ratio compares the same work. Pure: SQL text and row mapping.
 */
import { residenceAreaCtes } from "../indicators/compute/areas.ts";
import type { Figure } from "./peer-figures.ts";

export const HAND_WRITTEN = `WITH ${residenceAreaCtes()},
antibiotic AS (SELECT DISTINCT person_id, CAST(year(delivery_date) AS INTEGER) AS year FROM pharmacy_delivery WHERE starts_with(atc_code, 'J01')),
emergency AS (SELECT person_id, CAST(year(service_date) AS INTEGER) AS year, count(*) AS visits FROM health_service WHERE nomenclature_code = '990510' GROUP BY ALL),
unit AS (
  SELECT p.year, p.nis_code, p.sector_code, p.sex, p.bim,
    CASE WHEN p.year - p.birth_year < 18 THEN '0-17' WHEN p.year - p.birth_year < 45 THEN '18-44' WHEN p.year - p.birth_year < 65 THEN '45-64' WHEN p.year - p.birth_year < 75 THEN '65-74' ELSE '75+' END AS age_band,
    count(*) AS persons, count_if(p.gmd) AS gmd, count(a.person_id) AS antibiotic, coalesce(sum(e.visits), 0) AS visits
  FROM person_year p LEFT JOIN antibiotic a USING (person_id, year) LEFT JOIN emergency e USING (person_id, year)
  GROUP BY ALL
)
SELECT year, level, system_code, area_code, GROUPING(sex, age_band, bim) AS g, sex, age_band, bim, sum(persons) AS persons, sum(gmd) AS gmd, sum(antibiotic) AS antibiotic, sum(visits) AS visits
FROM unit u JOIN residence_area a ON a.nis_code = u.nis_code AND a.sector_code IS NOT DISTINCT FROM u.sector_code
GROUP BY GROUPING SETS ((year, level, system_code, area_code), (year, level, system_code, area_code, sex), (year, level, system_code, area_code, age_band), (year, level, system_code, area_code, bim))`;

// The same, counting also what the engine computes for emergency-visits because its definition
// asks for it (`sub-annual: quarter`): its visits by quarter of their date, in every area.
// Reported beside the plain comparison, which stays the target's measure.
export const HAND_WRITTEN_WITH_QUARTERS = HAND_WRITTEN.replace(
  "count(*) AS visits FROM health_service",
  "count(*) AS visits, " + [1, 2, 3, 4].map((q) => `count(*) FILTER (WHERE quarter(service_date) = ${q}) AS q${q}`).join(", ") + " FROM health_service",
)
  .replace("coalesce(sum(e.visits), 0) AS visits", "coalesce(sum(e.visits), 0) AS visits, " + [1, 2, 3, 4].map((q) => `coalesce(sum(e.q${q}), 0) AS q${q}`).join(", "))
  .replace("sum(visits) AS visits", "sum(visits) AS visits, " + [1, 2, 3, 4].map((q) => `sum(q${q}) AS q${q}`).join(", "));
for (const part of ["count(*) AS visits FROM health_service", "coalesce(sum(e.visits), 0) AS visits", "sum(visits) AS visits"]) {
  if (!HAND_WRITTEN.includes(part)) throw new Error(`the hand-written query changed (no ${part}): update its quarters too`);
}

/** The query's columns as DuckDB returns them (counts may come as bigint). */
export interface HandWrittenColumns {
  year: readonly unknown[];
  level: readonly unknown[];
  system_code: readonly unknown[];
  area_code: readonly unknown[];
  g: readonly unknown[];
  sex: readonly unknown[];
  age_band: readonly unknown[];
  bim: readonly unknown[];
  persons: readonly unknown[];
  gmd: readonly unknown[];
  antibiotic: readonly unknown[];
  visits: readonly unknown[];
}

// GROUPING(sex, age_band, bim): a bit set for each column summed over, sex's the highest.
const STRATUM_OF_GROUPING: Record<number, "total" | "sex" | "age-band" | "bim"> = { 7: "total", 3: "sex", 5: "age-band", 6: "bim" };

/** The query's rows as the engine's figures: three per row, persons the denominator of each. */
export function handWrittenFigures(columns: HandWrittenColumns): Figure[] {
  const figures: Figure[] = [];
  for (let i = 0; i < columns.year.length; i++) {
    const stratum = STRATUM_OF_GROUPING[Number(columns.g[i])];
    if (!stratum) throw new Error(`hand-written query: unexpected grouping ${String(columns.g[i])}`);
    const bim = columns.bim[i];
    const value = stratum === "total" ? "all" : stratum === "sex" ? String(columns.sex[i]) : stratum === "age-band" ? String(columns.age_band[i]) : bim === null ? "unknown" : bim ? "bim" : "non-bim";
    const area = {
      year: Number(columns.year[i]),
      level: String(columns.level[i]),
      system_code: (columns.system_code[i] as string | null) ?? null,
      area_code: String(columns.area_code[i]),
      stratum,
      stratum_value: value,
    };
    const denominator = Number(columns.persons[i]);
    figures.push({ indicator_id: "gmd-coverage", ...area, numerator: Number(columns.gmd[i]), denominator });
    figures.push({ indicator_id: "antibiotic-users", ...area, numerator: Number(columns.antibiotic[i]), denominator });
    figures.push({ indicator_id: "emergency-visits", ...area, numerator: Number(columns.visits[i]), denominator });
  }
  return figures;
}
