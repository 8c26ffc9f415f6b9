/**
 * Compiles person-based definitions (statistic `proportion` or `crude-rate`) into ONE query
 * that reads person_year once and each event table at most once, whatever the number of
 * indicators:
 *
 * 1. `ev_<table>`: one scan per event table, one conditional count per indicator, by person
 *    and year. An event of year y is counted in years y … y + window − 1, so a look-back
 *    window is a join on (person, year) like any other.
 * 2. `med_code` / `med`: one scan of pharmacy_delivery, DDD summed per full ATC code (a
 *    "medicine"), then the number of medicines reaching each indicator's threshold.
 * 3. `flags`: one row per person-year with a 0/1 denominator column `d<i>` and a numerator
 *    column `n<i>` per indicator; the numerator is zeroed outside the denominator, so it only
 *    ever counts persons of the denominator.
 * 4. `unit_cell`: summed by residence unit and stratum values BEFORE the join to areas, so the
 *    fan-out to 5–8 areas per unit multiplies thousands of rows, not millions of persons.
 * 5. `grouped`: GROUP BY GROUPING SETS over (year, area) × {(), sex, age band, bim}.
 * 6. Unpivoted into long cells, keeping each indicator's own strata.
 *
 * Definitions come from the schema, which has already validated every code against its
 * pattern (nomenclature 6 digits, ATC/ICD-10 prefixes) and every filter against its enum.
 * They are still written as quoted literals by `literal` (quotes doubled) rather than trusted
 * as-is, so that a future looser pattern cannot turn into SQL injection. DuckDB prepared
 * parameters are not used because the query's shape depends on the definitions anyway, and
 * codes are matched with `starts_with`, never LIKE, so `_` or `%` would not be wildcards.
 */
import type { Definition, Numerator, Population } from "../definition/schema.ts";
import { MAX_AGE } from "../definition/vocabulary.ts";
import { residenceAreaCtes } from "./areas.ts";

export interface Skipped {
  id: string;
  reason: string;
}
export interface Compiled {
  /** Empty when no definition can be computed. */
  sql: string;
  computed: string[];
  skipped: Skipped[];
}

export const AGE_BANDS = ["0-17", "18-44", "45-64", "65-74", "75+"] as const;

export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Why a definition is not computed by this compiler, or undefined when it is. */
export function notComputedReason(def: Definition): string | undefined {
  if (def.sql !== undefined) return "hand-written `sql` definitions are not computed yet";
  if (def.statistic !== "proportion" && def.statistic !== "crude-rate") return `statistic \`${def.statistic}\` is not computed yet`;
  if (def["zone-value"] !== undefined) return "zone figures (`zone-value`) are not computed yet";
  const n = def.numerator;
  if (!n || !def.population) return "no population or numerator";
  if (n.kind === "spending" || n.kind === "readmissions") return `numerator kind \`${n.kind}\` is not computed yet`;
  if (n.kind === "medicines" && n["cheaper-share"]) return "the cheaper-medicine share of DDD is not computed yet";
  return undefined;
}

type EventsNumerator = Extract<Numerator, { kind: "events" }>;
type MedicinesNumerator = Extract<Numerator, { kind: "medicines" }>;

const TABLE = {
  health_service: { date: "service_date", code: "nomenclature_code", list: "nomenclature" },
  pharmacy_delivery: { date: "delivery_date", code: "atc_code", list: "atc" },
  // A stay belongs to the year of its admission.
  hospital_stay: { date: "admission_date", code: "main_diagnosis", list: "icd10" },
} as const;

function anyPrefix(column: string, codes: readonly string[] | undefined): string[] {
  return codes ? [`(${codes.map((c) => `starts_with(${column}, ${literal(c)})`).join(" OR ")})`] : [];
}

function and(conditions: string[]): string {
  return conditions.length === 0 ? "true" : conditions.join(" AND ");
}

