import { describe, expect, it } from "vitest";
import { asMulti, type Geometry } from "./geometry.ts";
import { MERGERS_2025 } from "./mergers.ts";
import { referenceGeography } from "./reference.ts";

const r2019 = referenceGeography(2019);
const r2025 = referenceGeography(2025);
const count = (ms: { regionCode: string }[], region: string) => ms.filter((m) => m.regionCode === region).length;

/** Planar area of a shape in square degrees (enough to compare shapes with each other). */
function area(g: Geometry): number {
  let a = 0;
  for (const poly of asMulti(g))
    poly.forEach((ring, k) => {
      let s = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1]) / 2;
      a += k === 0 ? Math.abs(s) : -Math.abs(s);
    });
  return a;
}
const shape = (ref: typeof r2019, level: string, code: string) => ref.boundaries.features.find((f) => f.properties.level === level && f.properties.code === code)?.geometry;

describe("vintages", () => {
  it("has the 581 municipalities of 2019–2024: 300 Flemish, 262 Walloon, 19 in Brussels", () => {
    const ms = r2019.geography.municipalities;
    expect(ms).toHaveLength(581);
    expect([count(ms, "02000"), count(ms, "03000"), count(ms, "04000")]).toEqual([300, 262, 19]);
    expect(r2019.geography.vintage).toBe(2019);
  });

  it("has the 565 after the mergers of 1 January 2025: 285 Flemish, 261 Walloon, 19 in Brussels", () => {
    const ms = r2025.geography.municipalities;
    expect(ms).toHaveLength(565);
    expect([count(ms, "02000"), count(ms, "03000"), count(ms, "04000")]).toEqual([285, 261, 19]);
    expect(new Set(ms.map((m) => m.nisCode)).size).toBe(565);
  });

  it("keeps every zone member a municipality (or a sector) of its own vintage", () => {
    for (const ref of [r2019, r2025]) {
      const nis = new Set(ref.geography.municipalities.map((m) => m.nisCode));
      const sectors = new Map(ref.geography.sectors.map((s) => [s.sectorCode, s.nisCode]));
      for (const m of ref.geography.members) {
        expect(nis.has(m.nisCode), `${m.zoneCode} ${m.nisCode} in ${ref.geography.vintage}`).toBe(true);
        if (m.sectorCode) expect(sectors.get(m.sectorCode)).toBe(m.nisCode);
      }
    }
  });
});

describe("the 2025 mergers", () => {
  const by2019 = new Map(r2019.geography.municipalities.map((m) => [m.nisCode, m]));
  const by2025 = new Map(r2025.geography.municipalities.map((m) => [m.nisCode, m]));

  it("replace the merged municipalities by the new ones, summing their populations", () => {
    for (const g of MERGERS_2025) {
      for (const old of g.from) if (old !== g.nisCode) expect(by2025.has(old), old).toBe(false);
      const merged = by2025.get(g.nisCode);
      expect(merged?.nameNl).toBe(g.nameNl);
      expect(merged?.population).toBe(g.from.reduce((n, c) => n + (by2019.get(c)?.population ?? NaN), 0));
    }
    expect(by2025.get("46030")?.provinceCode).toBe("40000"); // Zwijndrecht left the province of Antwerp
    expect(by2025.get("82039")).toMatchObject({ nameFr: "Bastogne", regionCode: "03000" });
  });

  it("draw a merged municipality as the union of its parts", () => {
    for (const g of MERGERS_2025) {
      const parts = g.from.reduce((a, c) => a + area(shape(r2019, "municipality", c)!), 0);
      expect(area(shape(r2025, "municipality", g.nisCode)!)).toBeCloseTo(parts, 4);
    }
  });

  it("keep each merged municipality in the ELZ its parts belonged to", () => {
    const elz = (ref: typeof r2019, nis: string) => ref.geography.members.find((m) => m.nisCode === nis && /^elz\d/.test(m.zoneCode))?.zoneCode;
    for (const g of MERGERS_2025) if (g.nisCode[0] !== "8") for (const old of g.from) expect(elz(r2025, g.nisCode)).toBe(elz(r2019, old));
  });
});

describe("names", () => {
  const ms = r2025.geography.municipalities;
  const find = (nis: string) => ms.find((m) => m.nisCode === nis)!;
  it("gives French and Dutch names, German ones in the German-speaking Community, English exonyms", () => {
    expect(find("21015")).toMatchObject({ nameFr: "Schaerbeek", nameNl: "Schaarbeek", nameEn: "Schaerbeek", languageArea: "bilingual", provinceCode: null });
    expect(find("63023")).toMatchObject({ nameDe: "Eupen", languageArea: "de" });
    expect(find("63001")).toMatchObject({ nameFr: "Amblève", nameDe: "Amel", nameEn: "Amel" });
    expect([find("21004").nameEn, find("11002").nameEn, find("44021").nameEn, find("24062").nameEn, find("62063").nameEn]).toEqual(["Brussels", "Antwerp", "Ghent", "Leuven", "Liège"]);
    expect(ms.filter((m) => m.nameDe !== null)).toHaveLength(9);
  });
});

