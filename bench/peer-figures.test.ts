import { describe, expect, it } from "vitest";
import { agrees, compareFigures, figuresToCsv, parseFiguresCsv, type Figure } from "./peer-figures.ts";

const cell = (over: Partial<Figure> = {}): Figure => ({
  indicator_id: "gmd-coverage",
  year: 2024,
  level: "zone",
  system_code: "elz",
  area_code: "elz2",
  stratum: "sex",
  stratum_value: "F",
  numerator: 7,
  denominator: 10,
  ...over,
});

// What data.table's fwrite writes: an empty system_code outside zones, an extra value column.
const R_CSV = `indicator_id,year,level,system_code,area_code,stratum,stratum_value,numerator,denominator,value
gmd-coverage,2024,zone,elz,elz2,sex,F,7,10,70
gmd-coverage,2024,region,,04000,total,all,2,3,66.6666666666667
`;

describe("peer figures", () => {
  it("reads the peer's CSV by column name, an empty system code as null", () => {
    expect(parseFiguresCsv(R_CSV)).toEqual([cell(), cell({ level: "region", system_code: null, area_code: "04000", stratum: "total", stratum_value: "all", numerator: 2, denominator: 3 })]);
  });

  it("writes CSV that reads back to the same figures", () => {
    const figures = [cell(), cell({ level: "belgium", system_code: null, area_code: "BE", numerator: 0, denominator: 1 })];
    expect(parseFiguresCsv(figuresToCsv(figures))).toEqual(figures);
  });

  it("refuses a CSV without a numerator or with a non-numeric count", () => {
    expect(() => parseFiguresCsv("indicator_id,year,level,system_code,area_code,stratum,stratum_value,denominator\n")).toThrow(/numerator/);
    expect(() => parseFiguresCsv(R_CSV.replace(",7,10,", ",NA,10,"))).toThrow(/line 2: numerator/);
  });

  it("agrees only when every cell is on both sides with the same counts", () => {
    const same = compareFigures([cell(), cell({ stratum_value: "M" })], [cell({ stratum_value: "M" }), cell()]);
    expect(same).toMatchObject({ compared: 2, agree: 2, disagree: 0, onlyEngine: 0, onlyPeer: 0 });
    expect(agrees(same)).toBe(true);
  });

  it("counts a different numerator or denominator, and a cell on one side only", () => {
    const engine = [cell(), cell({ stratum_value: "M", denominator: 11 }), cell({ year: 2023 })];
    const peer = [cell(), cell({ stratum_value: "M", denominator: 12 }), cell({ area_code: "elz3" })];
    const a = compareFigures(engine, peer);
    expect(a).toMatchObject({ compared: 2, agree: 1, disagree: 1, onlyEngine: 1, onlyPeer: 1 });
    expect(a.examples).toContain("gmd-coverage|2024|zone|elz|elz2|sex|M: engine 7/11, peer 7/12");
    expect(agrees(a)).toBe(false);
  });

  it("tells a zone of one system from the same code in another, and nothing compared from agreement", () => {
    const a = compareFigures([cell()], [cell({ system_code: "bassin" })]);
    expect(a).toMatchObject({ compared: 0, onlyEngine: 1, onlyPeer: 1 });
    expect(agrees(compareFigures([], []))).toBe(false);
  });

  it("refuses figures that repeat a cell", () => {
    expect(() => compareFigures([cell()], [cell(), cell()])).toThrow(/repeat/);
    expect(() => compareFigures([cell(), cell()], [cell()])).toThrow(/repeat/);
  });
});
