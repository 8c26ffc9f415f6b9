// The release contract (release/format.ts) against the two releases that are written: one
// published from the synthetic sample by the writer (release/write-release.ts), and the
// server's hand-made fixture (server/test-support/fixture.ts). Each has exactly the contract's
// tables with its columns and types in order, every row parses with its table's row schema,
// and the manifest parses (the publisher's with the full schema, as written today).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { Database } from "../core/duckdb.ts";
import { CELL_TABLE, ManifestSchema, ReadableManifestSchema, RELEASE_TABLES, type Manifest } from "../release/format.ts";
import { fixtureRelease } from "../server/test-support/app.ts";
import { sampleRelease } from "./support/sample-release.ts";

/** The first few rows of each table that do not parse, with why: [] when the release follows the contract. */
async function contractProblems(dir: string): Promise<{ tables: string[]; problems: string[]; rows: Record<string, number> }> {
  const db = await Database.open(join(dir, "published.duckdb"), { readOnly: true, threads: 1 });
  const problems: string[] = [];
  const rows: Record<string, number> = {};
  try {
    const tables = (await db.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables ORDER BY 1")).map((t) => t.name);
    for (const table of RELEASE_TABLES) {
      const columns = await db.all<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = '${table.name}' ORDER BY ordinal_position`,
      );
      const expected = table.columns.map((c) => ({ name: c.name, type: c.sql }));
      if (JSON.stringify(columns) !== JSON.stringify(expected)) problems.push(`${table.name}: columns ${JSON.stringify(columns)}, expected ${JSON.stringify(expected)}`);
      const data = await db.all<Record<string, unknown>>(`SELECT * FROM ${table.name}`);
      rows[table.name] = data.length;
      let wrong = 0;
      for (const row of data) {
        const parsed = (table.row as z.ZodType).safeParse(row);
        if (parsed.success) continue;
        if (++wrong <= 3) problems.push(`${table.name}: ${JSON.stringify(row).slice(0, 300)}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      }
      if (wrong > 3) problems.push(`${table.name}: … ${wrong - 3} more rows that do not parse`);
    }
    return { tables, problems, rows };
  } finally {
    db.close();
  }
}

const manifestOf = (dir: string): unknown => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const TABLE_NAMES = RELEASE_TABLES.map((t) => t.name).sort();

describe("the release contract", () => {
  it("holds for a release published from the synthetic sample by the writer", async () => {
    const dir = await sampleRelease();
    const { tables, problems, rows } = await contractProblems(dir);
    expect(tables).toEqual(TABLE_NAMES);
    expect(problems).toEqual([]);
    // Not vacuous: every table has rows, hidden cells included.
    for (const name of TABLE_NAMES) expect(rows[name], name).toBeGreaterThan(0);
    const manifest = ManifestSchema.parse(manifestOf(dir));
    expect(manifest.audit.cellsPublished + manifest.audit.hiddenSmallCount + manifest.audit.hiddenComplementary + manifest.audit.hiddenDerived).toBe(rows.cell! + rows.period_cell!);
  }, 600_000);

  it("holds for the server's test fixture", async () => {
    const dir = await fixtureRelease();
    const { tables, problems, rows } = await contractProblems(dir);
    expect(tables).toEqual(TABLE_NAMES);
    expect(problems).toEqual([]);
    for (const name of TABLE_NAMES) expect(rows[name], name).toBeGreaterThan(0);
    const manifest = ManifestSchema.parse(manifestOf(dir));
    expect(manifest.audit.cellsPublished + manifest.audit.hiddenSmallCount).toBe(rows.cell);
  });

  it("refuses a hidden cell that carries a value, an unknown reason, a value of the wrong type", () => {
    const cell = { indicator_id: "x", year: 2024, level: "zone", system_code: "ZPL", area_code: "Z01", stratum: "total", stratum_value: "all", region_code: "02000" };
    const empty = Object.fromEntries(CELL_TABLE.names.map((n) => [n, null]));
    expect(CELL_TABLE.row.safeParse({ ...empty, ...cell, hidden: "suppressed" }).success).toBe(true);
    expect(CELL_TABLE.row.safeParse({ ...empty, ...cell, hidden: "suppressed", value: 3 }).success).toBe(false);
    expect(CELL_TABLE.row.safeParse({ ...empty, ...cell, hidden: "small-count" }).success).toBe(false);
    expect(CELL_TABLE.row.safeParse({ ...empty, ...cell, year: "2024", hidden: null }).success).toBe(false);
  });

  it("lets a reader take a release written before the later manifest fields", async () => {
    const full = manifestOf(await fixtureRelease()) as Manifest;
    const { notComputed: _n, title: _t, ...older } = full;
    const { municipalities: _m, professionalCounts: _p, ...disclosure } = full.disclosure;
    const { hiddenShare: _s, hiddenByIndicator: _b, ...audit } = full.audit;
    const old = { ...older, disclosure, audit };
    expect(ManifestSchema.safeParse(old).success).toBe(false);
    expect(ReadableManifestSchema.parse(old).releaseId).toBe(full.releaseId);
    const { audit: _a, ...broken } = old;
    expect(ReadableManifestSchema.safeParse(broken).success).toBe(false);
  });
});
