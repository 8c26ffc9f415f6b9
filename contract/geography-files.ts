import { int, decimal, oneOf, text } from "./column.ts";
import type { FileKind } from "./file-kind.ts";

const REGION = oneOf("02000", "03000", "04000");
import { NIS_CODE as NIS, SECTOR_CODE as SECTOR, ZONE_CODE as ZONE } from "./codes.ts";
const vintage = { name: "vintage", type: int(1970, 2100), required: true, description: "Year of the reference (after the 2025 mergers: 2025).", example: "2025" } as const;

export const municipalities: FileKind = {
  id: "geo_municipality",
  group: "geography",
  title: "Municipalities",
  description: "One row per municipality of the vintage. Codes are Statbel REFNIS (NIS) codes.",
  filePattern: /^geo_municipalities.*\.(csv|txt|parquet)$/i,
  fileNameExample: "geo_municipalities.csv",
  required: true,
  unknownColumns: "refuse",
  key: ["nis_code", "vintage"],
  keyCheck: "memory",
  columns: [
    { name: "nis_code", type: NIS, required: true, description: "Municipality code.", codeSystem: "Statbel REFNIS", example: "21004" },
    { name: "name_fr", type: text(), required: true, description: "Name in French.", example: "Bruxelles" },
    { name: "name_nl", type: text(), required: true, description: "Name in Dutch.", example: "Brussel" },
    { name: "name_de", type: text(), required: false, description: "Name in German, where one is in use.", example: "Brüssel" },
    {
      name: "name_en",
      type: text(),
      required: false,
      description: "Name in English: an exonym where one is in use (Brussels, Antwerp, Ghent), else the official name. Empty: the French name stands in.",
      example: "Brussels",
    },
    {
      name: "province_code",
      type: oneOf("10000", "20001", "20002", "30000", "40000", "50000", "60000", "70000", "80000", "90000"),
      required: false,
      description: "Province; empty for the 19 municipalities of the Brussels-Capital Region.",
      codeSystem: "Statbel REFNIS",
      example: "",
    },
    { name: "region_code", type: REGION, required: true, description: "02000 Flemish, 03000 Walloon, 04000 Brussels-Capital Region.", codeSystem: "Statbel REFNIS", example: "04000" },
    { name: "language_area", type: oneOf("nl", "fr", "de", "bilingual"), required: true, description: "Language area (de = German-speaking Community).", example: "bilingual" },
    vintage,
    { name: "lat", type: decimal(49.4, 51.6), required: false, description: "Latitude of a representative point.", unit: "degrees WGS84", example: "50.846" },
    { name: "lon", type: decimal(2.5, 6.45), required: false, description: "Longitude of a representative point.", unit: "degrees WGS84", example: "4.352" },
  ],
};

export const sectors: FileKind = {
  id: "geo_sector",
  group: "geography",
  title: "Statistical sectors (optional)",
  description: "Needed only for municipalities that a zone system splits (e.g. Bruxelles between three bassins).",
  filePattern: /^geo_sectors.*\.(csv|txt|parquet)$/i,
  fileNameExample: "geo_sectors.csv",
  required: false,
  unknownColumns: "refuse",
  key: ["sector_code", "vintage"],
  keyCheck: "memory",
  references: { nis_code: "municipality" },
  columns: [
    { name: "sector_code", type: SECTOR, required: true, description: "Statistical sector code.", codeSystem: "Statbel statistical sectors", example: "21004_S01" },
    { name: "nis_code", type: NIS, required: true, description: "Municipality the sector belongs to.", example: "21004" },
    { name: "name_fr", type: text(), required: true, description: "Name in French.", example: "Laeken" },
    { name: "name_nl", type: text(), required: true, description: "Name in Dutch.", example: "Laken" },
    vintage,
  ],
};

export const zoneSystems: FileKind = {
  id: "geo_zone_system",
  group: "geography",
  title: "Zone systems",
  description: "Meso zone systems held side by side: Flemish primary-care zones, Walloon OLS, Brussels bassins, German-speaking Community.",
  filePattern: /^geo_zone_systems.*\.(csv|txt|parquet)$/i,
  fileNameExample: "geo_zone_systems.csv",
  required: true,
  unknownColumns: "refuse",
  key: ["system_code"],
  keyCheck: "memory",
  columns: [
    { name: "system_code", type: ZONE, required: true, description: "Identifier of the system.", example: "bassin" },
    { name: "name_fr", type: text(), required: true, description: "Name in French.", example: "Bassins d'aide et de soins" },
    { name: "name_nl", type: text(), required: true, description: "Name in Dutch.", example: "Zorg- en welzijnsbassins" },
    { name: "name_de", type: text(), required: true, description: "Name in German.", example: "Versorgungsbecken" },
    { name: "name_en", type: text(), required: true, description: "Name in English.", example: "Care basins" },
    { name: "region_code", type: REGION, required: false, description: "Region covered; empty when the system spans several.", example: "04000" },
    { ...vintage, description: "Year from which the membership holds (valid until the municipal map changes): every member must be a municipality valid that year (after the 2025 mergers: 2025)." },
  ],
};

export const zones: FileKind = {
  id: "geo_zone",
  group: "geography",
  title: "Zones",
  description: "One row per zone of a zone system.",
  filePattern: /^geo_zones.*\.(csv|txt|parquet)$/i,
  fileNameExample: "geo_zones.csv",
  required: true,
  unknownColumns: "refuse",
  key: ["zone_code"],
  keyCheck: "memory",
  references: { system_code: "zoneSystem" },
  columns: [
    { name: "zone_code", type: ZONE, required: true, description: "Identifier of the zone, unique across systems.", example: "BXL-NORD" },
    { name: "system_code", type: ZONE, required: true, description: "The zone system.", example: "bassin" },
    { name: "name_fr", type: text(), required: true, description: "Name in French.", example: "Bassin Nord" },
    { name: "name_nl", type: text(), required: true, description: "Name in Dutch.", example: "Bassin Noord" },
    { name: "name_de", type: text(), required: true, description: "Name in German.", example: "Becken Nord" },
    { name: "name_en", type: text(), required: true, description: "Name in English.", example: "North basin" },
  ],
};

export const zoneMembers: FileKind = {
  id: "geo_zone_member",
  group: "geography",
  title: "Zone memberships",
  description: "Which municipality, or which statistical sector of a split municipality, belongs to which zone. A zone need not be made of whole municipalities.",
  filePattern: /^geo_zone_members.*\.(csv|txt|parquet)$/i,
  fileNameExample: "geo_zone_members.csv",
  required: true,
  unknownColumns: "refuse",
  key: ["zone_code", "nis_code", "sector_code"],
  keyCheck: "memory",
  references: { zone_code: "zone", nis_code: "municipality", sector_code: "sector" },
  columns: [
    { name: "zone_code", type: ZONE, required: true, description: "The zone.", example: "BXL-NORD" },
    { name: "nis_code", type: NIS, required: true, description: "The municipality.", example: "21004" },
    { name: "sector_code", type: SECTOR, required: false, description: "Empty: the whole municipality; otherwise only this sector.", example: "21004_S01" },
  ],
};

export const geographyKinds = [municipalities, sectors, zoneSystems, zones, zoneMembers] as const;