describe("zone systems", () => {
  const g = r2025.geography;
  const zonesOf = (system: string) => g.zones.filter((z) => z.systemCode === system);
  const members = (zone: string) => g.members.filter((m) => m.zoneCode === zone);

  it("has the ELZ, Antwerp's sub-zones, the 5 bassins, the German-speaking Community and a provisional OLS system", () => {
    expect(g.zoneSystems.map((s) => s.code)).toEqual(["elz", "elz-antwerpen", "bassin", "dg", "ols-provisoire"]);
    expect(zonesOf("elz").length).toBeGreaterThanOrEqual(55);
    expect(zonesOf("bassin")).toHaveLength(5);
    expect(
      members("DG")
        .map((m) => m.nisCode)
        .sort(),
    ).toEqual(["63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067", "63087"]);
    const ols = g.zoneSystems.find((s) => s.code === "ols-provisoire")!;
    expect([ols.nameFr, ols.nameNl, ols.nameDe, ols.nameEn].every((n) => /provisoire|voorlopige|vorläufige|provisional/i.test(n))).toBe(true);
  });

  it("partitions each region's municipalities within each whole-municipality system", () => {
    for (const [system, region] of [
      ["ols-provisoire", "03000"],
      ["bassin", "04000"],
    ] as const) {
      const seen = g.members.filter((m) => zonesOf(system).some((z) => z.code === m.zoneCode)).map((m) => m.nisCode);
      const expected = g.municipalities.filter((m) => m.regionCode === region && m.languageArea !== "de").map((m) => m.nisCode);
      expect(new Set(seen)).toEqual(new Set(expected));
    }
    const elz = g.members.filter((m) => /^elz\d+$/.test(m.zoneCode)).map((m) => m.nisCode);
    expect(elz.length).toBe(new Set(elz).size);
    expect(elz).toHaveLength(285 + 19);
  });

  it("splits Bruxelles-Ville between three bassins by sector, with shares summing to 1", () => {
    const city = g.members.filter((m) => m.nisCode === "21004" && zonesOf("bassin").some((z) => z.code === m.zoneCode));
    expect(city.every((m) => m.sectorCode !== null)).toBe(true);
    expect(new Set(city.map((m) => m.zoneCode))).toEqual(new Set(["BXL-NORD", "BXL-CENTRE-OUEST", "BXL-SUD"]));
    const shares = g.sectors.filter((s) => s.nisCode === "21004").reduce((a, s) => a + s.populationShare, 0);
    expect(shares).toBeCloseTo(1, 9);
    const sectors = g.sectors.filter((s) => s.nisCode === "21004").map((s) => area(shape(r2025, "sector", s.sectorCode)!));
    expect(sectors.reduce((a, b) => a + b, 0)).toBeCloseTo(area(shape(r2025, "municipality", "21004")!), 5);
  });

  it("splits Antwerp's zone into four sub-zones of statistical sectors; Borsbeek's sectors are Antwerpen's in 2025", () => {
    expect(zonesOf("elz-antwerpen")).toHaveLength(4);
    const sub = g.members.filter((m) => m.zoneCode.startsWith("elz2-"));
    expect(sub.every((m) => m.sectorCode !== null && m.sectorCode.length === 9)).toBe(true);
    expect(sub.filter((m) => m.sectorCode!.startsWith("11007")).every((m) => m.nisCode === "11002")).toBe(true);
    expect(r2019.geography.members.filter((m) => m.sectorCode?.startsWith("11007")).every((m) => m.nisCode === "11007")).toBe(true);
  });

  it("ships official polygons for the ELZ and Antwerp's sub-zones, none for zones made of members", () => {
    const own = new Set(r2025.boundaries.features.filter((f) => f.properties.level === "zone").map((f) => f.properties.code));
    for (const z of [...zonesOf("elz"), ...zonesOf("elz-antwerpen")]) expect(own.has(z.code), z.code).toBe(true);
    for (const z of [...zonesOf("bassin"), ...zonesOf("dg"), ...zonesOf("ols-provisoire")]) expect(own.has(z.code)).toBe(false);
  });
});

describe("boundaries", () => {
  it("draw every municipality, with coordinates in Belgium rounded to 5 decimals", () => {
    const drawn = new Set(r2025.boundaries.features.filter((f) => f.properties.level === "municipality").map((f) => f.properties.code));
    expect(drawn.size).toBe(565);
    const bad: string[] = [];
    for (const f of r2025.boundaries.features)
      for (const poly of asMulti(f.geometry))
        for (const ring of poly) for (const [x, y] of ring) if (!(x >= 2.5 && x <= 6.5 && y >= 49.4 && y <= 51.6) || Math.round(x * 1e5) / 1e5 !== x) bad.push(f.properties.code);
    expect(bad).toEqual([]);
  });
});
