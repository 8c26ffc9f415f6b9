/**
 * An indirectly standardised ratio (SMR, ISR): observed / expected, the expected count summed
 * over sex × ESP band at the rates of a standard (Belgium, or the region with `standard:
 * region`); compute/indirect-standardisation.ts. The query returns its figures by band and sex,
 * so it is always grouped by sex and can be broken down by sex only.
 */
import { PERSON_BLOCKS, type StatisticSpec } from "./spec.ts";

export const indirectlyStandardisedRatio = {
  name: "indirectly-standardised-ratio",
  words: {
    fr: "rapport standardisé indirect, observé / attendu",
    nl: "indirect gestandaardiseerde ratio, waargenomen / verwacht",
    de: "indirekt standardisiertes Verhältnis, beobachtet / erwartet",
    en: "indirectly standardised ratio, observed / expected",
  },
  validation: {
    units: ["ratio"],
    numeratorKinds: ["events", "medicines", "status", "deaths", "readmissions"],
    blocks: () => PERSON_BLOCKS,
    zoneLevel: false,
    fromQuery: false,
    strata: {
      only: ["sex"],
      refusal: (s) => `an indirectly standardised ratio is computed by sex and age band of the standard and can be broken down by sex only, not by \`${s}\`: remove it`,
    },
    ageBandsRefusal: "an indirectly standardised ratio is standardised over the 19 bands of the European Standard Population 2013 and is broken down by sex only",
  },
  standard: true,
  // The expected count is summed over sex × band: it always needs the sex rows.
  compile: { personBased: true, groupedBy: () => ["sex"], sumOfSquares: false },
  cells: { from: "expected" },
  disclosure: { denominator: "persons", numerator: true, rest: false },
} as const satisfies StatisticSpec<"indirectly-standardised-ratio">;
