/**
 * The geography reference as Boussole holds it: regions, provinces, municipalities
 * (REFNIS/NIS codes), optional statistical sectors, and meso zone systems whose zones
 * are made of whole municipalities or of sectors.
 */
export type RegionCode = "02000" | "03000" | "04000";
export type LanguageArea = "nl" | "fr" | "de" | "bilingual";

export interface Names {
  nameFr: string;
  nameNl: string;
  nameDe: string;
  nameEn: string;
}

export interface Region extends Names {
  code: RegionCode;
}

export interface Province extends Names {
  code: string;
  regionCode: RegionCode;
}

export interface Municipality {
  nisCode: string;
  nameFr: string;
  nameNl: string;
  /** Only where a German name is in use (the German-speaking Community); otherwise null. */
  nameDe: string | null;
  /** English exonym where one is in use (Brussels, Antwerp, Ghent …), else the official name. */
  nameEn: string;
  /** Null for the 19 Brussels municipalities (the Brussels-Capital Region has no province). */
  provinceCode: string | null;
  regionCode: RegionCode;
  languageArea: LanguageArea;
  /** Approximate centre, WGS84. */
  lat: number;
  lon: number;
  /** Population at 100% (1 January 2025, synthetic where not a published fact). */
  population: number;
  /** 0 (affluent) to 1 (deprived): drives BIM share, GMD coverage, screening. */
  deprivation: number;
}

export interface Sector {
  sectorCode: string;
  nisCode: string;
  nameFr: string;
  nameNl: string;
  lat: number;
  lon: number;
  /** Share of the municipality's population living in this sector (sums to 1 per municipality). */
  populationShare: number;
}

export interface ZoneSystem extends Names {
  code: string;
  /** The region the system covers, or null when it spans several. */
  regionCode: RegionCode | null;
}

export interface Zone extends Names {
  code: string;
  systemCode: string;
}

export interface ZoneMember {
  zoneCode: string;
  nisCode: string;
  /** Null when the whole municipality belongs to the zone. */
  sectorCode: string | null;
}

export interface Geography {
  vintage: number;
  regions: Region[];
  provinces: Province[];
  municipalities: Municipality[];
  sectors: Sector[];
  zoneSystems: ZoneSystem[];
  zones: Zone[];
  members: ZoneMember[];
}