/** Which events of its table an events numerator selects (the window is handled apart). */
function eventCondition(n: EventsNumerator): string {
  const t = TABLE[n.source];
  const codes = n.codes?.[t.list];
  const c = n.source === "hospital_stay"
    ? anyPrefix("replace(main_diagnosis, '.', '')", codes?.map((x) => x.replace(".", "")))
    : anyPrefix(t.code, codes);
  const f = n.filters ?? {};
  if (f.setting) c.push(`setting IN (${f.setting.map(literal).join(", ")})`);
  if (f["provider-category"]) c.push(`provider_category IN (${f["provider-category"].map(literal).join(", ")})`);
  if (f["stay-type"]) c.push(`stay_type = ${literal(f["stay-type"])}`);
  if (f.emergency !== undefined) c.push(`emergency IS ${f.emergency ? "TRUE" : "FALSE"}`);
  return and(c);
}

function populationCondition(p: Population): string {
  const c: string[] = [];
  if (p.age) c.push(p.age[1] >= MAX_AGE ? `age >= ${p.age[0]}` : `age BETWEEN ${p.age[0]} AND ${p.age[1]}`);
  if (p.sex) c.push(`sex = ${literal(p.sex)}`);
  for (const [key, column] of [["bim", "bim"], ["gmd", "gmd"], ["chronic", "chronic_status"]] as const) {
    if (p[key] !== undefined) c.push(`${column} IS ${p[key] ? "TRUE" : "FALSE"}`);
  }
  if (p["alive-on-31-december"]) c.push("(death_date IS NULL OR death_date > make_date(year, 12, 31))");
  return and(c);
}

