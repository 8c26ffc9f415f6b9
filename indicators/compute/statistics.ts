/**
 * Values and confidence limits of computed cells. Pure: no database, so that the rules
 * (Wilson for proportions; exact Poisson below 10 events, Byar from 10, for rates; Student's t
 * for means; Dobson for directly standardised rates) are tested and reused apart from the
 * query. Limits are given at 95% and 99.8%, the two levels of the funnel plots and of the
 * dashboard's comparisons.
 */
import { dsr, ESP2013 } from "../stats/index.ts";
import type { Definition, Statistic, Unit } from "../definition/schema.ts";
import { MAX_AGE } from "../definition/vocabulary.ts";
import { ageStratumOf, strataOf } from "./compile.ts";
import { statisticOf, type Limits } from "../statistics/index.ts";
import type { IndicatorCell } from "./derive.ts";
import { isAbsent, wideColumn } from "./wide-column.ts";

/** A cell as the compiled query returns it (see compile.ts). */
export interface Cell {
  indicator_id: string;
  year: number;
  level: string;
  /** Only for level `zone`. */
  system_code: string | null;
  area_code: string;
  /** `total`, `sex`, `age-band` or `bim`. */
  stratum: string;
  /** `all` for the total. */
  stratum_value: string;
  /** Count, or Σx for a mean per person (euro amounts are not whole). */
  numerator: number;
  /** Persons (person-years); for a DSR, the person-years summed over the bands. */
  denominator: number;
  /** Σx² for a mean per person; absent or null otherwise. */
  sum_squares?: number | null;
}

export interface CellWithStatistics extends Cell {
  statistic: Statistic;
  unit: Unit;
  value: number;
  /** NaN where the limit cannot be computed (a mean of one person; the upper limit of a DSR of 0). */
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  /** DSR only: fewer than 10 events in total, which PHE does not publish; null for the others. */
  low_count: boolean | null;
  /** DSR only: the count per ESP 2013 band and the person-years per band. */
  bands?: { counts: number[]; personYears: number[] };
  /** ISR only: the expected count, Σ person-years × the standard's rates (not a count of persons). */
  expected?: number;
}

const MULTIPLIER: Partial<Record<Unit, number>> = { percent: 100, "per-1000": 1_000, "per-10000": 10_000, "per-100000": 100_000, euro: 1, ratio: 1, score: 1 };

export function multiplierOf(unit: Unit): number {
  const m = MULTIPLIER[unit];
  if (m === undefined) throw new RangeError(`unit ${unit} has no multiplier for a proportion, a rate or a mean`);
  return m;
}

/**
 * The ESP 2013 weights, with bands outside the population's age range set to 0: a DSR of
 * persons aged 0–74 is standardised to the standard population aged 0–74, not to all ages
 * (which would add the weight of the older bands at a rate of zero). The schema makes age
 * ranges of a DSR follow the 5-year bands.
 */
export function standardFor(def: Pick<Definition, "population">): number[] {
  const [min, max] = def.population?.age ?? [0, MAX_AGE];
  return ESP2013.map((b) => (b.fromAge >= min && b.fromAge <= max ? b.weight : 0));
}

type Kind = Pick<Definition, "statistic" | "unit"> & Partial<Pick<Definition, "zone-value">>;

/** The statistic's own rule (indicators/statistics/), for those computed from a cell's counts. */
function limitsOf(cell: Cell, def: Kind): Limits {
  const m = multiplierOf(def.unit);
  const source = statisticOf(def.statistic).cells;
  if (source.from !== "counts") throw new RangeError(`statistic ${def.statistic} is not computed from cells`);
  return source.limits(cell, def, m);
}

const COUNTS_ONLY: Limits = { value: NaN, a: { value: NaN, lower: NaN, upper: NaN }, b: { value: NaN, lower: NaN, upper: NaN }, low_count: null };

/** The cell with its value in the definition's unit and its limits; the denominator must be > 0. */
export function withStatistics(cell: Cell, def: Kind): CellWithStatistics {
  // A sector's cells are counts for disclosure control only (see cellsFromColumns).
  const { value, a, b, low_count } = cell.level === "sector" ? COUNTS_ONLY : limitsOf(cell, def);
  // Written out rather than spread: this runs for every cell of a national run.
  return {
    indicator_id: cell.indicator_id,
    year: cell.year,
    level: cell.level,
    system_code: cell.system_code,
    area_code: cell.area_code,
    stratum: cell.stratum,
    stratum_value: cell.stratum_value,
    numerator: cell.numerator,
    denominator: cell.denominator,
    sum_squares: cell.sum_squares ?? null,
    statistic: def.statistic,
    unit: def.unit,
    value,
    lower95: a.lower,
    upper95: a.upper,
    lower998: b.lower,
    upper998: b.upper,
    low_count,
  };
}

/** What a DSR of one definition needs besides its counts: its standard (age range) and unit. */
interface DsrOf {
  def: Pick<Definition, "statistic" | "unit">;
  standard: number[];
  multiplier: number;
}

