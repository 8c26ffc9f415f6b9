/**
 * A release end to end on the tiny extract: publish, the files, the guarantees a server relies
 * on, and an independent re-audit that catches a tampered release.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../core/duckdb.ts";
import { loadDefinitions } from "../indicators/definition/load.ts";
import { auditReleaseDir } from "../release/audit-release.ts";
import type { Manifest } from "../release/manifest.ts";
import { publish } from "../release/publish.ts";
import { internalDir } from "../release/write-release.ts";
import { ROOT, temporaryDirectory } from "./helpers.ts";
import { tinyWarehouse } from "./indicator-helpers.ts";
import { cpSync } from "node:fs";

let warehouse: string;
let out: string;
let manifest: Manifest;
const { definitions } = loadDefinitions(join(ROOT, "indicators", "definitions"));

beforeAll(async () => {
  warehouse = await tinyWarehouse();
  out = join(temporaryDirectory(), "release");
  manifest = await publish(definitions, { warehouse, out });
});

async function query<T>(dir: string, sql: string): Promise<T[]> {
  const db = await Database.open(join(dir, "published.duckdb"), { readOnly: true });
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}

describe("publish", () => {
  it("writes the two files of a release, and nothing else beside them", () => {
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "published.duckdb"]);
    // The disclosure model names the primary cells: it stays beside the release, not in it.
    expect(readdirSync(internalDir(out))).toEqual(["disclosure.duckdb"]);
    expect(readdirSync(join(out, "..")).filter((n) => n.includes("partial") || n.includes("previous"))).toEqual([]);
    const onDisk = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    expect(onDisk.releaseId).toMatch(/^[0-9a-f]{16}$/);
    expect(onDisk).toMatchObject({ format: "boussole-release/1", synthetic: false, years: [2023, 2024] });
    // The tiny extract has no PaRIS survey row, and its two years cannot fill cervical-cancer
    // screening's three-year window: both are left out and listed, not published empty or truncated.
    expect(onDisk.indicators.map((i) => i.id).sort()).toEqual(
      definitions
        .map((d) => d.id)
        .filter((id) => id !== "paris-experience-score" && id !== "cervical-cancer-screening")
        .sort(),
    );
    expect(onDisk.notComputed?.filter((n) => n.year === null)).toEqual([
      { id: "paris-experience-score", year: null, reason: "no source data in any year: zone_prem (survey PaRIS) has no rows for 2023, 2024" },
      {
        id: "cervical-cancer-screening",
        year: null,
        reason:
          "no year with source data over its whole look-back window (2023, 2024): the 3-year window 2021–2023 starts before the first year of health_service data (2023); the 3-year window 2022–2024 starts before the first year of health_service data (2023)",
      },
    ]);
    // Breast-cancer screening (two years) keeps 2024 only; its equity ratio follows.
    expect(
      onDisk.notComputed
        ?.filter((n) => n.year === 2023 && n.reason.includes("window"))
        .map((n) => n.id)
        .sort(),
    ).toEqual(["breast-cancer-screening", "breast-cancer-screening-bim", "breast-cancer-screening-bim-ratio", "breast-cancer-screening-non-bim"]);
    expect(onDisk.disclosure).toMatchObject({ minCount: 5, protectionWidth: 5, publishZeros: true });
    expect(onDisk.audit.passed).toBe(true);
    expect(onDisk.batches[0]!.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("publishes no count from 1 to 4 anywhere, and no number on a hidden cell", async () => {
    // Counts of persons and events: numerators of counted statistics, every denominator, and
    // a proportion's denominator minus numerator.
    const small = await query<{ n: number }>(
      out,
      `
      SELECT count(*) AS n FROM cell JOIN indicator i ON i.id = cell.indicator_id
      WHERE hidden IS NULL AND (
        -- Zone supply (crude rates at zone level only) divides staff, not persons: not a count.
        ((i.statistic IN ('proportion', 'directly-standardised-rate', 'indirectly-standardised-ratio') OR (i.statistic = 'crude-rate' AND i.levels <> ['zone'])) AND numerator BETWEEN 1 AND 4)
        OR denominator BETWEEN 1 AND 4
        OR (i.statistic = 'proportion' AND denominator - numerator BETWEEN 1 AND 4))`,
    );
    expect(small[0]!.n).toBe(0);
    const leaks = await query<{ n: number }>(
      out,
      `SELECT count(*) AS n FROM cell WHERE hidden IS NOT NULL AND (value IS NOT NULL OR numerator IS NOT NULL OR denominator IS NOT NULL OR lower95 IS NOT NULL OR compared_belgium IS NOT NULL OR trend IS NOT NULL OR quintile IS NOT NULL)`,
    );
    expect(leaks[0]!.n).toBe(0);
    // The tiny extract has 8 persons: nearly everything is hidden, and said so.
    // One public reason: which hidden cells were small counts stays with the publisher.
    const reasons = await query<{ hidden: string | null; n: number }>(out, `SELECT hidden, count(*) AS n FROM cell GROUP BY ALL ORDER BY ALL`);
    expect(reasons.map((r) => r.hidden)).toEqual(["suppressed", null]);
    // Sub-annual values (emergency-visits' quarters) obey the same rules and are counted with the cells.
    const periods = await query<{ hidden: number; small: number; leaks: number }>(
      out,
      `SELECT count(*) FILTER (WHERE hidden IS NOT NULL) AS hidden,
              count(*) FILTER (WHERE hidden IS NULL AND numerator > 0 AND numerator < 5) AS small,
              count(*) FILTER (WHERE hidden IS NOT NULL AND (numerator IS NOT NULL OR denominator IS NOT NULL OR value IS NOT NULL)) AS leaks
       FROM period_cell`,
    );
    expect(periods[0]!.small).toBe(0);
    expect(periods[0]!.leaks).toBe(0);
    const hidden = reasons.find((r) => r.hidden === "suppressed")!.n + periods[0]!.hidden;
    const a = manifest.audit;
    expect(a.hiddenSmallCount).toBeGreaterThan(1000);
    expect(a.hiddenSmallCount + a.hiddenComplementary + a.hiddenDerived).toBe(hidden);
    expect(a.hiddenShare).toBeCloseTo(hidden / (hidden + a.cellsPublished), 3);
    expect(a.hiddenByIndicator.reduce((n, r) => n + r.primary + r.secondary + r.derived, 0)).toBe(hidden);
    expect(manifest.disclosure.professionalCounts.sort()).toEqual(["case-managers-per-10000", "gp-fte-per-10000", "gp-headcount-per-10000"]);
  });

  it("holds the documented tables only", async () => {
    const tables = await query<{ name: string }>(out, `SELECT table_name AS name FROM information_schema.tables ORDER BY 1`);
    expect(tables.map((t) => t.name)).toEqual(["area", "boundary", "cell", "indicator", "period_cell", "zone_member", "zone_system"]);
  });

  it("carries the geography, the indicator metadata in four languages, and no sector", async () => {
    const levels = await query<{ level: string; n: number }>(out, `SELECT level, count(*) AS n FROM area GROUP BY ALL ORDER BY level`);
    expect(levels.map((l) => l.level)).toEqual(["belgium", "municipality", "province", "region", "zone"]);
    expect((await query<{ n: number }>(out, `SELECT count(*) AS n FROM cell WHERE level = 'sector'`))[0]!.n).toBe(0);
    const [gmd] = await query<{ metadata: string }>(out, `SELECT CAST(metadata AS VARCHAR) AS metadata FROM indicator WHERE id = 'gmd-coverage'`);
    const meta = JSON.parse(gmd!.metadata) as { title: Record<string, string> };
    expect(Object.keys(meta.title).sort()).toEqual(["de", "en", "fr", "nl"]);
    const zones = await query<{ n: number }>(out, `SELECT count(*) AS n FROM boundary WHERE level = 'zone'`);
    expect(zones[0]!.n).toBeGreaterThan(0);
  });

  it("gives the same release id for the same data", async () => {
    const again = await publish(definitions, { warehouse, out: join(temporaryDirectory(), "again") });
    expect(again.releaseId).toBe(manifest.releaseId);
  });

  it("leaves the previous release whole when publishing fails", async () => {
    const before = readFileSync(join(out, "manifest.json"), "utf8");
    await expect(publish(definitions, { warehouse: join(temporaryDirectory(), "missing.duckdb"), out })).rejects.toThrow();
    expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe(before);
    expect(existsSync(join(out, "published.duckdb"))).toBe(true);
  });
});

describe("audit", () => {
  it("passes the release as written", async () => {
    const r = await auditReleaseDir(out);
    expect(r.failures).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.attackedCells).toBeGreaterThan(0);
  });

  it("catches a tampered release: a small count published, a hidden cell with a value", async () => {
    const copy = join(temporaryDirectory(), "tampered");
    cpSync(out, copy, { recursive: true });
    cpSync(internalDir(out), internalDir(copy), { recursive: true });
    const db = await Database.open(join(copy, "published.duckdb"));
    try {
      await db.run(`ATTACH '${join(internalDir(copy), "disclosure.duckdb")}' AS internal`);
      await db.run(`UPDATE internal.sdc_cell SET value = 3 WHERE id = (SELECT min(id) FROM internal.sdc_cell WHERE is_primary)`);
      await db.run(`UPDATE cell SET value = 42 WHERE rowid = (SELECT min(rowid) FROM cell WHERE hidden IS NOT NULL)`);
    } finally {
      db.close();
    }
    const r = await auditReleaseDir(copy);
    expect(r.passed).toBe(false);
    expect(r.failures.join("\n")).toMatch(/published count 3 below (5|20)/);
    expect(r.failures.join("\n")).toMatch(/1 hidden cell\(s\) carry a number/);
  });
});
