/**
 * A crude rate: events per person-year (exact Poisson limits below 10 events, Byar's from 10),
 * contrasted from the counts (exact conditional ratio, MOVER difference). Or a zone's staff per
 * inhabitant (`zone-value` with `per-population`): a census figure, not a Poisson count, so
 * without limits (compute/compile-zone.ts).
 */
import { rateDifference, rateLimits, rateRatio } from "../stats/index.ts";
import { PERSON_BLOCKS, RATES, withoutLimits, type StatisticSpec } from "./spec.ts";

export const crudeRate = {
  name: "crude-rate",
  words: {
    fr: "taux brut (intervalle de Poisson exact sous 10 événements, de Byar à partir de 10)",
    nl: "ruw cijfer (exact Poisson-interval onder 10 gebeurtenissen, Byar vanaf 10)",
    de: "rohe Rate (exaktes Poisson-Intervall unter 10 Ereignissen, Byar ab 10)",
    en: "crude rate (exact Poisson interval below 10 events, Byar's from 10)",
  },
  validation: {
    subAnnual: true,
    units: RATES,
    numeratorKinds: ["events", "deaths", "readmissions"],
    blocks: (def) => (def["zone-value"] !== undefined ? ["zone-value"] : PERSON_BLOCKS),
    zoneLevel: false,
    fromQuery: true,
    eventCount: { count: "events", refusal: "statistic `crude-rate` counts events: write `count: events` (or use `proportion` to count persons)" },
  },
  standard: false,
  compile: { personBased: true, zoneFigure: "per-population", sumOfSquares: false },
  cells: {
    from: "counts",
    limits: (cell, def, m) => {
      // A zone's staff per inhabitant: a census figure, not a Poisson count.
      if (def["zone-value"]) return withoutLimits((cell.numerator / cell.denominator) * m);
      const a = rateLimits(cell.numerator, cell.denominator, m, 0.95);
      return { value: a.value, a, b: rateLimits(cell.numerator, cell.denominator, m, 0.998), low_count: null };
    },
  },
  // Exact methods need whole counts; a zone figure per inhabitant (no limits) is left to the intervals.
  contrast: (a, b, m) =>
    Number.isInteger(a.numerator) && Number.isInteger(b.numerator) && Number.isFinite(a.lower95)
      ? { ratio: rateRatio(a.numerator, a.denominator, b.numerator, b.denominator), difference: rateDifference(a.numerator, a.denominator, b.numerator, b.denominator, { multiplier: m }) }
      : undefined,
  disclosure: { denominator: "persons", numerator: true, rest: false },
} as const satisfies StatisticSpec<"crude-rate">;