const dsrOf = (def: Pick<Definition, "statistic" | "unit" | "population">): DsrOf => ({ def, standard: standardFor(def), multiplier: multiplierOf(def.unit) });

/**
 * A DSR cell from its counts and person-years by ESP band (index = band; 19 of each), built
 * directly in its final shape: this runs for every cell of every standardised definition.
 * `cell`'s key is copied; its counts are overwritten.
 */
function dsrCell(cell: Cell, counts: number[], personYears: number[], of: DsrOf): IndicatorCell {
  const options = { standard: of.standard, multiplier: of.multiplier };
  const a = dsr(counts, personYears, { ...options, level: 0.95 });
  const b = dsr(counts, personYears, { ...options, level: 0.998 });
  cell.numerator = a.totalCount;
  cell.denominator = a.totalPersonYears;
  cell.sum_squares = null;
  const out = fullCell(cell, of.def.statistic, of.def.unit, a.value, a.lower, a.upper, b.lower, b.upper, a.lowCount);
  out.bands = { counts, personYears };
  return out;
}

/**
 * A sector's DSR cell: its counts only (see `cellsFromColumns`), with the total count and
 * person-years a DSR cell carries, and its bands for disclosure control.
 */
function sectorDsrCell(cell: Cell, counts: number[], personYears: number[], of: DsrOf): IndicatorCell {
  let events = 0;
  let years = 0;
  for (let k = 0; k < counts.length; k++) {
    events += counts[k]!;
    years += personYears[k]!;
  }
  cell.numerator = events;
  cell.denominator = years;
  cell.sum_squares = null;
  const out = fullCell(cell, of.def.statistic, of.def.unit, NaN, NaN, NaN, NaN, NaN, events < 10);
  out.bands = { counts, personYears };
  return out;
}

/** A row of a long-form query (the zone figures): a cell, with no ESP band. */
export interface Row extends Cell {
  band: number | null;
}

/** The query's wide result, read by column (DuckDB's `getColumnsObjectJS`). */
export type WideColumns = Record<string, ArrayLike<unknown>>;
/** Where each definition's figures are in the wide result (see `Compiled.columns`). */
export type WideLayout = readonly { id: string; index: number; banded: boolean; periods?: number }[];

/**
 * A cell with every field of an `IndicatorCell`, the derived ones empty: built once per cell,
 * filled in place by `deriveInPlace` (derive.ts), never copied.
 * A class rather than an object literal: V8 builds a 30-field literal through a runtime call
 * (about 1 µs a cell, 0.1 s for the bench's 121,608 cells at 0.05), where a constructor allocates
 * inline, its fields in the object; spreading the fields instead made dictionary-mode objects,
 * and every later access 10× slower. (So not from the release format's `CELL_TABLE.nulls`, which
 * indicators/ may not import anyway: a new value column still reaches here, since the release
 * writer types its columns by this cell.)
 */
class FullCell implements IndicatorCell {
  indicator_id: string;
  year: number;
  level: string;
  system_code: string | null;
  area_code: string;
  stratum: string;
  stratum_value: string;
  numerator: number;
  denominator: number;
  sum_squares: number | null;
  statistic: Statistic;
  unit: Unit;
  value: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  low_count: boolean | null;
  region_code: string | null = null;
  compared_region: IndicatorCell["compared_region"] = null;
  compared_belgium: IndicatorCell["compared_belgium"] = null;
  quintile: number | null = null;
  trend: IndicatorCell["trend"] = null;
  trend_slope: number | null = null;
  bim_ratio: number | null = null;
  bim_ratio_lower95: number | null = null;
  bim_ratio_upper95: number | null = null;
  bim_difference: number | null = null;
  bim_difference_lower95: number | null = null;
  bim_difference_upper95: number | null = null;
  declare bands?: { counts: number[]; personYears: number[] };
  declare expected?: number;

  constructor(c: Cell, statistic: Statistic, unit: Unit, value: number, lower95: number, upper95: number, lower998: number, upper998: number, low_count: boolean | null) {
    this.indicator_id = c.indicator_id;
    this.year = c.year;
    this.level = c.level;
    this.system_code = c.system_code;
    this.area_code = c.area_code;
    this.stratum = c.stratum;
    this.stratum_value = c.stratum_value;
    this.numerator = c.numerator;
    this.denominator = c.denominator;
    this.sum_squares = c.sum_squares ?? null;
    this.statistic = statistic;
    this.unit = unit;
    this.value = value;
    this.lower95 = lower95;
    this.upper95 = upper95;
    this.lower998 = lower998;
    this.upper998 = upper998;
    this.low_count = low_count;
  }
}

export function fullCell(c: Cell, statistic: Statistic, unit: Unit, value: number, lower95: number, upper95: number, lower998: number, upper998: number, low_count: boolean | null): IndicatorCell {
  return new FullCell(c, statistic, unit, value, lower95, upper95, lower998, upper998, low_count);
}

