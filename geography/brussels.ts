/**
 * Brussels' five bassins d'aide et de soins (Brusano), as docs/DOMAIN.md lists them.
 * Bruxelles-Ville (21004) is split between three bassins by neighbourhood. Statbel's sector
 * codes and boundaries for it are not shipped here, so the product approximates the split
 * with three pseudo-sectors cut from the municipality by latitude: north of 50.868°N
 * (Laeken, Neder-Over-Heembeek, Haren) → Nord; south of 50.833°N (avenue Louise, Bois de la
 * Cambre) → Sud; the rest (Pentagon, Northern and European quarters) → Centre-Ouest. Their
 * codes (`21004_NORD` …) are not Statbel codes; a network with the real sectors supplies them.
 */
import type { Names } from "./types.ts";

export const BRUSSELS_CITY = "21004";

export interface BassinFact extends Names {
  code: string;
  /** Whole member municipalities; Bruxelles-Ville joins through its pseudo-sectors. */
  municipalities: readonly string[];
}

const bassin = (code: string, fr: string, nl: string, de: string, en: string, municipalities: string[]): BassinFact => ({
  code,
  nameFr: `Bassin ${fr}`,
  nameNl: `Bassin ${nl}`,
  nameDe: `Versorgungsbecken ${de}`,
  nameEn: `${en} care basin`,
  municipalities,
});

export const BASSINS: readonly BassinFact[] = [
  bassin("BXL-NORD", "Nord", "Noord", "Nord", "North", ["21003", "21008", "21010", "21011"]),
  bassin("BXL-NORD-EST", "Nord-Est", "Noordoost", "Nordost", "North-East", ["21006", "21014", "21015"]),
  bassin("BXL-CENTRE-OUEST", "Centre-Ouest", "Centrum-West", "Zentrum-West", "Centre-West", ["21001", "21012"]),
  bassin("BXL-SUD", "Sud", "Zuid", "Süd", "South", ["21007", "21009", "21013", "21016", "21017"]),
  bassin("BXL-SUD-EST", "Sud-Est", "Zuidoost", "Südost", "South-East", ["21002", "21005", "21018", "21019"]),
];

export interface PseudoSector {
  sectorCode: string;
  nameFr: string;
  nameNl: string;
  bassin: string;
  /** Latitude band [south, north) cut from the municipality. */
  band: readonly [number, number];
  /** Approximate share of Bruxelles-Ville's residents. */
  share: number;
}

export const BRUSSELS_CITY_SECTORS: readonly PseudoSector[] = [
  { sectorCode: "21004_NORD", nameFr: "Laeken, Neder-Over-Heembeek, Haren", nameNl: "Laken, Neder-Over-Heembeek, Haren", bassin: "BXL-NORD", band: [50.868, 90], share: 0.43 },
  { sectorCode: "21004_CENTRE", nameFr: "Pentagone, quartiers Nord et européen", nameNl: "Vijfhoek, Noordwijk en Europese wijk", bassin: "BXL-CENTRE-OUEST", band: [50.833, 50.868], share: 0.39 },
  { sectorCode: "21004_SUD", nameFr: "Louise, Bois de la Cambre", nameNl: "Louiza, Terkamerenbos", bassin: "BXL-SUD", band: [0, 50.833], share: 0.18 },
];
