/**
 * The geographic hierarchy as the disclosure model walks it, built once per model: which
 * provinces and municipalities make up each region and province, and the members of each zone.
 * The model adds the same hierarchy to every table of every problem (hundreds of times, once per
 * stratum value), so looking these lists up, rather than filtering every area each time, saves
 * most of the model's build time.
 */
import type { ReleaseGeography } from "./geography.ts";

export interface GeoIndex {
  regions: string[];
  provinces: string[];
  /** Region → its provinces. */
  provincesOf: Map<string, string[]>;
  /** Region → its municipalities outside any province (Brussels). */
  looseOf: Map<string, string[]>;
  /** Province → its municipalities. */
  municipalitiesOf: Map<string, string[]>;
  /** Every zone with its members: whole municipalities (sector null) or sector groups. */
  zones: { system: string; zone: string; members: { nis: string; sector: string | null }[] }[];
  /**
   * Sector → its group: the sectors of one municipality that lie in exactly the same zones.
   * No released cell tells such sectors apart, so they are one unknown (summed), as municipal
   * atoms are: exact, and Antwerp's 399 sectors become 4 unknowns instead of 399.
   */
  sectorGroup: Map<string, string>;
  /** Sector group → its municipality. */
  municipalityOfGroup: Map<string, string>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function indexGeography(geo: ReleaseGeography): GeoIndex {
  const index: GeoIndex = { regions: [], provinces: [], provincesOf: new Map(), looseOf: new Map(), municipalitiesOf: new Map(), zones: [], sectorGroup: new Map(), municipalityOfGroup: new Map() };
  for (const a of geo.areas) {
    if (a.level === "region") index.regions.push(a.area_code);
    else if (a.level === "province") {
      index.provinces.push(a.area_code);
      push(index.provincesOf, a.region_code, a.area_code);
    } else if (a.level === "municipality") {
      if (a.province_code === null) push(index.looseOf, a.region_code, a.area_code);
      else push(index.municipalitiesOf, a.province_code, a.area_code);
    }
  }
  const zonesOfSector = new Map<string, { nis: string; zones: string[] }>();
  for (const m of geo.members) {
    if (m.sector_code === null) continue;
    const entry = zonesOfSector.get(m.sector_code) ?? { nis: m.nis_code, zones: [] };
    entry.zones.push(`${m.system_code}:${m.zone_code}`);
    zonesOfSector.set(m.sector_code, entry);
  }
  const groupOfSignature = new Map<string, string>();
  for (const [sector, { nis, zones }] of [...zonesOfSector].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const signature = `${nis}|${zones.sort().join("+")}`;
    let group = groupOfSignature.get(signature);
    if (!group) groupOfSignature.set(signature, (group = `${nis}~${groupOfSignature.size + 1}`));
    index.sectorGroup.set(sector, group);
    index.municipalityOfGroup.set(group, nis);
  }
  const zones = new Map<string, GeoIndex["zones"][number]>();
  for (const m of geo.members) {
    const key = `${m.system_code}|${m.zone_code}`;
    let zone = zones.get(key);
    if (!zone) zones.set(key, (zone = { system: m.system_code, zone: m.zone_code, members: [] }));
    const sector = m.sector_code === null ? null : index.sectorGroup.get(m.sector_code)!;
    if (sector === null || !zone.members.some((x) => x.sector === sector)) zone.members.push({ nis: m.nis_code, sector });
  }
  index.zones = [...zones.values()];
  return index;
}
