/**
 * Values and confidence limits of computed cells. Pure: no database, so that the rules
 * (Wilson for proportions; exact Poisson below 10 events, Byar from 10, for rates; Student's t
 * for means; Dobson for directly standardised rates) are tested and reused apart from the
 * query. Limits are given at 95% and 99.8%, the two levels of the funnel plots and of the
 * dashboard's comparisons.
 */
import { dsr, ESP2013, meanLimits, proportionLimits, rateLimits, type Estimate } from "../stats/index.ts";
import type { Definition, Statistic, Unit } from "../definition/schema.ts";
import { MAX_AGE } from "../definition/vocabulary.ts";

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

/** A row of the query: a cell, or for a DSR one ESP 2013 band (0–18) of a cell. */
export interface Row extends Cell {
  band: number | null;
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

type Limits = { value: number; a: Estimate; b: Estimate; low_count: boolean | null };

type Kind = Pick<Definition, "statistic" | "unit"> & Partial<Pick<Definition, "zone-value">>;

function limitsOf(cell: Cell, def: Kind): Limits {
  const m = multiplierOf(def.unit);
  if (def.statistic === "crude-rate" && def["zone-value"]) {
    // A zone's staff per inhabitant: a census figure, not a Poisson count (see compile-zone.ts).
    const value = (cell.numerator / cell.denominator) * m;
    const none = { value, lower: NaN, upper: NaN };
    return { value, a: none, b: none, low_count: null };
  }
  switch (def.statistic) {
    case "proportion":
    case "crude-rate": {
      const at = (level: number) => (def.statistic === "proportion" ? proportionLimits : rateLimits)(cell.numerator, cell.denominator, m, level);
      const a = at(0.95);
      return { value: a.value, a, b: at(0.998), low_count: null };
    }
    // A zone mean arrives as the survey's n, Σx and Σx² (compile-zone.ts).
    case "zone-mean":
    case "mean-per-person": {
      const value = cell.numerator / cell.denominator;
      // meanLimits needs two persons: one person's value has no spread to estimate.
      if (cell.denominator < 2) {
        const none = { value, lower: NaN, upper: NaN };
        return { value, a: none, b: none, low_count: null };
      }
      if (cell.sum_squares === undefined || cell.sum_squares === null) throw new RangeError("a mean per person needs the sum of squares");
      return { value, a: meanLimits(cell.numerator, cell.sum_squares, cell.denominator, 0.95), b: meanLimits(cell.numerator, cell.sum_squares, cell.denominator, 0.998), low_count: null };
    }
    default:
      throw new RangeError(`statistic ${def.statistic} is not computed from cells`);
  }
}

/** The cell with its value in the definition's unit and its limits; the denominator must be > 0. */
export function withStatistics(cell: Cell, def: Kind): CellWithStatistics {
  const { value, a, b, low_count } = limitsOf(cell, def);
  return { ...cell, statistic: def.statistic, unit: def.unit, value, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper, low_count };
}

/** A DSR cell from its bands (band index → count, person-years); missing bands have none. */
export function withDsr(cell: Cell, bands: readonly { band: number; count: number; personYears: number }[], def: Pick<Definition, "statistic" | "unit" | "population">): CellWithStatistics {
  const counts = new Array<number>(19).fill(0);
  const personYears = new Array<number>(19).fill(0);
  for (const b of bands) {
    counts[b.band]! += b.count;
    personYears[b.band]! += b.personYears;
  }
  const options = { standard: standardFor(def), multiplier: multiplierOf(def.unit) };
  const a = dsr(counts, personYears, { ...options, level: 0.95 });
  const b = dsr(counts, personYears, { ...options, level: 0.998 });
  return {
    ...cell, numerator: a.totalCount, denominator: a.totalPersonYears, statistic: def.statistic, unit: def.unit,
    value: a.value, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper, low_count: a.lowCount, bands: { counts, personYears },
  };
}

/**
 * Every cell with its statistics: rows by band (DSR) are put together into one cell per
 * indicator, year, area and stratum. Rows of unknown indicators are an error (a bug upstream).
 */
export function assembleCells(rows: readonly Row[], defs: readonly Definition[]): CellWithStatistics[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: CellWithStatistics[] = [];
  const dsrGroups = new Map<string, { cell: Cell; def: Definition; bands: { band: number; count: number; personYears: number }[] }>();
  for (const { band, ...cell } of rows) {
    const def = byId.get(cell.indicator_id);
    if (!def) throw new Error(`cell of unknown indicator ${cell.indicator_id}`);
    if (def.statistic !== "directly-standardised-rate") {
      out.push(withStatistics(cell, def));
      continue;
    }
    if (band === null) throw new Error(`DSR row of ${cell.indicator_id} without an age band`);
    const key = [cell.indicator_id, cell.year, cell.level, cell.system_code, cell.area_code, cell.stratum, cell.stratum_value].join("\u0000");
    const group = dsrGroups.get(key) ?? { cell: { ...cell, sum_squares: null }, def, bands: [] };
    group.bands.push({ band, count: cell.numerator, personYears: cell.denominator });
    dsrGroups.set(key, group);
  }
  for (const g of dsrGroups.values()) out.push(withDsr(g.cell, g.bands, g.def));
  return out;
}

/** Kept for callers holding cells without bands. */
export function addStatistics(cells: readonly Cell[], defs: readonly Definition[]): CellWithStatistics[] {
  return assembleCells(cells.map((c) => ({ ...c, band: null })), defs);
}
