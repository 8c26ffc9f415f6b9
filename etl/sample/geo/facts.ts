/**
 * Published structure of Belgium (vintage 2025) that the synthetic geography keeps
 * real: regions, provinces, municipality counts, population totals. Everything that
 * is only approximate is marked as such.
 */
import type { Names, RegionCode } from "../../geography/types.ts";

export const VINTAGE = 2025;

export interface RegionFact extends Names {
  code: RegionCode;
  /** Population at 100%, Statbel 1 January 2025. */
  population: number;
}

export const REGIONS: readonly RegionFact[] = [
  { code: "02000", nameFr: "Région flamande", nameNl: "Vlaams Gewest", nameDe: "Flämische Region", nameEn: "Flemish Region", population: 6_864_766 },
  { code: "03000", nameFr: "Région wallonne", nameNl: "Waals Gewest", nameDe: "Wallonische Region", nameEn: "Walloon Region", population: 3_704_990 },
  { code: "04000", nameFr: "Région de Bruxelles-Capitale", nameNl: "Brussels Hoofdstedelijk Gewest", nameDe: "Region Brüssel-Hauptstadt", nameEn: "Brussels-Capital Region", population: 1_255_795 },
];

export interface ProvinceFact extends Names {
  code: string;
  regionCode: RegionCode;
  /** First two digits of the fictional NIS codes: province digit + an arrondissement digit no real arrondissement uses. */
  codePrefix: string;
  /** Municipalities after the 2025 mergers (approximate split per province; regional totals exact). */
  municipalities: number;
  /** Share of the regional population (approximate). */
  share: number;
  /** Approximate centre of the real province: seed of its Voronoi region. */
  seed: readonly [lat: number, lon: number];
  /** Where the province's largest city sits (near the real one). */
  city: readonly [lat: number, lon: number];
  /** The largest city's approximate share of the province population (Antwerpen uses cityPopulation). */
  cityShare: number;
  /** Mean deprivation (0 affluent .. 1 deprived), a synthetic assumption. */
  deprivation: number;
  /** Zones of the primary-care system: elz in Flanders, ols in Wallonia. */
  zones: number;
}

export const FLANDERS = "02000" as const;
export const WALLONIA = "03000" as const;
export const BRUSSELS = "04000" as const;

/** Antwerpen's city: the one municipality outside Brussels split into sectors. */
export const SPLIT_CITY_PROVINCE = "10000";
export const SPLIT_CITY_POPULATION = 530_000;
export const LIEGE = "60000";
/** German-speaking Community: 9 municipalities of Liège province, about 79,000 people. */
export const DG_MUNICIPALITIES = 9;
export const DG_POPULATION = 79_000;
export const DG_DEPRIVATION = 0.35;
/** DG municipalities lie east of this meridian, the other Liège ones west of it. */
export const DG_WEST_LON = 5.95;

export const PROVINCES: readonly ProvinceFact[] = [
  { code: "10000", regionCode: FLANDERS, nameFr: "Anvers", nameNl: "Antwerpen", nameDe: "Antwerpen", nameEn: "Antwerp", codePrefix: "19", municipalities: 62, share: 0.282, seed: [51.22, 4.65], city: [51.215, 4.41], cityShare: 0, deprivation: 0.25, zones: 17 },
  { code: "20001", regionCode: FLANDERS, nameFr: "Brabant flamand", nameNl: "Vlaams-Brabant", nameDe: "Flämisch-Brabant", nameEn: "Flemish Brabant", codePrefix: "29", municipalities: 65, share: 0.175, seed: [50.88, 4.55], city: [50.88, 4.70], cityShare: 0.085, deprivation: 0.25, zones: 10 },
  { code: "30000", regionCode: FLANDERS, nameFr: "Flandre occidentale", nameNl: "West-Vlaanderen", nameDe: "Westflandern", nameEn: "West Flanders", codePrefix: "39", municipalities: 64, share: 0.18, seed: [51.05, 3.05], city: [51.205, 3.225], cityShare: 0.095, deprivation: 0.25, zones: 11 },
  { code: "40000", regionCode: FLANDERS, nameFr: "Flandre orientale", nameNl: "Oost-Vlaanderen", nameDe: "Ostflandern", nameEn: "East Flanders", codePrefix: "49", municipalities: 55, share: 0.229, seed: [51.03, 3.8], city: [51.05, 3.72], cityShare: 0.17, deprivation: 0.25, zones: 14 },
  { code: "70000", regionCode: FLANDERS, nameFr: "Limbourg", nameNl: "Limburg", nameDe: "Limburg", nameEn: "Limburg", codePrefix: "79", municipalities: 39, share: 0.134, seed: [50.98, 5.45], city: [50.93, 5.34], cityShare: 0.085, deprivation: 0.25, zones: 8 },
  { code: "20002", regionCode: WALLONIA, nameFr: "Brabant wallon", nameNl: "Waals-Brabant", nameDe: "Wallonisch-Brabant", nameEn: "Walloon Brabant", codePrefix: "28", municipalities: 27, share: 0.112, seed: [50.67, 4.58], city: [50.7, 4.6], cityShare: 0.085, deprivation: 0.2, zones: 1 },
  { code: "50000", regionCode: WALLONIA, nameFr: "Hainaut", nameNl: "Henegouwen", nameDe: "Hennegau", nameEn: "Hainaut", codePrefix: "59", municipalities: 69, share: 0.364, seed: [50.47, 3.9], city: [50.42, 4.3], cityShare: 0.15, deprivation: 0.6, zones: 3 },
  { code: "60000", regionCode: WALLONIA, nameFr: "Liège", nameNl: "Luik", nameDe: "Lüttich", nameEn: "Liège", codePrefix: "69", municipalities: 84, share: 0.3, seed: [50.52, 5.7], city: [50.63, 5.57], cityShare: 0.18, deprivation: 0.55, zones: 3 },
  { code: "80000", regionCode: WALLONIA, nameFr: "Luxembourg", nameNl: "Luxemburg", nameDe: "Luxemburg", nameEn: "Luxembourg", codePrefix: "89", municipalities: 43, share: 0.08, seed: [49.95, 5.5], city: [49.685, 5.81], cityShare: 0.1, deprivation: 0.35, zones: 1 },
  { code: "90000", regionCode: WALLONIA, nameFr: "Namur", nameNl: "Namen", nameDe: "Namur", nameEn: "Namur", codePrefix: "99", municipalities: 38, share: 0.144, seed: [50.3, 4.85], city: [50.465, 4.86], cityShare: 0.21, deprivation: 0.45, zones: 2 },
];

/** Deprivation bonus of the large city in each Flemish province. */
export const FLEMISH_CITY_DEPRIVATION = 0.2;
/** Mid-size towns per province, each taking 2.5–4.5% of its population. */
export const MID_TOWNS = 4;
