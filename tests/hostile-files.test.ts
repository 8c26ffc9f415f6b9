// Files that once crashed the checks with a message naming no file or rule: a TopoJSON arc
// index past the topology's arcs, a corrupt Parquet file; and a self-crossing ring (a warning).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExtract } from "../etl/load/load-extract.ts";
import { TINY, TODAY, tinyWith } from "./helpers.ts";

const issuesOf = async (dir: string) => (await loadExtract(dir, { today: TODAY })).check.report.issues;

describe("hostile files", () => {
  it("refuses a TopoJSON arc out of range by file and rule, without crashing", async () => {
    const topology = {
      type: "Topology",
      arcs: [
        [
          [4.288, 50.816],
          [4.328, 50.816],
          [4.328, 50.856],
          [4.288, 50.816],
        ],
      ],
      objects: { m: { type: "GeometryCollection", geometries: [{ type: "Polygon", arcs: [[0, 9]], properties: { level: "municipality", code: "21001" } }] } },
    };
    const dir = tinyWith({ remove: ["geo_boundaries.geojson"], files: { "geo_boundaries.topojson": JSON.stringify(topology) } });
    const issues = await issuesOf(dir);
    expect(issues.find((i) => i.rule === "boundaries.topojson-arcs")).toMatchObject({ severity: "error", file: "geo_boundaries.topojson", value: "9" });
  });

  it("refuses a corrupt Parquet file by name and rule, without crashing", async () => {
    const dir = tinyWith({ files: { "ima_pharmacy_2024.parquet": "PAR1 this is not parquet at all PAR1" } });
    const issues = await issuesOf(dir);
    const corrupt = issues.find((i) => i.rule === "file.corrupt-parquet");
    expect(corrupt).toMatchObject({ severity: "error", file: "ima_pharmacy_2024.parquet", line: 1 });
    // The private copy's path is not shown.
    expect(corrupt!.message).not.toMatch(/snapshot|\/tmp\//);
  });

  it("loads a ring crossing itself with a warning naming the area", async () => {
    const doc = JSON.parse(readFileSync(join(TINY, "geo_boundaries.geojson"), "utf8"));
    const ring = doc.features[0].geometry.coordinates[0] as number[][];
    [ring[1], ring[2]] = [ring[2]!, ring[1]!];
    const result = await loadExtract(tinyWith({ files: { "geo_boundaries.geojson": JSON.stringify(doc) } }), { today: TODAY });
    expect(result.check.report.ok).toBe(true);
    const warning = result.check.report.issues.find((i) => i.rule === "boundaries.self-crossing");
    expect(warning).toMatchObject({ severity: "warning", file: "geo_boundaries.geojson", column: "features[0]" });
    expect(warning!.message).toMatch(/^municipality 21001: ring 1 crosses itself/);
  });
});
