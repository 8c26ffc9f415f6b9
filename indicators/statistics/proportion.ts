/**
 * A proportion: persons of the denominator counted in the numerator, with Wilson's interval.
 * Each person counts once, so the numerator is part of the denominator (the rest is a count
 * too, for disclosure control), and two proportions are contrasted from their counts (Katz log
 * ratio, Newcombe hybrid difference).
 */
import { proportionDifference, proportionLimits, proportionRatio } from "../stats/index.ts";
import { PERSON_BLOCKS, RATES, type StatisticSpec } from "./spec.ts";

export const proportion = {
  name: "proportion",
  words: {
    fr: "proportion (intervalle de Wilson)",
    nl: "proportie (Wilson-interval)",
    de: "Anteil (Wilson-Intervall)",
    en: "proportion (Wilson score interval)",
  },
  validation: {
    units: ["percent", ...RATES],
    numeratorKinds: ["events", "medicines", "status"],
    blocks: () => PERSON_BLOCKS,
    zoneLevel: false,
    fromQuery: true,
    eventCount: { count: "persons", refusal: "a proportion counts each person once: use `count: persons`, or a rate statistic to count events" },
  },
  standard: false,
  compile: { personBased: true, sumOfSquares: false },
  cells: {
    from: "counts",
    limits: (cell, _def, m) => {
      const a = proportionLimits(cell.numerator, cell.denominator, m, 0.95);
      return { value: a.value, a, b: proportionLimits(cell.numerator, cell.denominator, m, 0.998), low_count: null };
    },
  },
  contrast: (a, b, m) => {
    const d = proportionDifference(a.numerator, a.denominator, b.numerator, b.denominator);
    return { ratio: proportionRatio(a.numerator, a.denominator, b.numerator, b.denominator), difference: { value: d.value * m, lower: d.lower * m, upper: d.upper * m } };
  },
  disclosure: { denominator: "persons", numerator: true, rest: true },
} as const satisfies StatisticSpec<"proportion">;
