import polygonClipping from "polygon-clipping";
import { beforeAll, describe, expect, it } from "vitest";
import type { Geography, Municipality } from "../geography/types.ts";
import { drawBoundaries, type BoundaryCollection, type BoundaryFeature } from "./boundaries.ts";
import { provinceAt } from "./geo/layout.ts";
import { belgiumOutline, inRing } from "./geo/outline.ts";
import { project } from "./geo/plane.ts";
import { areaKm2, containsPoint, type MultiPolygon } from "./geo/polygon.ts";
import { buildSyntheticGeography } from "./geography.ts";

// Expected values are restated here rather than imported, so a wrong fact fails a test.
const REGION_TOTALS = { "02000": 6_864_766, "03000": 3_704_990, "04000": 1_255_795 } as const;
const PROVINCE_COUNTS: Record<string, number> = {
  "10000": 62, "20001": 65, "30000": 64, "40000": 55, "70000": 39,
  "20002": 27, "50000": 69, "60000": 84, "80000": 43, "90000": 38,
};
const PROVINCE_PREFIX: Record<string, string> = {
  "10000": "19", "20001": "29", "30000": "39", "40000": "49", "70000": "79",
  "20002": "28", "50000": "59", "60000": "69", "80000": "89", "90000": "99",
};
const ELZ_PER_PROVINCE: Record<string, number> = { "10000": 17, "20001": 10, "30000": 11, "40000": 14, "70000": 8 };
const OLS_PER_PROVINCE: Record<string, number> = { "20002": 1, "50000": 3, "60000": 3, "80000": 1, "90000": 2 };
const BASSINS: Record<string, string[]> = {
  "BXL-NORD": ["21003", "21008", "21010", "21011", "21004_S01", "21004_S02", "21004_S03"],
  "BXL-NORD-EST": ["21006", "21014", "21015"],
  "BXL-CENTRE-OUEST": ["21001", "21012", "21004_S04", "21004_S05"],
  "BXL-SUD": ["21007", "21009", "21013", "21016", "21017", "21004_S06"],
  "BXL-SUD-EST": ["21002", "21005", "21018", "21019"],
};

let geo: Geography;
let bounds: BoundaryCollection;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const count = <T>(xs: T[], key: (x: T) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};
const muni = (code: string): Municipality => geo.municipalities.find((m) => m.nisCode === code) as Municipality;
const shape = (f: BoundaryFeature): MultiPolygon =>
  (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) as MultiPolygon;

beforeAll(() => {
  geo = buildSyntheticGeography(42);
  bounds = drawBoundaries(geo, 42);
});

describe("structure", () => {
  it("has 565 municipalities: 285 Flemish, 261 Walloon, 19 in Brussels, per province as specified", () => {
    expect(geo.vintage).toBe(2025);
    expect(geo.municipalities).toHaveLength(565);
    expect(Object.fromEntries(count(geo.municipalities, (m) => m.regionCode))).toEqual({ "02000": 285, "03000": 261, "04000": 19 });
    expect(Object.fromEntries(count(geo.municipalities.filter((m) => m.provinceCode), (m) => m.provinceCode as string))).toEqual(PROVINCE_COUNTS);
    expect(geo.provinces.map((p) => p.code).sort()).toEqual(Object.keys(PROVINCE_COUNTS).sort());
    const walloon = ["20002", "50000", "60000", "80000", "90000"];
    for (const p of geo.provinces) expect(p.regionCode).toBe(walloon.includes(p.code) ? "03000" : "02000");
  });

  it("uses unique 5-digit codes, fictional ones never in a real arrondissement", () => {
    const codes = geo.municipalities.map((m) => m.nisCode);
    expect(new Set(codes).size).toBe(565);
    for (const m of geo.municipalities) {
      expect(m.nisCode).toMatch(/^\d{5}$/);
      if (m.regionCode === "04000") continue;
      expect(m.nisCode.slice(0, 2)).toBe(PROVINCE_PREFIX[m.provinceCode as string]);
      expect(["8", "9"]).toContain(m.nisCode[1]);
    }
  });

  it("names fictional municipalities plainly and uniquely, with the serial of their code", () => {
    const fictional = geo.municipalities.filter((m) => m.regionCode !== "04000");
    expect(new Set(fictional.map((m) => m.nameFr)).size).toBe(fictional.length);
    for (const m of fictional) {
      expect(m.nameFr.endsWith(`-${m.nisCode.slice(2)}`)).toBe(true);
      expect(m.nameNl).toBe(m.nameFr);
      expect(m.languageArea).toBe(m.nisCode.startsWith("699") ? "de" : m.regionCode === "02000" ? "nl" : "fr");
      expect(m.nameDe).toBe(m.languageArea === "de" ? m.nameFr : null);
    }
  });

  it("keeps the 19 real Brussels communes, bilingual and without a province", () => {
    const bxl = geo.municipalities.filter((m) => m.regionCode === "04000");
    expect(bxl.map((m) => m.nisCode)).toEqual(Array.from({ length: 19 }, (_, i) => `210${String(i + 1).padStart(2, "0")}`));
    for (const m of bxl) expect([m.provinceCode, m.nameDe, m.languageArea]).toEqual([null, null, "bilingual"]);
    expect([muni("21004").nameNl, muni("21004").lat, muni("21004").lon]).toEqual(["Brussel", 50.846, 4.352]);
    expect(muni("21015").nameFr).toBe("Schaerbeek");
  });

  it("has the 9 German-speaking municipalities (69901..69909, ≈79,000 people) east of 5.95°E in Liège", () => {
    const dg = geo.municipalities.filter((m) => m.languageArea === "de");
    expect(dg.map((m) => m.nisCode)).toEqual(Array.from({ length: 9 }, (_, i) => `6990${i + 1}`));
    expect(sum(dg.map((m) => m.population))).toBe(79_000);
    for (const m of dg) expect([m.provinceCode, m.lon > 5.95]).toEqual(["60000", true]);
  });
});

