/**
 * Belgium's meso zone systems for one vintage of municipalities: Flemish eerstelijnszones
 * (Brussels as one zone), Antwerp's sub-zones by statistical sector, the Brussels bassins
 * (Bruxelles-Ville by pseudo-sector), the German-speaking Community as one zone, and a
 * PROVISIONAL Walloon OLS system by arrondissement that a network replaces with its own file.
 */
import type { Names, Sector, Zone, ZoneMember, ZoneSystem } from "./types.ts";
import { BASSINS, BRUSSELS_CITY, BRUSSELS_CITY_SECTORS } from "./brussels.ts";
import { arrondissementOfNis, BRUSSELS, FLANDERS, WALLONIA } from "./facts.ts";
import { GERMAN_NAMES } from "./names.ts";

export const ZONE_SYSTEMS: readonly ZoneSystem[] = [
  { code: "elz", regionCode: null, nameFr: "Zones de première ligne (ELZ)", nameNl: "Eerstelijnszones", nameDe: "Erstlinienzonen (ELZ)", nameEn: "Primary-care zones (ELZ)" },
  {
    code: "elz-antwerpen",
    regionCode: FLANDERS,
    nameFr: "Sous-zones de la zone de première ligne d'Anvers",
    nameNl: "Deelzones van de eerstelijnszone Antwerpen",
    nameDe: "Teilzonen der Erstlinienzone Antwerpen",
    nameEn: "Sub-zones of the Antwerp primary-care zone",
  },
  { code: "bassin", regionCode: BRUSSELS, nameFr: "Bassins d'aide et de soins", nameNl: "Zorg- en welzijnsbassins", nameDe: "Versorgungsbecken", nameEn: "Care basins" },
  { code: "dg", regionCode: WALLONIA, nameFr: "Communauté germanophone", nameNl: "Duitstalige Gemeenschap", nameDe: "Deutschsprachige Gemeinschaft", nameEn: "German-speaking Community" },
  {
    code: "ols-provisoire",
    regionCode: WALLONIA,
    nameFr: "OLS provisoires (par arrondissement)",
    nameNl: "Voorlopige OLS (per arrondissement)",
    nameDe: "Vorläufige OLS (nach Bezirk)",
    nameEn: "Provisional OLS (by arrondissement)",
  },
];

export interface ZoneInputs {
  /** Municipality codes of the vintage. */
  nisCodes: readonly string[];
  /** Municipality → ELZ code for this vintage. */
  elzMembers: ReadonlyMap<string, string>;
  elzZones: readonly { code: string; name: string }[];
  antwerpSubzones: readonly { code: string; name: string }[];
  /** Antwerp sectors with the municipality (of this vintage) each lies in. */
  antwerpSectors: readonly { sectorCode: string; nisCode: string; subzone: string }[];
  /** Arrondissement names (REFNIS), by arrondissement code. */
  arrondissements: ReadonlyMap<string, { nameFr: string; nameNl: string }>;
}

const same = (name: string): Names => ({ nameFr: name, nameNl: name, nameDe: name, nameEn: name });
export const antwerpSubzoneCode = (subzone: string): string => `elz2-${subzone}`;
export const olsCode = (arrondissement: string): string => `OLS-P-${arrondissement.slice(0, 2)}`;

export function buildZones(inp: ZoneInputs): { zoneSystems: ZoneSystem[]; zones: Zone[]; members: ZoneMember[]; sectors: Omit<Sector, "lat" | "lon" | "populationShare">[] } {
  const zones: Zone[] = [];
  const members: ZoneMember[] = [];
  const present = new Set(inp.nisCodes);
  const whole = (zoneCode: string, nisCode: string) => members.push({ zoneCode, nisCode, sectorCode: null });

  const elzUsed = new Set<string>();
  for (const [nis, elz] of [...inp.elzMembers].sort()) {
    if (!present.has(nis)) throw new Error(`ELZ member ${nis} is not a municipality of the vintage`);
    whole(elz, nis);
    elzUsed.add(elz);
  }
  for (const z of inp.elzZones.filter((z) => elzUsed.has(z.code))) zones.push({ code: z.code, systemCode: "elz", ...same(z.name) });

  for (const s of inp.antwerpSubzones) zones.push({ code: antwerpSubzoneCode(s.code), systemCode: "elz-antwerpen", ...same(s.name) });
  for (const s of inp.antwerpSectors) members.push({ zoneCode: antwerpSubzoneCode(s.subzone), nisCode: s.nisCode, sectorCode: s.sectorCode });

  for (const b of BASSINS) {
    zones.push({ code: b.code, systemCode: "bassin", nameFr: b.nameFr, nameNl: b.nameNl, nameDe: b.nameDe, nameEn: b.nameEn });
    for (const nis of b.municipalities) whole(b.code, nis);
    for (const s of BRUSSELS_CITY_SECTORS.filter((s) => s.bassin === b.code)) members.push({ zoneCode: b.code, nisCode: BRUSSELS_CITY, sectorCode: s.sectorCode });
  }

  const dg = ZONE_SYSTEMS.find((s) => s.code === "dg") as ZoneSystem;
  zones.push({ code: "DG", systemCode: "dg", nameFr: dg.nameFr, nameNl: dg.nameNl, nameDe: dg.nameDe, nameEn: dg.nameEn });
  for (const nis of Object.keys(GERMAN_NAMES)) whole("DG", nis);

  const walloon = inp.nisCodes.filter((nis) => /^(25|5|6|8|9)/.test(nis) && !(nis in GERMAN_NAMES));
  const arrondissements = [...new Set(walloon.map(arrondissementOfNis))].sort();
  for (const a of arrondissements) {
    const names = inp.arrondissements.get(a);
    if (!names) throw new Error(`no name for arrondissement ${a}`);
    const fr = names.nameFr.replace(/^Arrondissement (de |d')?/i, "");
    const nl = names.nameNl.replace(/^Arrondissement /i, "");
    zones.push({
      code: olsCode(a),
      systemCode: "ols-provisoire",
      nameFr: `${fr} (OLS provisoire)`,
      nameNl: `${nl} (voorlopige OLS)`,
      nameDe: `${fr} (vorläufige OLS)`,
      nameEn: `${fr} (provisional OLS)`,
    });
  }
  for (const nis of walloon) whole(olsCode(arrondissementOfNis(nis)), nis);

  const sectors = [
    ...BRUSSELS_CITY_SECTORS.map((s) => ({ sectorCode: s.sectorCode, nisCode: BRUSSELS_CITY, nameFr: s.nameFr, nameNl: s.nameNl })),
    ...inp.antwerpSectors.map((s) => ({ sectorCode: s.sectorCode, nisCode: s.nisCode, nameFr: s.sectorCode, nameNl: s.sectorCode })),
  ];
  return { zoneSystems: [...ZONE_SYSTEMS], zones, members, sectors };
}
