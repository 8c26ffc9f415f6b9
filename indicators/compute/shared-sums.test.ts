/**
 * Columns of the compiled query shared by several definitions (the same population, the same
 * status) are summed once: on the tiny extract, every definition of indicators/definitions
 * computed together gives exactly the cells it gives computed alone, with fewer sums.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { ROOT } from "../../tests/helpers.ts";
import { tinyWarehouse } from "../../tests/indicator-helpers.ts";
import { loadDefinitions } from "../definition/load.ts";
import { compile } from "./compile.ts";
import { computeIndicators } from "./compute.ts";
import { SharedSums } from "./shared-sums.ts";

describe("SharedSums", () => {
  it("sums an expression once, under the first column's name", () => {
    const sums = new SharedSums();
    expect(sums.add("d0", "CASE WHEN true THEN 1 ELSE 0 END", false)).toBe("d0");
    expect(sums.add("d1", "CASE WHEN age >= 65 THEN 1 ELSE 0 END", false)).toBe("d1");
    expect(sums.add("d2", "CASE WHEN true THEN 1 ELSE 0 END", false)).toBe("d0");
    expect(sums.summed("d2")).toBe("d0");
    expect(sums.sumOf("d0")).toBe("CAST(sum(d0) AS BIGINT) AS d0");
    // Read under another name: it has no sum of its own.
    expect(() => sums.sumOf("d2")).toThrow(/not summed under its own name/);
  });

  it("keeps an exact sum (Σx of a mean) apart from a count of the same expression", () => {
    const sums = new SharedSums();
    sums.add("n0", "x", false);
    expect(sums.add("n1", "x", true)).toBe("n1");
    expect(sums.sumOf("n1")).toBe("sum(n1) AS n1");
  });

  it("refuses a column registered twice and an unknown one", () => {
    const sums = new SharedSums();
    sums.add("d0", "1", false);
    expect(() => sums.add("d0", "2", false)).toThrow(/registered twice/);
    expect(() => sums.summed("d9")).toThrow(/unknown column d9/);
  });
});

describe("the definitions computed together", () => {
  const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));
  let warehouse: string;
  beforeAll(async () => {
    warehouse = await tinyWarehouse();
  });

  it("sum fewer columns than they have", () => {
    const sql = compile(definitions).sql;
    const unitCell = sql.split("unit_cell AS (")[1]!.split("FROM flags")[0]!;
    const flags = sql.split("flags AS (")[1]!.split("unit_cell AS (")[0]!;
    const flagColumns = (flags.match(/ AS [dnsp]\d+(_\d+)?\b/g) ?? []).length;
    const sums = (unitCell.match(/sum\(/g) ?? []).length;
    expect(sums).toBeGreaterThan(0);
    expect(sums).toBeLessThan(flagColumns);
  });

  it("give every definition the cells it has computed alone", async () => {
    const together = await computeIndicators(warehouse, definitions);
    const key = (c: { indicator_id: string; year: number; level: string; system_code: string | null; area_code: string; stratum: string; stratum_value: string }) =>
      `${c.indicator_id}|${c.year}|${c.level}|${c.system_code}|${c.area_code}|${c.stratum}|${c.stratum_value}`;
    const counts = new Map(together.cells.map((c) => [key(c), [c.numerator, c.denominator, c.value]]));
    // Alone: the person-based definitions the shared sums are about (a ratio needs its measures).
    const alone = definitions.filter((d) => d.sql === undefined && d["ratio-of"] === undefined && d["zone-value"] === undefined);
    expect(alone.length).toBeGreaterThan(20);
    let compared = 0;
    for (const def of alone) {
      const own = await computeIndicators(warehouse, [def]);
      for (const c of own.cells) {
        expect(counts.get(key(c)), key(c)).toEqual([c.numerator, c.denominator, c.value]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
