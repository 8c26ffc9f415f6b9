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
 * 5. `grouped`: GROUP BY GROUPING SETS over (year, area) × {(), sex, age band, bim}, plus,
 *    for directly standardised rates, the same sets × the 19 ESP 2013 bands (`esp_band`).
 *    The bands are extra sets of the SAME grouping, not a second query, so every table is
 *    still read once; without a DSR the column is a constant NULL and costs nothing.
 * 6. Returned WIDE, one row per (year, area, stratum) with two or three columns per
 *    indicator, the bands of a DSR gathered into lists. Unpivoting here (one row per
 *    indicator and cell) took 80% of the query's time at scale 0.05 (12 M struct rows);
 *    `cellsFromColumns` (statistics.ts) reads the columns and keeps each indicator's strata.
 *
 * Means per person (`mean-per-person`) carry Σx and Σx² per cell (x: the person-year's
 * spending or event count) so that their limits need no person-level data afterwards.
 *
 * Persons are joined and grouped on their pseudonym, or on a 64-bit hash of it when the load
 * recorded that the hash tells them all apart (`personKey`, person-key.ts): an integer is
 * cheaper to hash and compare than text, and the figures are the same.
 *
 * Definitions come from the schema, which has already validated every code against its
 * pattern (nomenclature 6 digits, ATC/ICD-10 prefixes) and every filter against its enum.
 * They are still written as quoted literals by `literal` (quotes doubled) rather than trusted
 * as-is, so that a future looser pattern cannot turn into SQL injection. DuckDB prepared
 * parameters are not used because the query's shape depends on the definitions anyway, and
 * codes are matched with `starts_with`, never LIKE, so `_` or `%` would not be wildcards.
 */
import type { Definition, Numerator } from "../definition/schema.ts";
import { ageBandSql, ageBandsOf, bandsKey, hasCustomAgeBands, type AgeBand } from "../definition/age-bands.ts";
import { residenceAreaCtes, type ResidenceAreaOptions } from "./areas.ts";
import { isBanded } from "./indirect-standardisation.ts";
import { statisticOf } from "../statistics/index.ts";
import { compileZone, isZoneComputed, zoneNotComputedReason } from "./compile-zone.ts";
import { and, anyPrefix, populationCondition, type MedicinesNumerator } from "./conditions.ts";
import { eventScans, yearRange } from "./event-scans.ts";
import { periodCount } from "./periods.ts";
import { SharedSums } from "./shared-sums.ts";
import { personKeyColumn, personKeySql, type PersonKey } from "./person-key.ts";

export { literal } from "./conditions.ts";

export interface Skipped {
  id: string;
  reason: string;
}
export interface Compiled {
  /** The person-based query; empty when no person-based definition can be computed. */
  sql: string;
  /** The zone-figure query (compile-zone.ts); empty when there is none. */
  zoneSql: string;
  computed: string[];
  skipped: Skipped[];
  /**
   * Where each person-based definition's figures are in the query's wide result: columns
   * `n<index>`, `d<index>` (and `s<index>` for a mean), or for a DSR the lists by ESP band
   * `bn<index>`, `bd<index>` beside the list of band numbers `bands`. A sub-annual definition
   * also has its numerator by period of the events' dates, `p<index>_<k>` for k = 1 … `periods`.
   */
  columns: { id: string; index: number; banded: boolean; periods: number }[];
  /** `WITH … flags AS (…)`: one row per person-year with `d<index>` and `n<index>` (empty when no person-based definition). */
  flagsSql: string;
  /**
   * How `sql` goes on from the flags, for a caller that groups them itself (with-signatures.ts):
   * `sql` is `flagsSql`, then `unit_cell` (the flags grouped by `unitKeys`, summing `unitSums`,
   * read under `unitColumns`), then `fromUnitCells`, which reads only `unit_cell` and the
   * residence areas (`areaCtes`).
   */
  unitKeys: string;
  unitSums: string[];
  unitColumns: string[];
  fromUnitCells: string;
  areaCtes: string;
}

