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
import { CellTable } from "./cell-table.ts";
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
 * A DSR cell from its counts and person-years by ESP band (index = band; 19 of each), added to
 * the table. `cell`'s key is read; its counts are overwritten.
 */
function addDsrCell(table: CellTable, cell: Cell, counts: number[], personYears: number[], of: DsrOf): void {
  const options = { standard: of.standard, multiplier: of.multiplier };
  const a = dsr(counts, personYears, { ...options, level: 0.95 });
  const b = dsr(counts, personYears, { ...options, level: 0.998 });
  cell.numerator = a.totalCount;
  cell.denominator = a.totalPersonYears;
  cell.sum_squares = null;
  const i = table.add(cell, of.def.statistic, of.def.unit, a.value, a.lower, a.upper, b.lower, b.upper, a.lowCount);
  table.bands.set(i, { counts, personYears });
}

/**
 * A sector's DSR cell: its counts only (see `cellsFromColumns`), with the total count and
 * person-years a DSR cell carries, and its bands for disclosure control.
 */
function addSectorDsrCell(table: CellTable, cell: Cell, counts: number[], personYears: number[], of: DsrOf): void {
  let events = 0;
  let years = 0;
  for (let k = 0; k < counts.length; k++) {
    events += counts[k]!;
    years += personYears[k]!;
  }
  cell.numerator = events;
  cell.denominator = years;
  cell.sum_squares = null;
  const i = table.add(cell, of.def.statistic, of.def.unit, NaN, NaN, NaN, NaN, NaN, events < 10);
  table.bands.set(i, { counts, personYears });
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
 * Every cell with its statistics, from the compiled query's wide result: for each row (a
 * year, an area and a stratum) and each definition, one cell when the definition asks for
 * that stratum and its denominator is not empty. A cell with nobody in the denominator has
 * no value: it is left out rather than kept as 0/0.
 *
 * Read column by column, with one scratch cell handed to the statistic's rule; the cells are
 * added to `table` (cell-table.ts), which `deriveTable` then fills.
 *
 * Sector cells are counts for disclosure control only (a municipality split between zones,
 * areas.ts), never published: they get no value and no limits (NaN), which were a third of
 * this step's work on Belgium's 402 sectors of split municipalities.
 */
export function cellsFromColumns(columns: WideColumns, layout: WideLayout, defs: readonly Definition[], table = new CellTable(), batchesLeft = 1): CellTable {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const col = (name: string) => wideColumn(columns, name);
  const [year, level, system, area, stratum, stratumValue] = ["year", "level", "system_code", "area_code", "stratum", "stratum_value"].map(col) as unknown[][];
  const rows = year!.length;
  // One cell object handed to the statistics' rules, refilled for each cell: they read its counts.
  const scratch: Cell = { indicator_id: "", year: 0, level: "", system_code: null, area_code: "", stratum: "", stratum_value: "", numerator: 0, denominator: 0, sum_squares: null };
  const plans = layout.flatMap(({ id, index, banded }) => {
    const def = byId.get(id);
    if (!def) throw new Error(`layout names unknown indicator ${id}`);
    // Indirectly standardised ratios are read by indirect-standardisation.ts (all areas at once).
    if (statisticOf(def.statistic).cells.from === "expected") return [];
    // A definition's own age bands come back under a stratum of their own (compile.ts).
    const ageStratum = ageStratumOf(def);
    const wanted = new Set<string>(["total", ...strataOf(def).map((s) => (s === "age-band" ? ageStratum : s))]);
    return [{ id, index, banded, def, ageStratum, wanted, d: col(banded ? `bd${index}` : `d${index}`) }];
  });
  // At most one cell per row a definition wants: room for them, and for as many in each batch
  // still to come (`batchesLeft`, this one included; year-batches.ts makes them alike), so that
  // no column is copied. Fresh memory is dear: each page's first write is a fault.
  let most = 0;
  for (const { wanted, d } of plans) for (let r = 0; r < rows; r++) if (wanted.has(stratum![r] as string) && !isAbsent(d[r])) most++;
  table.reserve(most * batchesLeft);
  for (const { id, index, banded, def, ageStratum, wanted, d } of plans) {
    const spec = statisticOf(def.statistic);
    const n = col(banded ? `bn${index}` : `n${index}`);
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
        if (scratch.level === "sector") addSectorDsrCell(table, scratch, byBand, yearsByBand, standardised!);
        else addDsrCell(table, scratch, byBand, yearsByBand, standardised!);
        continue;
      }
      const denominator = d[r] as number;
      if (!(denominator > 0)) continue;
      if (source.from !== "counts") throw new RangeError(`statistic ${def.statistic} is not computed from cells`);
      scratch.numerator = n[r] as number;
      scratch.denominator = denominator;
      scratch.sum_squares = squares ? (squares[r] as number) : null;
      if (scratch.level === "sector") {
        table.add(scratch, def.statistic, def.unit, NaN, NaN, NaN, NaN, NaN, null);
        continue;
      }
      const l = source.limits(scratch, def, m);
      table.add(scratch, def.statistic, def.unit, l.value, l.a.lower, l.a.upper, l.b.lower, l.b.upper, l.low_count);
    }
  }
  return table;
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
