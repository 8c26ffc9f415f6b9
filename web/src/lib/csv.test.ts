import { describe, expect, it } from "vitest";
import { fileName, toCsv } from "./csv.ts";
import { spine } from "./spine.ts";
import { rewindGeometry, signedArea } from "./geo.ts";

describe("CSV of a chart's data", () => {
  it("quotes what needs quoting, keeps numbers raw, and disarms spreadsheet formulas", () => {
    const rows = [
      { name: 'Zone "Nord", Liège', value: 12.5, note: null },
      { name: '=HYPERLINK("x")', value: Number.NaN, note: "line\nbreak" },
    ];
    const csv = toCsv(rows, [
      { header: "Area", value: (r) => r.name },
      { header: "Value", value: (r) => r.value },
      { header: "Note", value: (r) => r.note },
    ]);
    expect(csv).toBe('\uFEFFArea,Value,Note\r\n"Zone ""Nord"", Liège",12.5,\r\n"\'=HYPERLINK(""x"")",,"line\nbreak"\r\n');
  });

  it("names files in plain ASCII", () => {
    expect(fileName(["Mortalité prématurée", "ZPL", 2024, undefined], "csv")).toBe("mortalite-prematuree-zpl-2024.csv");
    expect(fileName([], "png")).toBe("boussole.png");
  });
});

describe("spine chart scale", () => {
  const d = { min: 40, q1: 55, median: 60, q3: 65, max: 70 };
  it("puts Belgium in the middle and the farthest peer at an edge", () => {
    const s = spine(d, 60, 50, "high-is-good");
    expect(s.range).toEqual([0, 0.5 + (10 / 20) * 0.5]);
    expect(s.middle).toEqual([0.5 - (5 / 20) * 0.5, 0.5 + (5 / 20) * 0.5]);
    expect(s.value).toBeCloseTo(0.25);
  });
  it("flips the axis when low is good, so better is always on the right", () => {
    const s = spine(d, 60, 50, "low-is-good");
    expect(s.value).toBeCloseTo(0.75);
    expect(s.range[0]).toBeCloseTo(0.25);
    expect(s.range[1]).toBeCloseTo(1);
    expect(s.higherRight).toBe(false);
  });
  it("widens the scale for an area outside the peers' range and falls back to the median", () => {
    expect(spine(d, null, 90, "high-is-good").value).toBeCloseTo(1);
    expect(spine({ min: 5, q1: 5, median: 5, q3: 5, max: 5 }, 5, 5, "high-is-good").value).toBe(0.5);
  });
});

describe("GeoJSON for d3-geo", () => {
  const ccw = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ];
  const hole = [
    [0.2, 0.2],
    [0.4, 0.2],
    [0.4, 0.4],
    [0.2, 0.4],
    [0.2, 0.2],
  ];
  it("winds exterior rings clockwise and holes counter-clockwise", () => {
    expect(signedArea(ccw)).toBeGreaterThan(0);
    const g = rewindGeometry({ type: "Polygon", coordinates: [ccw, hole] }) as GeoJSON.Polygon;
    expect(signedArea(g.coordinates[0]!)).toBeLessThan(0);
    expect(signedArea(g.coordinates[1]!)).toBeGreaterThan(0);
    const m = rewindGeometry({ type: "MultiPolygon", coordinates: [[[...ccw].reverse()]] }) as GeoJSON.MultiPolygon;
    expect(m.coordinates[0]![0]).toEqual([...ccw].reverse());
  });
});

describe("default zone system", () => {
  it("takes the one asked for, else the one with most zones", async () => {
    const { chooseSystem } = await import("./api.ts");
    const systems = [
      { system_code: "bassin", zones: 5 },
      { system_code: "elz", zones: 61 },
      { system_code: "ols", zones: 19 },
    ];
    expect(chooseSystem(systems, "ols")?.system_code).toBe("ols");
    expect(chooseSystem(systems, undefined)?.system_code).toBe("elz");
    expect(chooseSystem(systems, "nope")?.system_code).toBe("elz");
    expect(chooseSystem([], undefined)).toBeUndefined();
  });
});