describe("populations and deprivation", () => {
  it("sum exactly to the Statbel 2025 regional totals", () => {
    for (const [region, total] of Object.entries(REGION_TOTALS)) {
      expect(sum(geo.municipalities.filter((m) => m.regionCode === region).map((m) => m.population))).toBe(total);
    }
    for (const m of geo.municipalities) expect(Number.isInteger(m.population) && m.population > 0).toBe(true);
  });

  it("make Antwerpen's split city ≈ 530,000 and its province's largest", () => {
    const city = muni(geo.sectors.find((s) => !s.nisCode.startsWith("21"))?.nisCode as string);
    expect(city.provinceCode).toBe("10000");
    expect(Math.abs(city.population - 530_000)).toBeLessThan(10_000);
  });

  it("keeps deprivation in [0.02, 0.98] and the Brussels bands", () => {
    for (const m of geo.municipalities) expect(m.deprivation >= 0.02 && m.deprivation <= 0.98).toBe(true);
    for (const code of ["21014", "21012", "21015", "21001", "21004", "21011", "21013"]) expect(muni(code).deprivation).toBeGreaterThanOrEqual(0.7);
    for (const code of ["21016", "21019", "21018", "21017", "21002"]) expect(muni(code).deprivation).toBeLessThanOrEqual(0.3);
    const mean = (pred: (m: Municipality) => boolean): number => {
      const ms = geo.municipalities.filter(pred);
      return sum(ms.map((m) => m.deprivation)) / ms.length;
    };
    expect(mean((m) => m.provinceCode === "50000")).toBeGreaterThan(mean((m) => m.regionCode === "02000") + 0.2);
  });
});

describe("sectors", () => {
  it("split Bruxelles into 6 and the Antwerpen city into 9, with shares summing to 1", () => {
    expect(Object.fromEntries(count(geo.sectors, (s) => s.nisCode.slice(0, 2)))).toEqual({ "21": 6, "19": 9 });
    for (const [nis, n] of count(geo.sectors, (s) => s.nisCode)) {
      const own = geo.sectors.filter((s) => s.nisCode === nis);
      expect(own.map((s) => s.sectorCode)).toEqual(Array.from({ length: n }, (_, i) => `${nis}_S${String(i + 1).padStart(2, "0")}`));
      expect(sum(own.map((s) => s.populationShare))).toBeCloseTo(1, 9);
    }
    expect(geo.sectors.filter((s) => s.nisCode === "21004").map((s) => s.nameNl)).toEqual(["Laken", "Neder-Over-Heembeek", "Haren", "Vijfhoek", "Europese wijk", "Louiza – Terkamerenbos"]);
  });
});

