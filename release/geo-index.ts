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
  /** Every zone with its members: whole municipalities (sector null) or sectors. */
  zones: { system: string; zone: string; members: { nis: string; sector: string | null }[] }[];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function indexGeography(geo: ReleaseGeography): GeoIndex {
  const index: GeoIndex = { regions: [], provinces: [], provincesOf: new Map(), looseOf: new Map(), municipalitiesOf: new Map(), zones: [] };
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
  const zones = new Map<string, GeoIndex["zones"][number]>();
  for (const m of geo.members) {
    const key = `${m.system_code}|${m.zone_code}`;
    let zone = zones.get(key);
    if (!zone) zones.set(key, (zone = { system: m.system_code, zone: m.zone_code, members: [] }));
    zone.members.push({ nis: m.nis_code, sector: m.sector_code });
  }
  index.zones = [...zones.values()];
  return index;
}
