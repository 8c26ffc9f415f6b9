// The fixture's geography: 2 regions, 1 province each, municipalities in a grid of small
// squares, one national zone system. With the defaults: 8 named municipalities and 6 zones, one
// municipality (Lier) split by sectors between two zones.
import type { AreaRow, BoundaryRow, ZoneMemberRow, ZoneSystemRow } from "../../release/format.ts";

export interface FixtureGeography {
  areas: AreaRow[];
  systems: ZoneSystemRow[];
  members: ZoneMemberRow[];
  boundaries: BoundaryRow[];
  /** Population (at 100%) by area key `level|system|code`, drives the counts. */
  population: Map<string, number>;
}

export const SYSTEM = "ZPL";
const NAMED: [string, string, string, string, string][] = [
  // nis, fr, nl, de, en
  ["11002", "Anvers", "Antwerpen", "Antwerpen", "Antwerp"],
  ["12025", "Malines", "Mechelen", "Mecheln", "Mechelen"],
  ["12021", "Lierre", "Lier", "Lier", "Lier"],
  ["13040", "Turnhout", "Turnhout", "Turnhout", "Turnhout"],
  ["62063", "Liège", "Luik", "Lüttich", "Liège"],
  ["63079", "Verviers", "Verviers", "Verviers", "Verviers"],
  ["61031", "Huy", "Hoei", "Huy", "Huy"],
  ["63023", "Eupen", "Eupen", "Eupen", "Eupen"],
];
const REGIONS = [
  {
    code: "02000",
    names: ["Région flamande", "Vlaams Gewest", "Flämische Region", "Flemish Region"],
    province: { code: "10000", names: ["Province d'Anvers", "Provincie Antwerpen", "Provinz Antwerpen", "Province of Antwerp"] },
  },
  {
    code: "03000",
    names: ["Région wallonne", "Waals Gewest", "Wallonische Region", "Walloon Region"],
    province: { code: "60000", names: ["Province de Liège", "Provincie Luik", "Provinz Lüttich", "Province of Liège"] },
  },
] as const;

const named = (n: readonly string[]) => ({ name_fr: n[0] ?? "", name_nl: n[1] ?? "", name_de: n[2] ?? "", name_en: n[3] ?? "" });

/** A square ring with noisy decimals and a near-duplicate vertex, as a real boundary would have. */
function square(x: number, y: number, side: number): number[][] {
  const e = 0.0000123;
  return [
    [x + e, y],
    [x + side, y + e],
    [x + side, y + 2 * e],
    [x + side, y + side],
    [x, y + side],
    [x + e, y],
  ];
}
const polygon = (rings: number[][][]) => JSON.stringify({ type: "MultiPolygon", coordinates: rings.map((r) => [r]) });

