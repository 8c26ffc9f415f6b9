// Impossible life courses: alive after one's death is an error; a care event after death is a
// warning (claims are sometimes dated after a death), loaded but counted and located.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExtract } from "../etl/load/load-extract.ts";
import { TINY, TODAY, temporaryDirectory, tinyWith } from "./helpers.ts";

describe("life courses", () => {
  it("warns about a pharmacy delivery after the person's death, naming file and line, and still loads", async () => {
    const pharmacy = readFileSync(join(TINY, "ima_pharmacy.csv"), "utf8");
    const text = `${pharmacy.endsWith("\n") ? pharmacy : `${pharmacy}\n`}p000000000000003|2023-07-01|9900021|C10AA05|84|6.10|1\n`;
    const dir = tinyWith({ files: { "ima_pharmacy.csv": text } });
    const result = await loadExtract(dir, { warehouse: join(temporaryDirectory(), "w.duckdb"), today: TODAY });
    expect(result.written).toBe(true);
    const warning = result.check.report.issues.find((i) => i.rule === "event.after-death");
    expect(warning).toMatchObject({ severity: "warning", file: "ima_pharmacy.csv", line: text.trimEnd().split("\n").length, column: "person_id" });
    expect(warning!.message).toContain("p000000000000003 / 2023-07-01");
  });

  it("says nothing about the tiny extract, whose one death is followed by no event", async () => {
    const result = await loadExtract(TINY, { today: TODAY });
    expect(result.check.report.issues.filter((i) => /death/.test(i.rule))).toEqual([]);
  });
});
