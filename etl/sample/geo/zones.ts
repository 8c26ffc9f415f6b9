/**
 * Meso zone systems: Flemish eerstelijnszones (with Brussels as one zone), Walloon
 * OLS, the real Brussels bassins and the German-speaking Community. Fictional zones
 * are seeded k-means clusters of whole municipalities within a province.
 */
import type { Municipality, Names, Sector, Zone, ZoneMember, ZoneSystem } from "../../geography/types.ts";
import type { Random } from "../random.ts";
import { BASSINS, BRUSSELS_CITY, BRUSSELS_CITY_SECTORS } from "./brussels.ts";
import { BRUSSELS, FLANDERS, PROVINCES, SPLIT_CITY_PROVINCE, WALLONIA } from "./facts.ts";
import { kmeans } from "./kmeans.ts";
import { project } from "./plane.ts";
import type { SectorGroup } from "./sectors.ts";

export const ZONE_SYSTEMS: readonly ZoneSystem[] = [
  { code: "elz", regionCode: null, nameFr: "Zones de première ligne", nameNl: "Eerstelijnszones", nameDe: "Erstlinienzonen", nameEn: "Primary-care zones" },
  { code: "ols", regionCode: WALLONIA, nameFr: "Organisations locorégionales de santé (OLS)", nameNl: "Locoregionale gezondheidsorganisaties (OLS)", nameDe: "Lokoregionale Gesundheitsorganisationen (OLS)", nameEn: "Local health organisations (OLS)" },
  { code: "bassin", regionCode: BRUSSELS, nameFr: "Bassins d'aide et de soins", nameNl: "Zorg- en welzijnsbassins", nameDe: "Versorgungsbecken", nameEn: "Care basins" },
  { code: "dg", regionCode: WALLONIA, nameFr: "Communauté germanophone", nameNl: "Duitstalige Gemeenschap", nameDe: "Deutschsprachige Gemeinschaft", nameEn: "German-speaking Community" },
];

export interface SplitCity {
  nisCode: string;
  name: string;
  groups: SectorGroup[];
}

interface Built {
  zones: Zone[];
  members: ZoneMember[];
}

const same = (name: string): Names => ({ nameFr: name, nameNl: name, nameDe: name, nameEn: name });
const largest = (ms: readonly Municipality[]): Municipality =>
  ms.reduce((a, b) => (b.population > a.population || (b.population === a.population && b.nisCode < a.nisCode) ? b : a));

/** k-means clusters of a province's municipalities, ordered by their smallest NIS code. */
function clusters(ms: readonly Municipality[], k: number, rng: Random): Municipality[][] {
  const assign = kmeans(ms.map((m) => project(m.lat, m.lon)), k, rng);
  const groups = Array.from({ length: k }, (_, c) => ms.filter((_, i) => assign[i] === c));
  return groups.sort((a, b) => ((a[0] as Municipality).nisCode < (b[0] as Municipality).nisCode ? -1 : 1));
}

function clustered(system: "elz" | "ols", prefix: string, label: string, ms: readonly Municipality[], split: SplitCity, regionCode: string, rng: Random): Built {
  const out: Built = { zones: [], members: [] };
  const add = (names: Names, members: { nisCode: string; sectorCode: string | null }[]): void => {
    const code = `${prefix}-S${String(out.zones.length + 1).padStart(2, "0")}`;
    out.zones.push({ code, systemCode: system, ...names });
    for (const m of members) out.members.push({ zoneCode: code, ...m });
  };
  for (const p of PROVINCES.filter((p) => p.regionCode === regionCode)) {
    let k = p.zones;
    if (system === "elz" && p.code === SPLIT_CITY_PROVINCE) {
      // The split city forms its own sub-zones, made of its sectors.
      for (const g of split.groups) add(same(`${label} ${split.name} ${g.labelNl}`), g.sectorCodes.map((s) => ({ nisCode: split.nisCode, sectorCode: s })));
      k -= split.groups.length;
    }
    const own = ms.filter((m) => m.provinceCode === p.code && m.nisCode !== split.nisCode && m.languageArea !== "de");
    for (const group of clusters(own, k, rng.fork(p.code))) {
      add(same(`${label} ${largest(group).nameFr}`), group.map((m) => ({ nisCode: m.nisCode, sectorCode: null })));
    }
  }
  return out;
}

export function buildZones(ms: readonly Municipality[], sectors: readonly Sector[], split: SplitCity, rng: Random): Built & { zoneSystems: ZoneSystem[] } {
  const elz = clustered("elz", "ELZ", "ELZ", ms, split, FLANDERS, rng.fork("elz"));
  const brussels = ms.filter((m) => m.regionCode === BRUSSELS);
  // The Flemish system treats the whole Brussels region as one zone.
  elz.zones.push({ code: "ELZ-BXL", systemCode: "elz", nameFr: "ELZ Bruxelles", nameNl: "ELZ Brussel", nameDe: "ELZ Brüssel", nameEn: "ELZ Brussels" });
  for (const m of brussels) elz.members.push({ zoneCode: "ELZ-BXL", nisCode: m.nisCode, sectorCode: null });

  const ols = clustered("ols", "OLS", "OLS", ms, split, WALLONIA, rng.fork("ols"));

  const bassin: Built = { zones: [], members: [] };
  for (const b of BASSINS) {
    bassin.zones.push({ code: b.code, systemCode: "bassin", nameFr: `Bassin ${b.nameFr}`, nameNl: `Bassin ${b.nameNl}`, nameDe: `Versorgungsbecken ${b.nameDe}`, nameEn: `${b.nameEn} care basin` });
    for (const nisCode of b.municipalities) bassin.members.push({ zoneCode: b.code, nisCode, sectorCode: null });
    for (const s of BRUSSELS_CITY_SECTORS.filter((s) => s.bassin === b.code)) {
      const sectorCode = `${BRUSSELS_CITY}_${s.suffix}`;
      if (!sectors.some((x) => x.sectorCode === sectorCode)) throw new Error(`missing sector ${sectorCode}`);
      bassin.members.push({ zoneCode: b.code, nisCode: BRUSSELS_CITY, sectorCode });
    }
  }

  const dgSystem = ZONE_SYSTEMS[3] as ZoneSystem;
  const dg: Built = { zones: [{ code: "DG", systemCode: "dg", nameFr: dgSystem.nameFr, nameNl: dgSystem.nameNl, nameDe: dgSystem.nameDe, nameEn: dgSystem.nameEn }], members: [] };
  for (const m of ms.filter((m) => m.languageArea === "de")) dg.members.push({ zoneCode: "DG", nisCode: m.nisCode, sectorCode: null });

  const all = [elz, ols, bassin, dg];
  return { zoneSystems: [...ZONE_SYSTEMS], zones: all.flatMap((b) => b.zones), members: all.flatMap((b) => b.members) };
}