describe("zone systems", () => {
  const membersOf = (system: string) => {
    const zones = new Set(geo.zones.filter((z) => z.systemCode === system).map((z) => z.code));
    return geo.members.filter((m) => zones.has(m.zoneCode));
  };
  /** Each inhabited unit of the territory in exactly one zone; a split municipality only through all its sectors. */
  const expectPartition = (system: string, territory: Municipality[]): void => {
    const members = membersOf(system);
    expect(new Set(members.map((m) => m.nisCode))).toEqual(new Set(territory.map((m) => m.nisCode)));
    for (const nis of new Set(members.map((m) => m.nisCode))) {
      const list = members.filter((m) => m.nisCode === nis);
      if (list.some((m) => m.sectorCode === null)) {
        expect(list).toHaveLength(1);
      } else {
        const sectors = geo.sectors.filter((s) => s.nisCode === nis).map((s) => s.sectorCode).sort();
        expect(list.map((m) => m.sectorCode).sort()).toEqual(sectors);
      }
    }
  };
  const byRegion = (r: string) => geo.municipalities.filter((m) => m.regionCode === r);

  it("have 60+1 elz, 10 ols, 5 bassin and 1 dg zones, all non-empty", () => {
    expect(geo.zoneSystems.map((s) => [s.code, s.regionCode])).toEqual([["elz", null], ["ols", "03000"], ["bassin", "04000"], ["dg", "03000"]]);
    expect(Object.fromEntries(count(geo.zones, (z) => z.systemCode))).toEqual({ elz: 61, ols: 10, bassin: 5, dg: 1 });
    expect(geo.zones.filter((z) => z.systemCode === "elz").map((z) => z.code)).toEqual([...Array.from({ length: 60 }, (_, i) => `ELZ-S${String(i + 1).padStart(2, "0")}`), "ELZ-BXL"]);
    for (const z of geo.zones) expect(geo.members.some((m) => m.zoneCode === z.code)).toBe(true);
  });

  it("partition their territories", () => {
    expectPartition("elz", [...byRegion("02000"), ...byRegion("04000")]);
    expectPartition("ols", byRegion("03000").filter((m) => m.languageArea !== "de"));
    expectPartition("bassin", byRegion("04000"));
    expectPartition("dg", geo.municipalities.filter((m) => m.languageArea === "de"));
    expect(membersOf("dg")).toHaveLength(9);
  });

  it("allocate elz and ols zones per province, each within one province", () => {
    for (const [system, expected] of [["elz", ELZ_PER_PROVINCE], ["ols", OLS_PER_PROVINCE]] as const) {
      const provinceOfZone = new Map<string, Set<string | null>>();
      for (const m of membersOf(system)) provinceOfZone.set(m.zoneCode, (provinceOfZone.get(m.zoneCode) ?? new Set()).add(muni(m.nisCode).provinceCode));
      for (const set of provinceOfZone.values()) expect(set.size).toBe(1);
      const perProvince = count([...provinceOfZone.values()], (s) => String([...s][0]));
      perProvince.delete("null");
      expect(Object.fromEntries(perProvince)).toEqual(expected);
    }
  });

  it("put all of Brussels (Bruxelles whole) in ELZ-BXL and split the Antwerpen city in three sub-zones", () => {
    expect(membersOf("elz").filter((m) => m.zoneCode === "ELZ-BXL").map((m) => [m.nisCode, m.sectorCode])).toEqual(byRegion("04000").map((m) => [m.nisCode, null]));
    const city = geo.sectors.find((s) => s.nisCode.startsWith("19"))?.nisCode as string;
    const sub = count(membersOf("elz").filter((m) => m.nisCode === city), (m) => m.zoneCode);
    expect([...sub.values()]).toEqual([3, 3, 3]);
    expect(geo.zones.find((z) => z.code === [...sub.keys()][0])?.nameNl).toBe(`ELZ ${muni(city).nameNl} Noord`);
  });

  it("give the Brussels bassins exactly their real members", () => {
    const actual = Object.fromEntries(geo.zones.filter((z) => z.systemCode === "bassin").map((z) => [
      z.code,
      membersOf("bassin").filter((m) => m.zoneCode === z.code).map((m) => m.sectorCode ?? m.nisCode).sort(),
    ]));
    expect(actual).toEqual(Object.fromEntries(Object.entries(BASSINS).map(([k, v]) => [k, [...v].sort()])));
    expect(geo.zones.find((z) => z.code === "BXL-NORD")?.nameNl).toBe("Bassin Noord");
  });
});

