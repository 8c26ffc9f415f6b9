/**
 * Indirectly standardised ratios (SMR, ISR): observed / expected per area, where
 *
 *   expected = Σ over sex × age band of the area's person-years × the standard's rate in that
 *              sex and band, the same year;
 *   standard = Belgium (default), or the area's region when the definition says
 *              `standard: region` (Belgium's own cell then keeps Belgium as its standard).
 *
 * Bands: the 19 five-year bands of the European Standard Population 2013 (0–4 … 85–89, 90+)
 * crossed with sex. They are the bands the engine already groups by for direct standardisation
 * (compile.ts, `esp_band`), so an ISR costs no extra scan: the query returns, per area and sex,
 * the events and person-years of each band, and everything else is done here, from those
 * lists. The standard's rates come from the same query's Belgium or region rows, with the same
 * population filter, so the standard and the area always count alike.
 *
 * Limits: the Poisson limits of the observed count divided by the expected count (exact below
 * 10 events, Byar from 10; stats/standardisation.ts), at 95% and 99.8%. An area with an
 * expected count of 0 (nobody in any band where the standard has events) has no ratio and no
 * cell, as a cell with an empty denominator has none.
 *
 * What the cell carries: `numerator` the observed count, `denominator` the person-years (a
 * count of persons, as for a DSR: disclosure control protects it as such), `expected` the
 * expected count (not a count of persons, never a denominator), `value` O/E in the unit
 * `ratio`, so that 1 means "as the standard". Breakdowns: sex only (each sex against the
 * standard's rates of that sex); by age band or BIM the query has no sex × band split, and
 * validation refuses them (rules.ts).
 */
import { indirectlyStandardisedRatio } from "../stats/index.ts";
import { compareWithBenchmark } from "../stats/index.ts";
import type { Definition } from "../definition/schema.ts";
import { statisticOf } from "../statistics/index.ts";
import { residenceAreaCtes } from "./areas.ts";
import type { CellTable } from "./cell-table.ts";
import type { CellWithStatistics, WideColumns, WideLayout } from "./statistics.ts";
import { wideColumn } from "./wide-column.ts";

/** A statistic whose cells are observed / expected (an ISR: indicators/statistics/). */
export const isIsr = (def: Pick<Definition, "statistic">): boolean => statisticOf(def.statistic).cells.from === "expected";
const BANDS = 19;
const SEXES = ["F", "M"] as const;

/** Whether the engine's query returns the definition's figures by ESP 2013 band (a DSR or an ISR). */
export function isBanded(def: Pick<Definition, "statistic">): boolean {
  const { from } = statisticOf(def.statistic).cells;
  switch (from) {
    case "esp-bands":
    case "expected":
      return true;
    case "counts":
    case "measures":
      return false;
    default: {
      const unknown: never = from;
      throw new Error(`cells from ${String(unknown)}`);
    }
  }
}

export type IsrStandard = "belgium" | "region";
export function standardOf(def: Pick<Definition, "standard">): IsrStandard {
  return def.standard ?? "belgium";
}

/** Events and person-years of one area, year and sex, by ESP band. */
export interface Banded {
  counts: number[];
  personYears: number[];
}

/** The standard's rate in each band: events / person-years, 0 where it has nobody. */
export function bandRates(standard: Banded): number[] {
  return standard.counts.map((o, i) => (standard.personYears[i]! > 0 ? o / standard.personYears[i]! : 0));
}

/**
 * One ISR from an area's bands by sex and the standard's bands by sex. Pure. Undefined when
 * the expected count is 0 (no ratio can be formed).
 */
export function isrOf(area: ReadonlyMap<string, Banded>, standard: ReadonlyMap<string, Banded>, multiplier = 1) {
  let observed = 0;
  let expected = 0;
  let personYears = 0;
  // Sexes in a fixed order: the rows come in any order, and a floating-point sum depends on it.
  for (const sex of [...area.keys()].sort()) {
    const own = area.get(sex)!;
    const reference = standard.get(sex);
    for (let i = 0; i < BANDS; i++) {
      observed += own.counts[i]!;
      personYears += own.personYears[i]!;
      if (reference && reference.personYears[i]! > 0) expected += (own.personYears[i]! * reference.counts[i]!) / reference.personYears[i]!;
    }
  }
  if (!(expected > 0)) return undefined;
  const options = { multiplier: multiplier as 1 | 100 };
  const a = indirectlyStandardisedRatio(observed, expected, { ...options, level: 0.95 });
  const b = indirectlyStandardisedRatio(observed, expected, { ...options, level: 0.998 });
  return { observed, expected, personYears, value: a.value, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper };
}

/**
 * The region of every area, sectors included (they are cells too, for disclosure control):
 * `(level, system_code, area_code, region_code)`, the region holding most of its units.
 */
export function isrAreaRegionSql(): string {
  return `WITH ${residenceAreaCtes()}, counted AS (
  SELECT a.level, a.system_code, a.area_code, r.area_code AS region_code, count(*) AS units
  FROM residence_area a JOIN residence_area r ON r.nis_code = a.nis_code AND r.sector_code IS NOT DISTINCT FROM a.sector_code AND r.level = 'region'
  WHERE a.level <> 'belgium'
  GROUP BY ALL
)
SELECT level, system_code, area_code, arg_max(region_code, units) AS region_code FROM counted GROUP BY ALL`;
}

