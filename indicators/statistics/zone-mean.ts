/**
 * The mean of a zone's survey scores (zone_prem, zone_workforce): the zone's row for the
 * definition's survey, carried as n = respondents, Σx and Σx² (compute/compile-zone.ts), so
 * that its t limits are those of any mean. Its respondents are its own population: disclosure
 * control protects them apart.
 */
import { meanOfCell } from "./mean-per-person.ts";
import type { StatisticSpec } from "./spec.ts";

export const zoneMean = {
  name: "zone-mean",
  words: {
    fr: "moyenne des valeurs des zones",
    nl: "gemiddelde van de zonewaarden",
    de: "Mittelwert der Zonenwerte",
    en: "mean of the zones' figures",
  },
  validation: {
    units: ["score"],
    numeratorKinds: [],
    blocks: () => ["zone-value"],
    zoneLevel: true,
    fromQuery: false,
  },
  standard: false,
  compile: { personBased: false, zoneFigure: "mean", sumOfSquares: true },
  cells: { from: "counts", limits: meanOfCell },
  disclosure: { denominator: "respondents", numerator: false, rest: false },
} as const satisfies StatisticSpec<"zone-mean">;
