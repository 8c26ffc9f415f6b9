/**
 * Compiles zone figures (`zone-value`) into one query, apart from the person-based one because
 * their numbers come from the zone tables, not from persons:
 *
 * - `zone-mean` (zone_prem, zone_workforce): the zone's row for the definition's survey. The
 *   cell carries n = respondents, Σx = mean × n and Σx² = (n − 1)·sd² + n·mean², so that the
 *   mean's t limits come from statistics.ts like any mean per person.
 * - `crude-rate` with `per-population: true` (zone_supply): the zone's figure divided by the
 *   insured persons living in the zone that year (person_year, through residence_area). Staff
 *   counts are a census, not Poisson events (FTE are not even whole): no limits (NaN).
 *
 * Only the zone level is computed. Zone tables are keyed by zone_code, so the zone's system is
 * that of geo_zone. A region or Belgium would be an honest aggregate only when it is made of
 * whole zones of ONE system that all reported, and the extracts do not promise that (the tiny
 * one has two of the three Brussels bassins missing from zone_prem): a partial mean labelled
 * "Brussels" would mislead, so larger areas are left out rather than guessed.
 * Each definition reads its zone table once; these tables hold a few hundred rows.
 */
import type { Definition } from "../definition/schema.ts";
import { residenceAreaCtes } from "./areas.ts";
import { literal } from "./conditions.ts";
import { statisticOf } from "../statistics/index.ts";

const SD_OF: Record<string, string> = { score_mean: "score_sd", wellbeing_mean: "wellbeing_sd" };

/** Why a zone definition is not computed, or undefined when it is; undefined too for others. */
export function zoneNotComputedReason(def: Definition): string | undefined {
  const zv = def["zone-value"];
  if (!zv) return undefined;
  const figure = statisticOf(def.statistic).compile.zoneFigure;
  if (figure === "mean" && zv.source !== "zone_supply" && SD_OF[zv.value]) return undefined;
  if (figure === "per-population" && zv.source === "zone_supply" && zv["per-population"]) return undefined;
  return "this zone figure (`zone-value`) is not computed yet";
}

export function isZoneComputed(def: Definition): boolean {
  return def["zone-value"] !== undefined && def.sql === undefined && zoneNotComputedReason(def) === undefined;
}

/** The zone query for the computable zone definitions, or "" when there is none. */
export function compileZone(defs: readonly Definition[]): string {
  const todo = defs.filter(isZoneComputed);
  if (todo.length === 0) return "";
  const figureOf = (d: Definition) => statisticOf(d.statistic).compile.zoneFigure;
  const needsPopulation = todo.some((d) => figureOf(d) === "per-population");
  const selects = todo.map((def) => {
    const zv = def["zone-value"]!;
    const head = `SELECT ${literal(def.id)} AS indicator_id, CAST(v.year AS INTEGER) AS year, 'zone' AS level, z.system_code, v.zone_code AS area_code,
    'total' AS stratum, 'all' AS stratum_value, NULL::INTEGER AS band`;
    // Column names come from the schema's closed list (rules.ts), never from free text.
    const value = `CAST(v.${zv.value} AS DOUBLE)`;
    if (figureOf(def) === "mean") {
      const n = "CAST(v.respondents AS DOUBLE)";
      const sd = `CAST(v.${SD_OF[zv.value]} AS DOUBLE)`;
      return `${head}, ${value} * ${n} AS numerator, v.respondents AS denominator, (${n} - 1) * ${sd} * ${sd} + ${n} * ${value} * ${value} AS sum_squares
  FROM ${zv.source} v JOIN zone z USING (zone_code)
  WHERE ${zv.survey !== undefined ? `v.survey = ${literal(zv.survey)}` : "true"} AND v.${zv.value} IS NOT NULL AND v.respondents > 0`;
    }
    return `${head}, ${value} AS numerator, p.persons AS denominator, NULL::DOUBLE AS sum_squares
  FROM ${zv.source} v JOIN zone z USING (zone_code) JOIN zone_population p ON p.year = v.year AND p.zone_code = v.zone_code
  WHERE v.${zv.value} IS NOT NULL`;
  });
  const population = needsPopulation
    ? `${residenceAreaCtes()},
zone_population AS (
  SELECT p.year, a.area_code AS zone_code, count(*) AS persons
  FROM person_year p JOIN residence_area a ON a.level = 'zone' AND a.nis_code = p.nis_code AND a.sector_code IS NOT DISTINCT FROM p.sector_code
  GROUP BY ALL
),\n`
    : "";
  return `WITH ${population}zone AS (SELECT DISTINCT zone_code, system_code FROM geo_zone)
${selects.join("\nUNION ALL\n")}
ORDER BY indicator_id, year, system_code, area_code`;
}