export function compile(defs: readonly Definition[]): Compiled {
  const skipped: Skipped[] = [];
  const todo: Definition[] = [];
  for (const def of defs) {
    const reason = notComputedReason(def);
    if (reason) skipped.push({ id: def.id, reason });
    else todo.push(def);
  }
  if (todo.length === 0) return { sql: "", computed: [], skipped };

  const ctes: string[] = [residenceAreaCtes()];
  const joins: string[] = [];
  const flagColumns: string[] = [];

  // Event counts: one scan per table for all the indicators that read it.
  for (const source of Object.keys(TABLE) as (keyof typeof TABLE)[]) {
    const users = todo.map((d, i) => ({ n: d.numerator, i })).filter((u): u is { n: EventsNumerator; i: number } => u.n?.kind === "events" && u.n.source === source);
    if (users.length === 0) continue;
    const maxWindow = Math.max(...users.map((u) => u.n["window-years"]));
    const counts = users.map((u) => `count(*) FILTER (WHERE w.k < ${u.n["window-years"]} AND ${eventCondition(u.n)}) AS e${u.i}`);
    ctes.push(`ev_${source} AS (
  SELECT e.person_id, CAST(year(e.${TABLE[source].date}) + w.k AS INTEGER) AS year, ${counts.join(", ")}
  FROM ${source} e CROSS JOIN range(0, ${maxWindow}) AS w(k)
  WHERE ${[...new Set(users.map((u) => `(${eventCondition(u.n)})`))].join(" OR ")}
  GROUP BY ALL
)`);
    joins.push(`LEFT JOIN ev_${source} USING (person_id, year)`);
  }

  // Medicines: DDD per person, year and full ATC code, then medicines over the threshold.
  const medUsers = todo.map((d, i) => ({ n: d.numerator, i })).filter((u): u is { n: MedicinesNumerator; i: number } => u.n?.kind === "medicines");
  if (medUsers.length > 0) {
    const perCode = medUsers.map((u) => {
      const cond = and(anyPrefix("atc_code", u.n.atc));
      return `count(*) FILTER (WHERE ${cond}) AS c${u.i}, sum(ddd) FILTER (WHERE ${cond}) AS q${u.i}`;
    });
    const perPerson = medUsers.map((u) => {
      const min = u.n["min-ddd-per-medicine"];
      return `count(*) FILTER (WHERE c${u.i} > 0${min !== undefined ? ` AND q${u.i} >= ${min}` : ""}) AS m${u.i}`;
    });
    ctes.push(`med_code AS (
  SELECT person_id, CAST(year(delivery_date) AS INTEGER) AS year, atc_code, ${perCode.join(", ")}
  FROM pharmacy_delivery WHERE atc_code IS NOT NULL
  GROUP BY ALL
), med AS (
  SELECT person_id, year, ${perPerson.join(", ")} FROM med_code GROUP BY ALL
)`);
    joins.push("LEFT JOIN med USING (person_id, year)");
  }

  todo.forEach((def, i) => {
    const n = def.numerator as Numerator;
    let value: string;
    switch (n.kind) {
      case "events":
        value = n.count === "events" ? `coalesce(e${i}, 0)` : `CASE WHEN coalesce(e${i}, 0) >= ${n["min-events"] ?? 1} THEN 1 ELSE 0 END`;
        break;
      case "medicines":
        value = `CASE WHEN coalesce(m${i}, 0) >= ${n["min-distinct"] ?? 1} THEN 1 ELSE 0 END`;
        break;
      case "status":
        value = `CASE WHEN ${n.field === "chronic" ? "chronic_status" : n.field} IS TRUE THEN 1 ELSE 0 END`;
        break;
      case "deaths":
        value = `CASE WHEN year(death_date) = year${n["max-age"] !== undefined ? ` AND age <= ${n["max-age"]}` : ""} THEN 1 ELSE 0 END`;
        break;
      default:
        throw new Error(`unreachable: ${n.kind}`);
    }
    const inDenominator = populationCondition(def.population ?? {});
    flagColumns.push(`CASE WHEN ${inDenominator} THEN 1 ELSE 0 END AS d${i}`, `CASE WHEN ${inDenominator} THEN ${value} ELSE 0 END AS n${i}`);
  });

  const sums = todo.flatMap((_, i) => [`CAST(sum(d${i}) AS BIGINT) AS d${i}`, `CAST(sum(n${i}) AS BIGINT) AS n${i}`]);
  const used = new Set(todo.flatMap((d) => d.strata));
  const key = "year, level, system_code, area_code";
  const sets = [`(${key})`, ...(["sex", "age-band", "bim"] as const).filter((s) => used.has(s)).map((s) => `(${key}, ${s === "age-band" ? "age_band" : s})`)];
  const cells = todo.map((def, i) => {
    const strata = ["total", ...def.strata].map(literal).join(", ");
    return `{'indicator_id': ${literal(def.id)}, 'numerator': n${i}, 'denominator': d${i}, 'wanted': stratum IN (${strata})}`;
  });

  const sql = `WITH ${ctes.join(",\n")},
base AS (
  SELECT year, person_id, nis_code, sector_code, sex, bim, gmd, chronic_status, death_date, year - birth_year AS age FROM person_year
), flags AS (
  SELECT year, nis_code, sector_code, sex, bim,
    CASE WHEN age < 18 THEN '0-17' WHEN age < 45 THEN '18-44' WHEN age < 65 THEN '45-64' WHEN age < 75 THEN '65-74' ELSE '75+' END AS age_band,
    ${flagColumns.join(",\n    ")}
  FROM base ${joins.join(" ")}
), unit_cell AS (
  SELECT year, nis_code, sector_code, sex, age_band, bim, ${sums.join(", ")} FROM flags GROUP BY ALL
), grouped AS (
  SELECT year, level, system_code, area_code,
    CASE GROUPING(sex, age_band, bim) WHEN 7 THEN 'total' WHEN 3 THEN 'sex' WHEN 5 THEN 'age-band' ELSE 'bim' END AS stratum,
    CASE GROUPING(sex, age_band, bim) WHEN 7 THEN 'all' WHEN 3 THEN sex WHEN 5 THEN age_band
      ELSE CASE WHEN bim THEN 'bim' WHEN NOT bim THEN 'non-bim' ELSE 'unknown' END END AS stratum_value,
    ${sums.join(", ")}
  FROM unit_cell u JOIN residence_area a ON a.nis_code = u.nis_code AND a.sector_code IS NOT DISTINCT FROM u.sector_code
  GROUP BY GROUPING SETS (${sets.join(", ")})
), cell_list AS (
  SELECT year, level, system_code, area_code, stratum, stratum_value, unnest([${cells.join(",\n    ")}]) AS c FROM grouped
)
SELECT c.indicator_id, year, level, system_code, area_code, stratum, stratum_value, c.numerator, c.denominator
FROM cell_list
-- A cell with nobody in the denominator has no value: it is left out rather than kept as 0/0.
WHERE c.wanted AND c.denominator > 0
ORDER BY c.indicator_id, year, level, system_code NULLS FIRST, area_code, stratum, stratum_value`;
  return { sql, computed: todo.map((d) => d.id), skipped };
}
