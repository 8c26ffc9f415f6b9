/**
 * A mean per person: spending (euro) or a number of events (ratio) summed over the persons of
 * the denominator, divided by them. Cells carry Σx and Σx² so that Student's t limits need no
 * person-level data afterwards. The numerator is an amount, not a count of persons: disclosure
 * control protects its denominator only.
 */
import { meanLimits } from "../stats/index.ts";
import type { Cell } from "../compute/statistics.ts";
import { PERSON_BLOCKS, withoutLimits, type Limits, type StatisticSpec } from "./spec.ts";

/** A mean's value and t limits from n (the denominator), Σx and Σx²; also a zone's survey mean. */
export function meanOfCell(cell: Cell): Limits {
  const value = cell.numerator / cell.denominator;
  // meanLimits needs two persons: one person's value has no spread to estimate.
  if (cell.denominator < 2) return withoutLimits(value);
  if (cell.sum_squares === undefined || cell.sum_squares === null) throw new RangeError("a mean per person needs the sum of squares");
  return { value, a: meanLimits(cell.numerator, cell.sum_squares, cell.denominator, 0.95), b: meanLimits(cell.numerator, cell.sum_squares, cell.denominator, 0.998), low_count: null };
}

export const meanPerPerson = {
  name: "mean-per-person",
  words: {
    fr: "moyenne par personne",
    nl: "gemiddelde per persoon",
    de: "Mittelwert je Person",
    en: "mean per person",
  },
  validation: {
    units: ["euro", "ratio"],
    numeratorKinds: ["events", "spending"],
    blocks: () => PERSON_BLOCKS,
    zoneLevel: false,
    fromQuery: false,
    eventCount: { count: "events", refusal: "statistic `mean-per-person` counts events: write `count: events` (or use `proportion` to count persons)" },
    eventsUnit: { unit: "ratio", refusal: "a mean number of events per person has unit `ratio`; `euro` goes with a `spending` numerator" },
  },
  standard: false,
  compile: { personBased: true, sumOfSquares: true },
  cells: { from: "counts", limits: meanOfCell },
  disclosure: { denominator: "persons", numerator: false, rest: false },
} as const satisfies StatisticSpec<"mean-per-person">;
