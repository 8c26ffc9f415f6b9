/**
 * The ratio of two indicators' cells (`ratio-of`), cell by cell (compute/derive.ts), with limits
 * from the contrast of the two. It has no count of its own: its measures' counts are protected,
 * and its cell is hidden when either measure's is (release/apply-disclosure.ts).
 */
import type { StatisticSpec } from "./spec.ts";

export const ratioOfMeasures = {
  name: "ratio-of-measures",
  words: {
    fr: "rapport de deux indicateurs",
    nl: "verhouding van twee indicatoren",
    de: "Verhältnis zweier Indikatoren",
    en: "ratio of two indicators",
  },
  validation: {
    units: ["ratio"],
    numeratorKinds: [],
    blocks: () => ["ratio-of"],
    zoneLevel: true,
    fromQuery: false,
  },
  standard: false,
  compile: { personBased: false, sumOfSquares: false },
  cells: { from: "measures" },
  disclosure: { denominator: "none", numerator: false, rest: false },
} as const satisfies StatisticSpec<"ratio-of-measures">;