describe("placement and determinism", () => {
  it("places every municipality inside Belgium, and only the 19 communes near Brussels' centre", () => {
    const ring = belgiumOutline().plane;
    for (const m of geo.municipalities) {
      expect(inRing(ring, project(m.lat, m.lon))).toBe(true);
      const km = Math.hypot((m.lat - 50.845) * 111.2, (m.lon - 4.37) * 70.8);
      if (m.regionCode !== "04000") expect(km).toBeGreaterThan(6.5);
    }
  });

  it("reserves Brussels' centre for the communes and surrounds it with Flemish Brabant", () => {
    expect(provinceAt(project(50.845, 4.37))).toBeNull();
    expect(provinceAt(project(50.845 + 10 / 111.2, 4.37))).toBe("20001");
    expect(provinceAt(project(50.845 - 11 / 111.2, 4.37))).toBe("20001");
    expect(provinceAt(project(50.45, 4.4))).not.toBe("20001");
  });

  it("gives identical output for the same seed, and different fictional parts for another", () => {
    const again = buildSyntheticGeography(42);
    expect(again).toEqual(geo);
    expect(JSON.stringify(again)).toBe(JSON.stringify(geo));
    expect(JSON.stringify(drawBoundaries(again, 42))).toBe(JSON.stringify(bounds));
    const other = buildSyntheticGeography("another seed");
    const fictional = (g: Geography) => g.municipalities.filter((m) => m.regionCode !== "04000");
    expect(fictional(other).map((m) => m.nameFr)).not.toEqual(fictional(geo).map((m) => m.nameFr));
    expect(fictional(other).map((m) => m.lat)).not.toEqual(fictional(geo).map((m) => m.lat));
    expect(fictional(other).map((m) => m.population)).not.toEqual(fictional(geo).map((m) => m.population));
    const real = (g: Geography) => g.municipalities.filter((m) => m.regionCode === "04000").map(({ deprivation: _, ...m }) => m);
    expect(real(other)).toEqual(real(geo));
  });

  it("builds geography and boundaries in well under 2 s", () => {
    const t0 = performance.now();
    drawBoundaries(buildSyntheticGeography(7), 7);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe("boundaries", () => {
  const level = (l: string) => bounds.features.filter((f) => f.properties.level === l);

  it("has one feature per municipality and per sector, and says it is synthetic", () => {
    expect(level("municipality").map((f) => f.properties.code)).toEqual(geo.municipalities.map((m) => m.nisCode));
    expect(level("sector").map((f) => f.properties.code)).toEqual(geo.sectors.map((s) => s.sectorCode));
    expect(level("municipality").map((f) => f.properties.name)).toEqual(geo.municipalities.map((m) => m.nameFr));
    expect(bounds.description).toMatch(/synthetic/i);
    expect(bounds.description).toMatch(/not official/i);
    expect(bounds.description).toMatch(/Statbel/);
  });

  it("keeps coordinates in Belgium's box, rounded to 5 decimals", () => {
    for (const f of bounds.features) {
      for (const [lon, lat] of shape(f).flat(2)) {
        expect(lon >= 2.5 && lon <= 6.5 && lat >= 49.45 && lat <= 51.55).toBe(true);
        expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
        expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
      }
    }
  });

  it("tiles Belgium's outline without overlaps", () => {
    const shapes = level("municipality").map(shape);
    const total = sum(shapes.map(areaKm2));
    const outline = areaKm2([[belgiumOutline().lonLat]]);
    expect(Math.abs(total / outline - 1)).toBeLessThan(0.01);
    const [first, ...rest] = shapes;
    const union = areaKm2(polygonClipping.union(first as MultiPolygon, ...rest));
    expect(Math.abs(union / total - 1)).toBeLessThan(0.005);
  });

  it("puts every municipality's centre inside its own polygon", () => {
    level("municipality").forEach((f, i) => {
      const m = geo.municipalities[i] as Municipality;
      expect(containsPoint(shape(f), m.lon, m.lat), m.nisCode).toBe(true);
    });
  });

  it("tiles each split municipality with its sectors, each sector around its own point", () => {
    for (const nis of new Set(geo.sectors.map((s) => s.nisCode))) {
      const whole = areaKm2(shape(level("municipality").find((f) => f.properties.code === nis) as BoundaryFeature));
      const parts = level("sector").filter((f) => f.properties.code.startsWith(`${nis}_`)).map(shape);
      expect(Math.abs(sum(parts.map(areaKm2)) / whole - 1)).toBeLessThan(0.005);
      const [first, ...rest] = parts;
      expect(Math.abs(areaKm2(polygonClipping.union(first as MultiPolygon, ...rest)) / whole - 1)).toBeLessThan(0.005);
    }
    level("sector").forEach((f, i) => {
      const s = geo.sectors[i];
      expect(s && containsPoint(shape(f), s.lon, s.lat)).toBe(true);
    });
  });
});
