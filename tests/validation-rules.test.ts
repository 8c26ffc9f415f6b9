import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExtract } from "../etl/load/load-extract.ts";
import { INVALID, TINY, TODAY, tinyWith } from "./helpers.ts";

interface Expected {
  description: string;
  rule: string;
  file: string;
  line?: number;
  column?: string;
  remove?: string[];
}

describe("validation", () => {
  it("accepts the tiny extract without a single issue", async () => {
    const result = await loadExtract(TINY, { today: TODAY });
    expect(result.check.report.issues).toEqual([]);
    expect(result.batchId).not.toBeNull();
    expect(result.written).toBe(false);
  });

  // Each fixture is the tiny extract with one file changed: the report must name the rule,
  // the file, the line and the column, and nothing may be loaded.
  const fixtures = readdirSync(INVALID).sort();
  it("has a fixture for each rule family", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of fixtures) {
    const expected = JSON.parse(readFileSync(join(INVALID, name, "expected.json"), "utf8")) as Expected;
    it(`${name}: ${expected.description}`, async () => {
      const dir = tinyWith({ dir: join(INVALID, name), remove: expected.remove });
      const result = await loadExtract(dir, { today: TODAY });
      const report = result.check.report;
      expect(report.ok).toBe(false);
      expect(result.batchId).toBeNull();
      const match = report.issues.find(
        (i) =>
          i.severity === "error" &&
          i.rule === expected.rule &&
          i.file === expected.file &&
          (expected.line === undefined || i.line === expected.line) &&
          (expected.column === undefined || i.column === expected.column),
      );
      expect(match, `expected ${JSON.stringify(expected)} in:\n${report.format()}`).toBeDefined();
      expect(match!.message.length).toBeGreaterThan(10);
    });
  }

  it("suggests the intended name for a misspelt column", async () => {
    const result = await loadExtract(tinyWith({ dir: join(INVALID, "misspelt-column") }), { today: TODAY });
    const issue = result.check.report.issues.find((i) => i.rule === "header.missing-column");
    expect(issue?.message).toContain("birth_yaer");
  });

  it("never repeats a national register number in its report", async () => {
    const result = await loadExtract(tinyWith({ dir: join(INVALID, "national-register-number") }), { today: TODAY });
    const text = result.check.report.format();
    expect(text).toContain("identifier.national-register-number");
    expect(text).not.toContain("85073003328");
  });

  it("reports every problem of a file, not only the first", async () => {
    const population = readFileSync(join(TINY, "ima_population.csv"), "utf8").replaceAll(";M;", ";X;");
    const result = await loadExtract(tinyWith({ files: { "ima_population.csv": population } }), { today: TODAY });
    const lines = result.check.report.issues.filter((i) => i.rule === "value.enum").map((i) => i.line);
    expect(lines).toEqual([4, 5, 6, 11, 12, 13]);
  });

  it("accepts zone members split over two files, one without the optional sector column, and names the right file", async () => {
    const members = readFileSync(join(TINY, "geo_zone_members.csv"), "utf8").trim().split("\n");
    const bySector = [members[0], ...members.slice(1).filter((l) => !l.endsWith(","))].join("\n");
    const whole = [
      "zone_code,nis_code",
      ...members
        .slice(1)
        .filter((l) => l.endsWith(","))
        .map((l) => l.slice(0, -1)),
    ].join("\n");
    const clean = await loadExtract(tinyWith({ files: { "geo_zone_members.csv": `${bySector}\n`, "geo_zone_members_whole.csv": `${whole}\n` } }), { today: TODAY });
    expect(clean.check.report.issues).toEqual([]);

    const overlapping = await loadExtract(tinyWith({ files: { "geo_zone_members.csv": `${bySector}\n`, "geo_zone_members_whole.csv": `${whole}\nBXL-NORD,21015\n` } }), { today: TODAY });
    const issue = overlapping.check.report.issues.find((i) => i.rule === "geo.overlapping-zones");
    expect(issue).toMatchObject({ file: "geo_zone_members_whole.csv", line: 10 });
  });
});
