/**
 * Which years one statement computes together. One year per statement bounds the peak memory
 * whatever the scale, but each statement scans the event tables again (they are not ordered by
 * date, so a date range skips few row groups): on three indicators at scale 0.05, six statements
 * cost about twice one over six years. So consecutive years share a statement while two weights
 * stay within their budgets; a year heavier than a budget is still computed alone.
 *
 * - definitions × years: the statement's grouping by residence unit and stratum, then by area,
 *   holds a row per unit, stratum and year with two columns per definition, and the number of
 *   units hardly shrinks with the population. Measured with the 32 person-based definitions
 *   (2026-12-03, 2 cores): three years in one statement at scale 0.05 took 117 s and 4.1 GB
 *   against 93 s and 2.6 GB one year at a time, and six years of the demo (0.01) ran out of
 *   memory. So the budget is one year of every definition: what runs today, never more.
 * - person-years × definitions: the per-person event tables grow with the population; a year
 *   of scale 0.05 with all 32 definitions (18.5 M) is within what one statement holds.
 */

/** Definitions × years of one statement: one year of the 32 person-based definitions. */
export const DEFINITION_YEARS_BUDGET = 32;
/** Person-years × definitions of one statement. */
export const PERSON_YEARS_BUDGET = 24_000_000;

export interface YearRows {
  year: number;
  rows: number;
}

export interface BatchBudgets {
  definitionYears: number;
  personYears: number;
}

const DEFAULT_BUDGETS: BatchBudgets = { definitionYears: DEFINITION_YEARS_BUDGET, personYears: PERSON_YEARS_BUDGET };

/** Consecutive runs of years, in order, each within both budgets (or a single year). Pure. */
export function yearBatches(years: readonly YearRows[], definitions: number, budgets: BatchBudgets = DEFAULT_BUDGETS): { from: number; to: number }[] {
  const width = Math.max(1, definitions);
  const batches: { from: number; to: number; personYears: number }[] = [];
  for (const { year, rows } of [...years].sort((a, b) => a.year - b.year)) {
    const last = batches.at(-1);
    const fits = last !== undefined && last.to === year - 1 && (last.to - last.from + 2) * width <= budgets.definitionYears && (last.personYears + rows) * width <= budgets.personYears;
    if (fits) {
      last.to = year;
      last.personYears += rows;
    } else batches.push({ from: year, to: year, personYears: rows });
  }
  return batches.map(({ from, to }) => ({ from, to }));
}
