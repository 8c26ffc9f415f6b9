/**
 * Belgium's administrative structure as Statbel publishes it (REFNIS): Belgium, its three
 * regions and ten provinces, with names in the four languages of the product. A
 * municipality's province and region follow from its NIS code.
 */
import type { Names, Province, Region, RegionCode } from "./types.ts";

export const BELGIUM: Names & { code: "BE" } = { code: "BE", nameFr: "Belgique", nameNl: "België", nameDe: "Belgien", nameEn: "Belgium" };

export const FLANDERS = "02000" as const;
export const WALLONIA = "03000" as const;
export const BRUSSELS = "04000" as const;

export interface RegionFact extends Region {
  /** Population on 1 January 2025 (Statbel). */
  population: number;
}

export const REGIONS: readonly RegionFact[] = [
  { code: FLANDERS, nameFr: "Région flamande", nameNl: "Vlaams Gewest", nameDe: "Flämische Region", nameEn: "Flemish Region", population: 6_864_766 },
  { code: WALLONIA, nameFr: "Région wallonne", nameNl: "Waals Gewest", nameDe: "Wallonische Region", nameEn: "Walloon Region", population: 3_704_990 },
  { code: BRUSSELS, nameFr: "Région de Bruxelles-Capitale", nameNl: "Brussels Hoofdstedelijk Gewest", nameDe: "Region Brüssel-Hauptstadt", nameEn: "Brussels-Capital Region", population: 1_255_795 },
];

export const PROVINCES: readonly Province[] = [
  { code: "10000", regionCode: FLANDERS, nameFr: "Anvers", nameNl: "Antwerpen", nameDe: "Antwerpen", nameEn: "Antwerp" },
  { code: "20001", regionCode: FLANDERS, nameFr: "Brabant flamand", nameNl: "Vlaams-Brabant", nameDe: "Flämisch-Brabant", nameEn: "Flemish Brabant" },
  { code: "30000", regionCode: FLANDERS, nameFr: "Flandre occidentale", nameNl: "West-Vlaanderen", nameDe: "Westflandern", nameEn: "West Flanders" },
  { code: "40000", regionCode: FLANDERS, nameFr: "Flandre orientale", nameNl: "Oost-Vlaanderen", nameDe: "Ostflandern", nameEn: "East Flanders" },
  { code: "70000", regionCode: FLANDERS, nameFr: "Limbourg", nameNl: "Limburg", nameDe: "Limburg", nameEn: "Limburg" },
  { code: "20002", regionCode: WALLONIA, nameFr: "Brabant wallon", nameNl: "Waals-Brabant", nameDe: "Wallonisch-Brabant", nameEn: "Walloon Brabant" },
  { code: "50000", regionCode: WALLONIA, nameFr: "Hainaut", nameNl: "Henegouwen", nameDe: "Hennegau", nameEn: "Hainaut" },
  { code: "60000", regionCode: WALLONIA, nameFr: "Liège", nameNl: "Luik", nameDe: "Lüttich", nameEn: "Liège" },
  { code: "80000", regionCode: WALLONIA, nameFr: "Luxembourg", nameNl: "Luxemburg", nameDe: "Luxemburg", nameEn: "Luxembourg" },
  { code: "90000", regionCode: WALLONIA, nameFr: "Namur", nameNl: "Namen", nameDe: "Namur", nameEn: "Namur" },
];

/** Province of a municipality from its NIS code; null for the 19 Brussels municipalities. */
export function provinceOfNis(nis: string): string | null {
  const two = nis.slice(0, 2);
  if (two === "21") return null;
  if (two === "23" || two === "24") return "20001";
  if (two === "25") return "20002";
  return `${nis[0]}0000`;
}

export function regionOfNis(nis: string): RegionCode {
  const province = provinceOfNis(nis);
  if (province === null) return BRUSSELS;
  const p = PROVINCES.find((x) => x.code === province);
  if (!p) throw new Error(`no province for NIS code ${nis}`);
  return p.regionCode;
}

/** Arrondissement of a municipality: the first two digits of its NIS code, then 000. */
export const arrondissementOfNis = (nis: string): string => `${nis.slice(0, 2)}000`;