const key = (level: string, system: string | null, area: string) => `${level}|${system ?? ""}|${area}`;

/**
 * The ISR cells of every ISR definition in the query's wide result (compile.ts: the banded
 * lists `bands`, `bn<i>`, `bd<i>`, on rows of stratum `sex`). `regionOf`: `level|system|area`
 * → region code, for `standard: region`.
 */
export function isrCellsFromColumns(columns: WideColumns, layout: WideLayout, defs: readonly Definition[], regionOf: ReadonlyMap<string, string>): CellWithStatistics[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const col = (name: string) => wideColumn(columns, name);
  const out: CellWithStatistics[] = [];
  for (const { id, index } of layout) {
    const def = byId.get(id);
    if (!def || !isIsr(def)) continue;
    const [year, level, system, area, stratum, stratumValue, bandList, n, d] = ["year", "level", "system_code", "area_code", "stratum", "stratum_value", "bands", `bn${index}`, `bd${index}`].map(
      col,
    ) as unknown[][];
    // year|level|system|area → sex → bands
    const areas = new Map<string, { year: number; level: string; system: string | null; area: string; bySex: Map<string, Banded> }>();
    for (let r = 0; r < year!.length; r++) {
      if (stratum![r] !== "sex" || d![r] === null || d![r] === undefined) continue;
      const k = `${year![r]}|${key(level![r] as string, (system![r] as string | null) ?? null, area![r] as string)}`;
      let entry = areas.get(k);
      if (!entry) areas.set(k, (entry = { year: year![r] as number, level: level![r] as string, system: (system![r] as string | null) ?? null, area: area![r] as string, bySex: new Map() }));
      const banded: Banded = { counts: new Array<number>(BANDS).fill(0), personYears: new Array<number>(BANDS).fill(0) };
      const numbers = bandList![r] as number[];
      numbers.forEach((band, j) => {
        banded.counts[band]! += (n![r] as number[])[j]!;
        banded.personYears[band]! += (d![r] as number[])[j]!;
      });
      entry.bySex.set(stratumValue![r] as string, banded);
    }
    const bySexed = def.strata.includes("sex");
    for (const entry of areas.values()) {
      const region = entry.level === "region" ? entry.area : regionOf.get(key(entry.level, entry.system, entry.area));
      const standardKey = standardOf(def) === "region" && region !== undefined ? key("region", null, region) : key("belgium", null, "BE");
      const standard = areas.get(`${entry.year}|${standardKey}`)?.bySex;
      if (!standard) continue;
      const base = {
        indicator_id: id,
        year: entry.year,
        level: entry.level,
        system_code: entry.system,
        area_code: entry.area,
        sum_squares: null,
        statistic: def.statistic,
        unit: def.unit,
        low_count: null,
      };
      // A sector's cells are counts for disclosure control only (statistics.ts): no ratio, no limits.
      const countsOnly = entry.level === "sector";
      const push = (stratum: string, value: string, own: ReadonlyMap<string, Banded>) => {
        const r = isrOf(own, standard);
        if (!r) return;
        if (countsOnly) for (const k of ["value", "lower95", "upper95", "lower998", "upper998"] as const) r[k] = NaN;
        out.push({
          ...base,
          stratum,
          stratum_value: value,
          numerator: r.observed,
          denominator: r.personYears,
          expected: r.expected,
          value: r.value,
          lower95: r.lower95,
          upper95: r.upper95,
          lower998: r.lower998,
          upper998: r.upper998,
        });
      };
      push("total", "all", entry.bySex);
      if (bySexed) for (const sex of SEXES) if (entry.bySex.has(sex)) push("sex", sex, new Map([[sex, entry.bySex.get(sex)!]]));
    }
  }
  return out;
}

/**
 * An ISR already says how the area compares with its standard: 1 is "as the standard". So it
 * is compared with 1, by polarity, and only against the standard it was computed with
 * (Belgium, or the region); the other comparison is left empty rather than set against a ratio
 * of a different standard.
 */
export function compareIsrCells(table: CellTable, defs: readonly Definition[]): void {
  const isr = new Map(defs.filter(isIsr).map((d) => [d.id, d]));
  if (isr.size === 0) return;
  const estimate = { value: 0, lower95: 0, upper95: 0, lower998: 0, upper998: 0 };
  for (let i = 0; i < table.length; i++) {
    const def = isr.get(table.text(table.indicator[i]!)!);
    const level = table.text(table.level[i]!);
    if (!def || level === "sector") continue;
    estimate.value = table.value[i]!;
    estimate.lower95 = table.lower95[i]!;
    estimate.upper95 = table.upper95[i]!;
    estimate.lower998 = table.lower998[i]!;
    estimate.upper998 = table.upper998[i]!;
    const against = compareWithBenchmark(estimate, 1, def.polarity);
    const region = standardOf(def) === "region" && level !== "belgium";
    table.setComparisons(i, region && level !== "region" ? against : null, region || level === "belgium" ? null : against);
  }
}
