/**
 * Values and confidence limits of computed cells. Pure: no database, so that the rules
 * (Wilson for proportions; exact Poisson below 10 events, Byar from 10, for rates) are tested
 * and reused apart from the query. Limits are given at 95% and 99.8%, the two levels of the
 * funnel plots and of the dashboard's comparisons.
 */
import { proportionLimits, rateLimits } from "../stats/index.ts";
import type { Definition, Unit } from "../definition/schema.ts";

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
  numerator: number;
  denominator: number;
}

export interface CellWithStatistics extends Cell {
  statistic: "proportion" | "crude-rate";
  unit: Unit;
  value: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

const MULTIPLIER: Partial<Record<Unit, number>> = { percent: 100, "per-1000": 1_000, "per-10000": 10_000, "per-100000": 100_000 };

export function multiplierOf(unit: Unit): number {
  const m = MULTIPLIER[unit];
  if (m === undefined) throw new RangeError(`unit ${unit} has no multiplier for a proportion or a rate`);
  return m;
}

/** The cell with its value in the definition's unit and its limits; the denominator must be > 0. */
export function withStatistics(cell: Cell, def: Pick<Definition, "statistic" | "unit">): CellWithStatistics {
  const m = multiplierOf(def.unit);
  const at = (level: number) =>
    def.statistic === "proportion"
      ? proportionLimits(cell.numerator, cell.denominator, m, level)
      : def.statistic === "crude-rate"
        ? rateLimits(cell.numerator, cell.denominator, m, level)
        : undefined;
  const a = at(0.95);
  const b = at(0.998);
  if (!a || !b) throw new RangeError(`statistic ${def.statistic} is not computed from cells`);
  return { ...cell, statistic: def.statistic as CellWithStatistics["statistic"], unit: def.unit, value: a.value, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper };
}

/** Every cell with its statistics; cells of unknown indicators are an error (a bug upstream). */
export function addStatistics(cells: readonly Cell[], defs: readonly Definition[]): CellWithStatistics[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  return cells.map((c) => {
    const def = byId.get(c.indicator_id);
    if (!def) throw new Error(`cell of unknown indicator ${c.indicator_id}`);
    return withStatistics(c, def);
  });
}
