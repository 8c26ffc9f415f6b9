/**
 * A rate directly standardised for age on the European Standard Population 2013, with Dobson's
 * limits: the query returns its events and person-years by 5-year ESP band (compile.ts,
 * `esp_band`) and `dsrCell` (compute/statistics.ts) weights them. Being standardised for age, it
 * has no age-band breakdown, and its population's age range follows the ESP bands.
 */
import { PERSON_BLOCKS, RATES, type StatisticSpec } from "./spec.ts";

export const directlyStandardisedRate = {
  name: "directly-standardised-rate",
  words: {
    fr: "taux standardisé directement sur l'âge, population standard européenne 2013 (intervalle de Dobson)",
    nl: "direct voor leeftijd gestandaardiseerd cijfer, Europese standaardbevolking 2013 (Dobson-interval)",
    de: "direkt altersstandardisierte Rate, Europäische Standardbevölkerung 2013 (Dobson-Intervall)",
    en: "rate directly standardised for age on the European Standard Population 2013 (Dobson's interval)",
  },
  validation: {
    units: RATES,
    numeratorKinds: ["events", "deaths", "readmissions"],
    blocks: () => PERSON_BLOCKS,
    zoneLevel: false,
    fromQuery: false,
    eventCount: { count: "events", refusal: "statistic `directly-standardised-rate` counts events: write `count: events` (or use `proportion` to count persons)" },
    espAgeRange:
      "a directly standardised rate uses the 5-year bands of the European Standard Population: the age range must start at a multiple of 5 and end at …, 64, 69, …, 89, or 120 (no upper limit)",
    ageBandsRefusal: "a directly standardised rate is standardised over the 19 bands of the European Standard Population 2013 and has no age-band breakdown",
  },
  standard: false,
  // An age-band breakdown of a DSR would be a set of crude band rates: sex and BIM only.
  compile: { personBased: true, groupedBy: (strata) => strata.filter((s) => s !== "age-band"), sumOfSquares: false },
  cells: { from: "esp-bands" },
  disclosure: { denominator: "persons", numerator: true, rest: false },
} as const satisfies StatisticSpec<"directly-standardised-rate">;
