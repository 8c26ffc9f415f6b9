/**
 * What the attacker knows about sub-annual values (`period_cell`) from the documentation
 * (docs/release-format.md), not from the publisher's code:
 * - a period cell is the total stratum of its indicator in one quarter or month: it joins the
 *   attack as a cell of a breakdown named after the kind (`quarter` 1–4, `month` 1–12), so its
 *   area is a sum of atoms like any other cell;
 * - the periods of a year add up to the year, per area (and so per atom): the numerator's
 *   periods to the year's numerator, their person-years to the year's population;
 * - a period's person-years are the year's population × days of the period / days of the year:
 *   one published period gives the year's population, hidden or not.
 */
import { positionKey, seriesKey } from "./series.ts";
import type { Discovered, PublicCell, PublicPeriodCell } from "./types.ts";

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthDays = (y: number, m: number) => (m === 2 && leap(y) ? 29 : MONTH_DAYS[m - 1]!);

/** Days of a period over days of its year. */
export function periodShare(kind: string, year: number, index: number): number {
  const months = kind === "quarter" ? [3 * index - 2, 3 * index - 1, 3 * index] : [index];
  return months.reduce((s, m) => s + monthDays(year, m), 0) / (leap(year) ? 366 : 365);
}

const PERIODS: Record<string, number> = { quarter: 4, month: 12 };

/** Period cells as cells of a breakdown named after their kind. */
export function periodsAsCells(periods: readonly PublicPeriodCell[]): PublicCell[] {
  return periods.map((p) => ({
    indicatorId: p.indicatorId,
    year: p.year,
    level: p.level,
    systemCode: p.systemCode,
    areaCode: p.areaCode,
    stratum: p.periodKind,
    stratumValue: String(p.periodIndex),
    numerator: p.numerator,
    denominator: p.denominator,
    hidden: p.hidden,
  }));
}

/** The documented identities: per indicator and kind, total = Σ periods, for numerators and person-years. */
export function periodRelations(periods: readonly PublicPeriodCell[]): Discovered[] {
  const kinds = new Map<string, { id: string; kind: string }>();
  for (const p of periods) if (PERIODS[p.periodKind]) kinds.set(`${p.indicatorId}|${p.periodKind}`, { id: p.indicatorId, kind: p.periodKind });
  return [...kinds.values()].flatMap(({ id, kind }) =>
    (["n", "d"] as const).map((q) => ({
      kind: "strata" as const,
      series: [seriesKey(id, q, "total", "all"), ...Array.from({ length: PERIODS[kind]! }, (_, i) => seriesKey(id, q, kind, String(i + 1)))],
      checkedCells: 0,
    })),
  );
}

/** A count the attacker learns outright: the year's population from a published period's person-years. */
export interface Fact {
  series: string;
  position: string;
  value: number;
}

export function populationFacts(periods: readonly PublicPeriodCell[]): Fact[] {
  const facts = new Map<string, Fact>();
  for (const p of periods) {
    if (p.hidden !== null || p.denominator === null || !PERIODS[p.periodKind]) continue;
    const series = seriesKey(p.indicatorId, "d", "total", "all");
    const position = positionKey({ year: p.year, level: p.level, systemCode: p.systemCode, areaCode: p.areaCode } as PublicCell);
    facts.set(`${series}|${position}`, { series, position, value: Math.round(p.denominator / periodShare(p.periodKind, p.year, p.periodIndex)) });
  }
  return [...facts.values()];
}