/** A cell of its own with empty derived fields (its bands and expected count kept). */
export function asIndicatorCell(c: CellWithStatistics): IndicatorCell {
  const out = fullCell(c, c.statistic, c.unit, c.value, c.lower95, c.upper95, c.lower998, c.upper998, c.low_count);
  if (c.bands) out.bands = c.bands;
  if (c.expected !== undefined) out.expected = c.expected;
  return out;
}

/**
 * Every cell with its statistics, from the compiled query's wide result: for each row (a
 * year, an area and a stratum) and each definition, one cell when the definition asks for
 * that stratum and its denominator is not empty. A cell with nobody in the denominator has
 * no value: it is left out rather than kept as 0/0.
 *
 * Read column by column, with one scratch cell handed to the statistic's rule: each cell is
 * one object, in the shape `deriveInPlace` fills (`fullCell`).
 *
 * Sector cells are counts for disclosure control only (a municipality split between zones,
 * areas.ts), never published: they get no value and no limits (NaN), which were a third of
 * this step's work on Belgium's 402 sectors of split municipalities.
 */
export function cellsFromColumns(columns: WideColumns, layout: WideLayout, defs: readonly Definition[]): IndicatorCell[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const col = (name: string) => wideColumn(columns, name);
  const [year, level, system, area, stratum, stratumValue] = ["year", "level", "system_code", "area_code", "stratum", "stratum_value"].map(col) as unknown[][];
  const rows = year!.length;
  const out: IndicatorCell[] = [];
  // One cell object handed to the statistics' rules, refilled for each cell: they read its counts.
  const scratch: Cell = { indicator_id: "", year: 0, level: "", system_code: null, area_code: "", stratum: "", stratum_value: "", numerator: 0, denominator: 0, sum_squares: null };
  for (const { id, index, banded } of layout) {
    const def = byId.get(id);
    if (!def) throw new Error(`layout names unknown indicator ${id}`);
    const spec = statisticOf(def.statistic);
    // Indirectly standardised ratios are read by indirect-standardisation.ts (all areas at once).
    if (spec.cells.from === "expected") continue;
    // A definition's own age bands come back under a stratum of their own (compile.ts).
    const ageStratum = ageStratumOf(def);
    const wanted = new Set<string>(["total", ...strataOf(def).map((s) => (s === "age-band" ? ageStratum : s))]);
    const n = col(banded ? `bn${index}` : `n${index}`);
    const d = col(banded ? `bd${index}` : `d${index}`);
    const squares = spec.compile.sumOfSquares ? col(`s${index}`) : undefined;
    const bandNumbers = banded ? col("bands") : undefined;
    const standardised = banded ? dsrOf(def) : undefined;
    const source = spec.cells;
    const m = source.from === "counts" ? multiplierOf(def.unit) : NaN;
    for (let r = 0; r < rows; r++) {
      const s = stratum![r] as string;
      if (!wanted.has(s) || isAbsent(d[r])) continue;
      scratch.indicator_id = id;
      scratch.year = year![r] as number;
      scratch.level = level![r] as string;
      scratch.system_code = (system![r] as string | null) ?? null;
      scratch.area_code = area![r] as string;
      scratch.stratum = s === ageStratum ? "age-band" : s;
      scratch.stratum_value = stratumValue![r] as string;
      if (bandNumbers) {
        // Bands with person-years only; none at all, no cell.
        const numbers = bandNumbers[r] as number[];
        const counts = n[r] as number[];
        const years = d[r] as number[];
        let found = false;
        const byBand = new Array<number>(19).fill(0);
        const yearsByBand = new Array<number>(19).fill(0);
        for (let k = 0; k < numbers.length; k++) {
          if (!(years[k]! > 0)) continue;
          byBand[numbers[k]!]! += counts[k]!;
          yearsByBand[numbers[k]!]! += years[k]!;
          found = true;
        }
        if (!found) continue;
        out.push(scratch.level === "sector" ? sectorDsrCell(scratch, byBand, yearsByBand, standardised!) : dsrCell(scratch, byBand, yearsByBand, standardised!));
        continue;
      }
      const denominator = d[r] as number;
      if (!(denominator > 0)) continue;
      if (source.from !== "counts") throw new RangeError(`statistic ${def.statistic} is not computed from cells`);
      scratch.numerator = n[r] as number;
      scratch.denominator = denominator;
      scratch.sum_squares = squares ? (squares[r] as number) : null;
      if (scratch.level === "sector") {
        out.push(fullCell(scratch, def.statistic, def.unit, NaN, NaN, NaN, NaN, NaN, null));
        continue;
      }
      const l = source.limits(scratch, def, m);
      out.push(fullCell(scratch, def.statistic, def.unit, l.value, l.a.lower, l.a.upper, l.b.lower, l.b.upper, l.low_count));
    }
  }
  return out;
}

/** Cells in the long form of the zone query (one row per cell; no bands), with statistics. */
export function cellsFromRows(rows: readonly Cell[], defs: readonly Definition[]): CellWithStatistics[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  return rows.map((cell) => {
    const def = byId.get(cell.indicator_id);
    if (!def) throw new Error(`cell of unknown indicator ${cell.indicator_id}`);
    return withStatistics(cell, def);
  });
}
