import { describe, expect, it } from "vitest";
import { loadExtract } from "../etl/load/load-extract.ts";
import { TODAY, tinyWith } from "./helpers.ts";

/** A hand-made TopoJSON: two municipalities sharing one arc, quantised to a small grid. */
const topology = {
  type: "Topology",
  transform: { scale: [0.01, 0.01], translate: [4.3, 50.8] },
  objects: {
    municipalities: {
      type: "GeometryCollection",
      geometries: [
        { type: "Polygon", arcs: [[0, 1]], properties: { level: "municipality", code: "21001" } },
        { type: "Polygon", arcs: [[2, -1]], properties: { level: "municipality", code: "21004" } },
      ],
    },
  },
  arcs: [
    [
      [5, 0],
      [0, 5],
    ],
    [
      [5, 5],
      [-5, 0],
      [0, -5],
      [5, 0],
    ],
    [
      [5, 0],
      [5, 0],
      [0, 5],
      [-5, 0],
    ],
  ],
};

describe("boundaries", () => {
  it("reads TopoJSON as well as GeoJSON, and warns about municipalities left undrawn", async () => {
    const dir = tinyWith({ remove: ["geo_boundaries.geojson"], files: { "geo_boundaries.topojson": JSON.stringify(topology) } });
    const result = await loadExtract(dir, { today: TODAY });
    const report = result.check.report;
    expect(report.ok).toBe(true);
    expect(result.check.boundaries?.features.map((f) => [f.level, f.code, f.geometry.type])).toEqual([
      ["municipality", "21001", "Polygon"],
      ["municipality", "21004", "Polygon"],
    ]);
    const ring = (result.check.boundaries?.features[0]?.geometry.coordinates as number[][][])[0] as number[][];
    expect(ring[0]).toEqual([4.35, 50.8]);
    expect(report.issues.find((i) => i.rule === "boundaries.missing")?.message).toMatch(/^4 municipality/);
  });
});
