import { describe, expect, it } from "vitest";
import { ageBandRelations, disjointBands } from "./age-band-relations.ts";

const DEFAULT = ["0-17", "18-44", "45-64", "65-74", "75+"];
const sorted = (r: { total: string; parts: string[] }) => `${r.total} = ${[...r.parts].sort().join(" + ")}`;

describe("age-band relations of one area", () => {
  it("are total = Σ bands for one set of bands, or sets that never overlap", () => {
    expect(disjointBands(DEFAULT)).toBe(true);
    expect(disjointBands([...DEFAULT, "0-17", "75+"])).toBe(true);
    expect(disjointBands([...DEFAULT, "65+"])).toBe(false);
    const values: Record<string, number> = { "0-17": 3, "18-44": 4, "65-74": 1, "75+": 2 };
    const cell = (l: string) => (l in values ? { id: l, value: values[l]! } : undefined);
    const r = ageBandRelations([DEFAULT], cell, "total", "BE");
    expect(r.cells).toEqual([]);
    // 45-64 is absent: an empty band drops out of the sum, as everywhere in the model.
    expect(r.relations.map(sorted)).toEqual(["total = 0-17 + 18-44 + 65-74 + 75+"]);
  });

  it("tie nested bands: 75+ = 75-84 + 85+, each set adding up to the total", () => {
    const values: Record<string, number> = { "65-74": 5, "75+": 7, "75-84": 4, "85+": 3 };
    const cell = (l: string) => (l in values ? { id: l, value: values[l]! } : undefined);
    const r = ageBandRelations(
      [
        ["65-74", "75+"],
        ["65-74", "75-84", "85+"],
      ],
      cell,
      "total",
      "BE",
    );
    expect(r.cells).toEqual([]); // every piece of ages is a published band
    expect(r.relations.map(sorted).sort()).toEqual(["75+ = 75-84 + 85+", "total = 65-74 + 75-84 + 85+"]);
  });

  it("cut crossing bands into latent pieces whose values come from the data", () => {
    // 0-49: 10, 50+: 6; 0-59: 13, 60+: 3 → ages 50–59 hold 3 persons.
    const values: Record<string, number> = { "0-49": 10, "50+": 6, "0-59": 13, "60+": 3 };
    const cell = (l: string) => (l in values ? { id: l, value: values[l]! } : undefined);
    const r = ageBandRelations(
      [
        ["0-49", "50+"],
        ["0-59", "60+"],
      ],
      cell,
      "total",
      "Z",
    );
    expect(r.cells).toEqual([{ id: "Z|age-band-atom|50|59", value: 3, publishable: false }]);
    expect(r.relations.map(sorted).sort()).toEqual(["0-59 = 0-49 + Z|age-band-atom|50|59", "50+ = 60+ + Z|age-band-atom|50|59", "total = 0-49 + 60+ + Z|age-band-atom|50|59"]);
  });

  it("leave out the pieces of an empty band, and refuse bands that disagree", () => {
    const values: Record<string, number> = { "0-49": 10, "0-59": 10 };
    const cell = (l: string) => (l in values ? { id: l, value: values[l]! } : undefined);
    const r = ageBandRelations(
      [
        ["0-49", "50+"],
        ["0-59", "60+"],
      ],
      cell,
      "total",
      "Z",
    );
    expect(r.cells).toEqual([]);
    expect(r.relations.map(sorted).sort()).toEqual(["0-59 = 0-49", "total = 0-49"]);
    const wrong = (l: string) => ({ "0-49": { id: l, value: 10 }, "0-59": { id: l, value: 9 } })[l];
    expect(() =>
      ageBandRelations(
        [
          ["0-49", "50+"],
          ["0-59", "60+"],
        ],
        wrong,
        "total",
        "Z",
      ),
    ).toThrow(/two sets of age bands count 10 and 9 persons in all/);
  });
});