/**
 * `year`: only that year's figures. The statement then reads only the events the year needs
 * (its look-back window) and person_year's rows of that year, with no `range()` fan-out.
 * `years`: the figures of the years from … to, reading only the events their windows need.
 * compute.ts runs one statement per batch of years (year-batches.ts) so that peak memory
 * follows a bounded amount of data, not every year's.
 */
export interface CompileOptions extends ResidenceAreaOptions {
  year?: number;
  years?: { from: number; to: number };
  /** What persons are joined and grouped on (person-key.ts; default: the pseudonym). */
  personKey?: PersonKey;
}

export const AGE_BANDS = ["0-17", "18-44", "45-64", "65-74", "75+"] as const;

/** The stratum under which the query returns the rows of a definition's own age bands (`bandsKey`). */
export const customAgeStratum = (key: string) => `age-band@${key}`;

/** The stratum of a definition's age-band rows in the query's result. */
export function ageStratumOf(def: Definition): string {
  return hasCustomAgeBands(def) ? customAgeStratum(bandsKey(ageBandsOf(def))) : "age-band";
}
/** How many periods a sub-annual definition's year is cut into (0: a yearly definition). */
const periodsOf = (def: Definition) => (def["sub-annual"] === undefined ? 0 : periodCount(def["sub-annual"]));

/** A statistic computed from other indicators' cells (a ratio of measures, derive.ts). */
const fromMeasures = (def: Pick<Definition, "statistic">) => statisticOf(def.statistic).cells.from === "measures";

/** Why a definition is not computed by this compiler, or undefined when it is. */
export function notComputedReason(def: Definition): string | undefined {
  // Computed apart: the hand-written query (compile-sql.ts), the ratio from its measures (derive.ts).
  if (def.sql !== undefined || fromMeasures(def)) return undefined;
  if (def["zone-value"] !== undefined) return zoneNotComputedReason(def);
  if (!statisticOf(def.statistic).compile.personBased) return `statistic \`${def.statistic}\` is not computed yet`;
  const n = def.numerator;
  if (!n || !def.population) return "no population or numerator";
  if (n.kind === "medicines" && n["cheaper-share"]) return "the cheaper-medicine share of DDD is not computed yet";
  return undefined;
}

/**
 * The strata a definition is computed for. A DSR is already standardised for age: an age-band
 * breakdown of it would be a set of crude band rates, so it is left out (sex and bim only).
 */
export function strataOf(def: Definition): Definition["strata"] {
  // The statistic may group by others (an ISR always by sex: its spec).
  return statisticOf(def.statistic).compile.groupedBy?.(def.strata) ?? def.strata;
}

/**
 * "At least one delivery of these ATC codes" is an event count like any other: it joins the
 * scan of pharmacy_delivery for events instead of the per-medicine grouping, which thresholds
 * on distinct medicines and DDD need (the query 2.4× faster on three indicators at scale 0.05).
 */
export function withSimpleMedicinesAsEvents(def: Definition): Definition {
  const n = def.numerator;
  if (n?.kind !== "medicines" || (n["min-distinct"] ?? 1) > 1 || n["min-ddd-per-medicine"] !== undefined || n["cheaper-share"] || !n.atc) return def;
  return { ...def, numerator: { kind: "events", source: "pharmacy_delivery", codes: { atc: n.atc }, count: "persons", "window-years": 1, "min-events": 1 } as Numerator };
}