export function fixtureGeography(municipalities = 8, zones = 6): FixtureGeography {
  const areas: AreaRow[] = [
    { level: "belgium", system_code: null, area_code: "BE", name_fr: "Belgique", name_nl: "België", name_de: "Belgien", name_en: "Belgium", region_code: null, province_code: null },
  ];
  const boundaries: FixtureGeography["boundaries"] = [];
  const members: ZoneMemberRow[] = [];
  const population = new Map<string, number>();
  const side = 0.05;
  const perRegion = Math.ceil(municipalities / 2);
  const zonesPerRegion = Math.ceil(zones / 2);
  const zoneSquares = new Map<string, number[][][]>();

  REGIONS.forEach((region, r) => {
    areas.push({ level: "region", system_code: null, area_code: region.code, ...named(region.names), region_code: null, province_code: null });
    areas.push({ level: "province", system_code: null, area_code: region.province.code, ...named(region.province.names), region_code: region.code, province_code: null });
    const squares: number[][][] = [];
    const count = r === 0 ? perRegion : municipalities - perRegion;
    for (let i = 0; i < count; i++) {
      const n = r * perRegion + i;
      const nis = NAMED[n]?.[0] ?? `${r === 0 ? 1 : 6}${String(3000 + i).padStart(4, "0")}`;
      const names = NAMED[n]?.slice(1) ?? [`Commune ${n}`, `Gemeente ${n}`, `Gemeinde ${n}`, `Municipality ${n}`];
      areas.push({ level: "municipality", system_code: null, area_code: nis, ...named(names), region_code: region.code, province_code: region.province.code });
      const x = 4 + (i % 25) * side;
      const y = (r === 0 ? 51 : 50.2) + Math.floor(i / 25) * side;
      const ring = square(x, y, side);
      squares.push(ring);
      boundaries.push({ level: "municipality", system_code: null, area_code: nis, geometry: polygon([ring]) });
      const people = 2000 + ((n * 7919) % 9000);
      population.set(`municipality||${nis}`, people);
      // Contiguous blocks of municipalities make the zones of this region.
      const z = Math.min(zonesPerRegion - 1, Math.floor((i * zonesPerRegion) / count));
      const zone = `Z${String(r * zonesPerRegion + z + 1).padStart(2, "0")}`;
      const split = n === 2 && municipalities === 8 && zones === 6;
      if (split) {
        // Lier: sector A alone makes zone Z02, sector B joins Turnhout in Z03.
        members.push({ system_code: SYSTEM, zone_code: "Z02", nis_code: nis, sector_code: `${nis}A00-` });
        members.push({ system_code: SYSTEM, zone_code: "Z03", nis_code: nis, sector_code: `${nis}B00-` });
        for (const [zc, share, ring2] of [
          ["Z02", 0.6, square(x, y, side / 2)],
          ["Z03", 0.4, square(x + side / 2, y, side / 2)],
        ] as const) {
          population.set(`zone|${SYSTEM}|${zc}`, (population.get(`zone|${SYSTEM}|${zc}`) ?? 0) + people * share);
          zoneSquares.set(zc, [...(zoneSquares.get(zc) ?? []), ring2]);
        }
        continue;
      }
      members.push({ system_code: SYSTEM, zone_code: zone, nis_code: nis, sector_code: null });
      population.set(`zone|${SYSTEM}|${zone}`, (population.get(`zone|${SYSTEM}|${zone}`) ?? 0) + people);
      zoneSquares.set(zone, [...(zoneSquares.get(zone) ?? []), ring]);
    }
    const regionPeople = areas.filter((a) => a.level === "municipality" && a.region_code === region.code).reduce((s, a) => s + (population.get(`municipality||${a.area_code}`) ?? 0), 0);
    population.set(`region||${region.code}`, regionPeople);
    population.set(`province||${region.province.code}`, regionPeople);
    boundaries.push({ level: "region", system_code: null, area_code: region.code, geometry: polygon(squares) });
    boundaries.push({ level: "province", system_code: null, area_code: region.province.code, geometry: polygon(squares) });
  });
  population.set(
    "belgium||BE",
    [...population].filter(([k]) => k.startsWith("region|")).reduce((s, [, v]) => s + v, 0),
  );

  const zoneNames = ["Anvers-Malines", "Lierre", "Campine", "Liège-Verviers", "Huy", "Ostbelgien"];
  for (const [code, rings] of [...zoneSquares].sort(([a], [b]) => a.localeCompare(b))) {
    const i = Number(code.slice(1)) - 1;
    const base = zoneNames[i] ?? `Zone ${i + 1}`;
    const region = i < zonesPerRegion ? "02000" : "03000";
    areas.push({
      level: "zone",
      system_code: SYSTEM,
      area_code: code,
      name_fr: `Zone ${base}`,
      name_nl: `Zone ${base}`,
      name_de: `Zone ${base}`,
      name_en: `${base} zone`,
      region_code: region,
      province_code: null,
    });
    boundaries.push({ level: "zone", system_code: SYSTEM, area_code: code, geometry: polygon(rings) });
  }
  const systems: ZoneSystemRow[] = [
    { system_code: SYSTEM, name_fr: "Zones de première ligne", name_nl: "Eerstelijnszones", name_de: "Erstlinienzonen", name_en: "Primary care zones", region_code: null },
  ];
  return { areas, systems, members, boundaries, population };
}
