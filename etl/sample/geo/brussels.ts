/**
 * The real Brussels-Capital Region: its 19 municipalities (codes, names, approximate
 * centres and 2024 populations in thousands), the six sectors Bruxelles-ville is split
 * into and the five bassins d'aide et de soins. Populations and sector shares are
 * approximate; they are scaled to the Statbel 2025 regional total by the caller.
 */
export const BRUSSELS_CENTRE = [50.845, 4.37] as const;
/** Only the 19 real communes sit within this radius of the centre. */
export const BRUSSELS_RADIUS_KM = 7;
/** Flemish Brabant surrounds Brussels: fictional points closer than this belong to it. */
export const BRUSSELS_RING_KM = 14;
export const BRUSSELS_CITY = "21004";

export type DeprivationBand = "high" | "middle" | "low";

export interface BrusselsCommune {
  nisCode: string;
  nameFr: string;
  nameNl: string;
  lat: number;
  lon: number;
  thousands: number;
  band: DeprivationBand;
}

const c = (nisCode: string, nameFr: string, nameNl: string, thousands: number, lat: number, lon: number, band: DeprivationBand): BrusselsCommune =>
  ({ nisCode, nameFr, nameNl, lat, lon, thousands, band });

export const BRUSSELS_COMMUNES: readonly BrusselsCommune[] = [
  c("21001", "Anderlecht", "Anderlecht", 126, 50.836, 4.308, "high"),
  c("21002", "Auderghem", "Oudergem", 35, 50.815, 4.433, "low"),
  c("21003", "Berchem-Sainte-Agathe", "Sint-Agatha-Berchem", 25, 50.865, 4.295, "middle"),
  c("21004", "Bruxelles", "Brussel", 196, 50.846, 4.352, "high"),
  c("21005", "Etterbeek", "Etterbeek", 48, 50.836, 4.389, "middle"),
  c("21006", "Evere", "Evere", 43, 50.871, 4.402, "middle"),
  c("21007", "Forest", "Vorst", 56, 50.811, 4.319, "middle"),
  c("21008", "Ganshoren", "Ganshoren", 25, 50.871, 4.309, "middle"),
  c("21009", "Ixelles", "Elsene", 87, 50.828, 4.372, "middle"),
  c("21010", "Jette", "Jette", 53, 50.879, 4.326, "middle"),
  c("21011", "Koekelberg", "Koekelberg", 22, 50.862, 4.327, "high"),
  c("21012", "Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek", 98, 50.855, 4.329, "high"),
  c("21013", "Saint-Gilles", "Sint-Gillis", 49, 50.827, 4.345, "high"),
  c("21014", "Saint-Josse-ten-Noode", "Sint-Joost-ten-Node", 27, 50.854, 4.372, "high"),
  c("21015", "Schaerbeek", "Schaarbeek", 131, 50.867, 4.378, "high"),
  c("21016", "Uccle", "Ukkel", 84, 50.802, 4.337, "low"),
  c("21017", "Watermael-Boitsfort", "Watermaal-Bosvoorde", 25, 50.799, 4.414, "low"),
  c("21018", "Woluwe-Saint-Lambert", "Sint-Lambrechts-Woluwe", 58, 50.847, 4.432, "low"),
  c("21019", "Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe", 42, 50.83, 4.442, "low"),
];

/** Deprivation draws uniformly within the band. */
export const DEPRIVATION_BANDS: Record<DeprivationBand, readonly [number, number]> = {
  high: [0.7, 0.9],
  middle: [0.4, 0.6],
  low: [0.15, 0.3],
};

export interface BrusselsSector {
  suffix: string;
  nameFr: string;
  nameNl: string;
  lat: number;
  lon: number;
  /** Approximate share of Bruxelles-ville's population. */
  share: number;
  bassin: string;
}

export const BRUSSELS_CITY_SECTORS: readonly BrusselsSector[] = [
  { suffix: "S01", nameFr: "Laeken", nameNl: "Laken", lat: 50.885, lon: 4.352, share: 0.3, bassin: "BXL-NORD" },
  { suffix: "S02", nameFr: "Neder-Over-Heembeek", nameNl: "Neder-Over-Heembeek", lat: 50.903, lon: 4.39, share: 0.1, bassin: "BXL-NORD" },
  { suffix: "S03", nameFr: "Haren", nameNl: "Haren", lat: 50.89, lon: 4.42, share: 0.03, bassin: "BXL-NORD" },
  { suffix: "S04", nameFr: "Pentagone", nameNl: "Vijfhoek", lat: 50.846, lon: 4.352, share: 0.28, bassin: "BXL-CENTRE-OUEST" },
  { suffix: "S05", nameFr: "Quartier européen", nameNl: "Europese wijk", lat: 50.84, lon: 4.38, share: 0.11, bassin: "BXL-CENTRE-OUEST" },
  { suffix: "S06", nameFr: "Louise – Bois de la Cambre", nameNl: "Louiza – Terkamerenbos", lat: 50.815, lon: 4.372, share: 0.18, bassin: "BXL-SUD" },
];

export interface BassinFact {
  code: string;
  nameFr: string;
  nameNl: string;
  nameDe: string;
  nameEn: string;
  /** Whole municipalities; Bruxelles-ville joins through its sectors (BRUSSELS_CITY_SECTORS.bassin). */
  municipalities: readonly string[];
}

export const BASSINS: readonly BassinFact[] = [
  { code: "BXL-NORD", nameFr: "Nord", nameNl: "Noord", nameDe: "Nord", nameEn: "North", municipalities: ["21003", "21008", "21010", "21011"] },
  { code: "BXL-NORD-EST", nameFr: "Nord-Est", nameNl: "Noordoost", nameDe: "Nordost", nameEn: "North-East", municipalities: ["21015", "21006", "21014"] },
  { code: "BXL-CENTRE-OUEST", nameFr: "Centre-Ouest", nameNl: "Centrum-West", nameDe: "Zentrum-West", nameEn: "Centre-West", municipalities: ["21001", "21012"] },
  { code: "BXL-SUD", nameFr: "Sud", nameNl: "Zuid", nameDe: "Süd", nameEn: "South", municipalities: ["21007", "21009", "21013", "21016", "21017"] },
  { code: "BXL-SUD-EST", nameFr: "Sud-Est", nameNl: "Zuidoost", nameDe: "Südost", nameEn: "South-East", municipalities: ["21002", "21005", "21018", "21019"] },
];