export function compile(defs: readonly Definition[], options: CompileOptions = {}): Compiled {
  const span = options.years ?? (options.year !== undefined ? { from: options.year, to: options.year } : undefined);
  if (span && (!Number.isInteger(span.from) || !Number.isInteger(span.to) || span.from > span.to)) {
    throw new RangeError(`years must be integers from … to, not ${span.from} … ${span.to}`);
  }
  // One year: no fan-out of events over the years they count in.
  const only = span?.from === span?.to ? span?.from : undefined;
  const skipped: Skipped[] = [];
  const computed: string[] = [];
  const todo: Definition[] = [];
  // Simple medicine numerators join the pharmacy events scan when there is one anyway, or
  // when no other medicine numerator needs the per-medicine grouping: never a second scan.
  const isMedicines = (d: Definition) => d.numerator?.kind === "medicines";
  const simple = (d: Definition) => withSimpleMedicinesAsEvents(d) !== d;
  const eventsScan = defs.some((d) => d.numerator?.kind === "events" && d.numerator.source === "pharmacy_delivery" && notComputedReason(d) === undefined);
  if (eventsScan || defs.filter(isMedicines).every(simple)) defs = defs.map(withSimpleMedicinesAsEvents);
  for (const def of defs) {
    const reason = notComputedReason(def);
    if (reason) skipped.push({ id: def.id, reason });
    else {
      computed.push(def.id);
      if (!isZoneComputed(def) && def.sql === undefined && !fromMeasures(def)) todo.push(def);
    }
  }
  // A ratio needs both its measures.
  for (const def of defs.filter((d) => fromMeasures(d) && computed.includes(d.id))) {
    const missing = [def["ratio-of"]?.numerator, def["ratio-of"]?.denominator].filter((id) => !id || !computed.includes(id));
    if (missing.length > 0) {
      computed.splice(computed.indexOf(def.id), 1);
      skipped.push({ id: def.id, reason: `its measure(s) ${missing.join(", ")} are not computed` });
    }
  }
  const zoneSql = compileZone(defs);
  if (todo.length === 0) return { sql: "", zoneSql, computed, skipped, columns: [], flagsSql: "", unitKeys: "", unitSums: [], unitColumns: [], fromUnitCells: "", areaCtes: "" };

  const areaCtes = residenceAreaCtes(options);
  const ctes: string[] = [areaCtes];
  const joins: string[] = [];
  const flagColumns: string[] = [];

  // Event counts and amounts: one scan per table for all the indicators that read it.
  const person = (column: string) => personKeyColumn(options.personKey, column);
  const events = eventScans(todo, span, options.personKey);
  ctes.push(...events.ctes);
  joins.push(...events.joins);
  const spending = events.spending;

  // Medicines: DDD per person, year and full ATC code, then medicines over the threshold. A
  // definition's codes select whole ATC codes, so they are tested once per medicine, in `med`,
  // not on every delivery (one year of every definition at 0.2: 9.9–10.1 s → 8.9–9.1 s).
  const medUsers = todo.map((d, i) => ({ n: d.numerator, i })).filter((u): u is { n: MedicinesNumerator; i: number } => u.n?.kind === "medicines");
  if (medUsers.length > 0) {
    const perPerson = medUsers.map((u) => {
      const min = u.n["min-ddd-per-medicine"];
      return `count(*) FILTER (WHERE ${and(anyPrefix("atc_code", u.n.atc))}${min !== undefined ? ` AND ddd >= ${min}` : ""}) AS m${u.i}`;
    });
    ctes.push(`med_code AS (
  SELECT ${person("person_id")}, CAST(${only ?? "year(delivery_date)"} AS INTEGER) AS year, atc_code, sum(ddd) AS ddd
  FROM pharmacy_delivery WHERE atc_code IS NOT NULL${span ? ` AND ${yearRange("delivery_date", span.from, span.to)}` : ""}
  GROUP BY ALL
), med AS (
  SELECT person_id, year, ${perPerson.join(", ")} FROM med_code GROUP BY ALL
)`);
    joins.push("LEFT JOIN med USING (person_id, year)");
  }

  // Readmissions: a classic stay whose person is admitted again (classic) within the window
  // after its discharge, counted in the year of the discharge. Day stays are left out on
  // both sides: a day-care session (dialysis, chemotherapy) is not a readmission.
  const readmitters = todo.map((d, i) => ({ n: d.numerator, i })).filter((u) => u.n?.kind === "readmissions");
  if (readmitters.length > 0) {
    const columns = readmitters.map((u) => `count(*) FILTER (WHERE next_admission <= discharge_date + ${(u.n as { "within-days": number })["within-days"]}) AS r${u.i}`);
    ctes.push(`readmission AS (
  SELECT person_id, CAST(year(discharge_date) AS INTEGER) AS year, ${columns.join(", ")}
  FROM (
    SELECT ${person("person_id")}, discharge_date, lead(admission_date) OVER (PARTITION BY ${personKeySql(options.personKey, "person_id")} ORDER BY admission_date, discharge_date) AS next_admission
    FROM hospital_stay WHERE stay_type = 'classic'
  )${
    span === undefined
      ? ""
      : `
  WHERE ${only !== undefined ? `year(discharge_date) = ${only}` : `year(discharge_date) BETWEEN ${span.from} AND ${span.to}`}`
  }
  GROUP BY ALL
)`);
    joins.push("LEFT JOIN readmission USING (person_id, year)");
  }

  // The sums of each definition (index → its columns), for the unit cells and for its grouping.
  // A column whose expression another definition already has (the same population, the same
  // status) is summed once under the first one's name (`sums`): the flags keep every column,
  // for the signatures, but the two GROUP BYs add each distinct column once.
  const sums = new SharedSums();
  const sumsOf = new Map<number, string[]>();
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
      case "readmissions":
        value = `coalesce(r${i}, 0)`;
        break;
      case "spending":
        value = `(${(spending.get(i) ?? []).map((s) => `coalesce(${s.amountColumn}, 0)`).join(" + ") || "0"})`;
        break;
      default: {
        const unknown: never = n;
        throw new Error(`unreachable: ${(unknown as Numerator).kind}`);
      }
    }
    const inDenominator = populationCondition(def.population ?? {});
    // Σx and Σx² of a mean stay exact (whole numbers, or euros as decimals) through both sums,
    // then become DOUBLE once per cell (plainColumns): floating-point sums depend on the order
    // DuckDB's threads add them in, and so would the release's figures and its id.
    const mean = statisticOf(def.statistic).compile.sumOfSquares;
    const column = (alias: string, expression: string, exact: boolean) => {
      flagColumns.push(`${expression} AS ${alias}`);
      return sums.add(alias, expression, exact);
    };
    const columns = [column(`d${i}`, `CASE WHEN ${inDenominator} THEN 1 ELSE 0 END`, false), column(`n${i}`, `CASE WHEN ${inDenominator} THEN ${value} ELSE 0 END`, mean)];
    // A mean: Σx and Σx² too.
    if (mean) columns.push(column(`s${i}`, `CASE WHEN ${inDenominator} THEN (${value}) * (${value}) ELSE 0 END`, true));
    // A sub-annual definition's numerator by period (event-scans.ts), summed like the year's:
    // the periods reach every area and add up to the year exactly.
    const periods = periodsOf(def);
    for (let k = 1; k <= periods; k++) columns.push(column(`p${i}_${k}`, `CASE WHEN ${inDenominator} THEN coalesce(e${i}_p${k}, 0) ELSE 0 END`, false));
    sumsOf.set(i, columns);
  });
  /** The columns summed for some definitions, each distinct column once, and their sums. */
  const summedFor = (indices: readonly number[]) => [...new Set(indices.flatMap((i) => sumsOf.get(i)!))];
  const sumsFor = (indices: readonly number[]) => summedFor(indices).map((alias) => sums.sumOf(alias));

  const key = "year, level, system_code, area_code";
  // The age bands: the default five in `age_band`; a definition's own bands in a column of
  // their own (age-bands.ts), whose rows carry the stratum `age-band@<bands>` until
  // cellsFromColumns names them `age-band` again (two sets of bands may share a label).
  const customBands = new Map<string, { column: string; bands: readonly AgeBand[] }>();
  for (const d of todo) {
    if (!strataOf(d).includes("age-band") || !hasCustomAgeBands(d)) continue;
    const k = bandsKey(ageBandsOf(d));
    if (!customBands.has(k)) customBands.set(k, { column: `age_band_${customBands.size + 1}`, bands: ageBandsOf(d) });
  }
  const ageColumnOf = (d: Definition) => (hasCustomAgeBands(d) ? customBands.get(bandsKey(ageBandsOf(d)))!.column : "age_band");
  const columnOf = (d: Definition, s: Definition["strata"][number]) => (s === "age-band" ? ageColumnOf(d) : s);
  const setsOf = (ds: readonly Definition[], strata: (d: Definition) => Definition["strata"], extra: string) => {
    const columns = new Set(ds.flatMap((d) => strata(d).map((s) => columnOf(d, s))));
    const order = ["sex", "age_band", ...[...customBands.values()].map((c) => c.column), "bim"];
    return [`(${key}${extra})`, ...order.filter((c) => columns.has(c)).map((c) => `(${key}, ${c}${extra})`)];
  };
  // DSR and ISR alike: figures by ESP band (indirect-standardisation.ts).
  const isDsr = isBanded;
  const hasDsr = todo.some(isDsr);
  const strataColumns = [
    { stratum: "sex", column: "sex", value: "sex" },
    { stratum: "age-band", column: "age_band", value: "age_band" },
    ...[...customBands].map(([k, c]) => ({ stratum: customAgeStratum(k), column: c.column, value: c.column })),
    { stratum: "bim", column: "bim", value: "CASE WHEN bim THEN 'bim' WHEN NOT bim THEN 'non-bim' ELSE 'unknown' END" },
  ];
  /**
   * One grouping of the unit cells by area and stratum, with only its own definitions' sums:
   * the plain definitions by stratum, the standardised ones by stratum and ESP band. (One
   * grouping of every sum over every set cost half again as much.)
   */
  const groupingOf = (name: string, part: readonly { d: Definition; i: number }[], strata: (d: Definition) => Definition["strata"], byBand: boolean) => {
    // GROUPING() may only name a column of some grouping set: only the strata asked for.
    const asked = new Set(part.flatMap(({ d }) => strata(d).map((s) => columnOf(d, s))));
    const grouped = strataColumns.filter((g) => asked.has(g.column));
    const caseOf = (then: (g: (typeof grouped)[number]) => string, otherwise: string) =>
      grouped.length === 0 ? otherwise : `CASE ${grouped.map((g) => `WHEN GROUPING(${g.column}) = 0 THEN ${then(g)}`).join(" ")} ELSE ${otherwise} END`;
    const sets = setsOf(
      part.map(({ d }) => d),
      strata,
      byBand ? ", esp_band" : "",
    );
    return `${name} AS (
  SELECT year, level, system_code, area_code,
    ${caseOf((g) => `'${g.stratum}'`, "'total'")} AS stratum,
    ${caseOf((g) => g.value, "'all'")} AS stratum_value,${byBand ? "\n    esp_band AS band," : ""}
    ${sumsFor(part.map(({ i }) => i)).join(", ")}
  FROM unit_cell u JOIN residence_area a ON a.nis_code = u.nis_code AND a.sector_code IS NOT DISTINCT FROM u.sector_code
  GROUP BY GROUPING SETS (${sets.join(", ")})
)`;
  };
  const plain = todo.map((d, i) => ({ d, i })).filter(({ d }) => !isDsr(d));
  const banded = todo.map((d, i) => ({ d, i })).filter(({ d }) => isDsr(d));
  // Periods are read from the plain rows only (sub-annual.ts allows only a crude rate).
  const cutBanded = banded.find(({ d }) => periodsOf(d) > 0);
  if (cutBanded) throw new Error(`${cutBanded.d.id}: a standardised rate cannot be cut by period`);
  // Counts as DOUBLE: JavaScript reads them as numbers, not BigInts (far below 2^53).
  const plainColumns = plain.flatMap(({ d, i }) => [
    `CAST(${sums.summed(`n${i}`)} AS DOUBLE) AS n${i}`,
    `CAST(${sums.summed(`d${i}`)} AS DOUBLE) AS d${i}`,
    ...(statisticOf(d.statistic).compile.sumOfSquares ? [`CAST(${sums.summed(`s${i}`)} AS DOUBLE) AS s${i}`] : []),
    ...Array.from({ length: periodsOf(d) }, (_, k) => `CAST(${sums.summed(`p${i}_${k + 1}`)} AS DOUBLE) AS p${i}_${k + 1}`),
  ]);
  // Each cell's bands sorted once, as one list of structs, then split into a list per column
  // (a list aggregate per column, each with its own ORDER BY, sorted them 2k + 1 times: half of
  // a year's statement at the demo's scale). Sorted after the aggregate by list_sort, not by the
  // aggregate's ORDER BY: a struct list sorts by its first field, the band, unique in a cell,
  // and DuckDB's ordered aggregate cost a fifth of a year's statement more at scale 0.05.
  const bandStruct = ["'band': band", ...banded.flatMap(({ i }) => [`'n${i}': CAST(${sums.summed(`n${i}`)} AS DOUBLE)`, `'d${i}': CAST(${sums.summed(`d${i}`)} AS DOUBLE)`])].join(", ");
  const bandColumns = banded.flatMap(({ i }) => [`[x.n${i} FOR x IN b] AS bn${i}`, `[x.d${i} FOR x IN b] AS bd${i}`]);
  const cellKey = "year, level, system_code, area_code, stratum, stratum_value";
  const parts = [
    plain.length > 0 ? `${groupingOf("grouped_plain", plain, (d) => d.strata, false)}, plain AS (SELECT ${cellKey}, ${plainColumns.join(", ")} FROM grouped_plain)` : "",
    banded.length > 0
      ? `${groupingOf("grouped_banded", banded, strataOf, true)}, banded AS (SELECT ${cellKey}, [x.band FOR x IN b] AS bands, ${bandColumns.join(", ")} FROM (
  SELECT ${cellKey}, list_sort(list({${bandStruct}})) AS b FROM grouped_banded GROUP BY ALL
))`
      : "",
  ].filter(Boolean);
  // Stacked, not joined: a row holds either plain or banded indicators, the others' columns
  // NULL. (A FULL JOIN on the six key columns, NULL-safe, took 20 s at scale 0.05.)
  const select = [plain.length > 0 ? "plain" : "", banded.length > 0 ? "banded" : ""]
    .filter(Boolean)
    .map((name) => `SELECT * FROM ${name}`)
    .join("\nUNION ALL BY NAME\n");

  // The person-year flags alone: disclosure control groups them into signatures (signatures.ts).
  const flagsSql = `WITH ${ctes.join(",\n")},
base AS (
  SELECT year, ${person("person_id")}, nis_code, sector_code, sex, bim, gmd, chronic_status, death_date, year - birth_year AS age FROM person_year${span === undefined ? "" : only !== undefined ? ` WHERE year = ${only}` : ` WHERE year BETWEEN ${span.from} AND ${span.to}`}
), flags AS (
  SELECT year, nis_code, sector_code, sex, bim,
    CASE WHEN age < 18 THEN '0-17' WHEN age < 45 THEN '18-44' WHEN age < 65 THEN '45-64' WHEN age < 75 THEN '65-74' ELSE '75+' END AS age_band,${[...customBands.values()]
      .map(
        (c) => `
    ${ageBandSql("age", c.bands)} AS ${c.column},`,
      )
      .join("")}
    ${hasDsr ? "CAST(least(18, greatest(0, age) // 5) AS INTEGER)" : "NULL::INTEGER"} AS esp_band,
    ${flagColumns.join(",\n    ")}
  FROM base ${joins.join(" ")}
)`;
  const unitKeys = `year, nis_code, sector_code, sex, age_band, ${[...customBands.values()].map((c) => `${c.column}, `).join("")}bim, esp_band`;
  const unitSums = sumsFor([...sumsOf.keys()]);
  const fromUnitCells = `${parts.join(",\n")}
${select}`;
  const sql = `${flagsSql}, unit_cell AS (
  SELECT ${unitKeys}, ${unitSums.join(", ")} FROM flags GROUP BY ALL
), ${fromUnitCells}`;
  const columns = todo.map((def, i) => ({ id: def.id, index: i, banded: isDsr(def), periods: periodsOf(def) }));
  return { sql, zoneSql, computed, skipped, columns, flagsSql, unitKeys, unitSums, unitColumns: summedFor([...sumsOf.keys()]), fromUnitCells, areaCtes };
}
