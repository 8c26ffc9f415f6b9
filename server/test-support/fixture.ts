// A small but complete release written by hand, exactly in the layout of docs/release-format.md,
// for the server's tests; larger ones (more municipalities, zones, indicators) for benchmarks.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, INTEGER, LIST, listValue, VARCHAR, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import { CELL_COLUMNS } from "../cells.ts";
import type { Manifest } from "../manifest.ts";
import { indicatorCells, indicatorSpecs } from "./fixture-cells.ts";
import { fixtureGeography } from "./fixture-geography.ts";

export { FIXTURE_INDICATORS, HIDDEN_CASES } from "./fixture-cells.ts";
export { SYSTEM as FIXTURE_SYSTEM } from "./fixture-geography.ts";

export interface FixtureOptions {
  releaseId?: string;
  /** Added to every value, so that two fixture releases differ in their numbers too. */
  shift?: number;
  municipalities?: number;
  zones?: number;
  indicators?: number;
  firstYear?: number;
  lastYear?: number;
}

const SCHEMA = `
CREATE TABLE indicator (id VARCHAR, version INTEGER, aim VARCHAR, type VARCHAR, statistic VARCHAR, unit VARCHAR, polarity VARCHAR, strata VARCHAR[], levels VARCHAR[], metadata JSON, targets JSON);
CREATE TABLE area (level VARCHAR, system_code VARCHAR, area_code VARCHAR, name_fr VARCHAR, name_nl VARCHAR, name_de VARCHAR, name_en VARCHAR, region_code VARCHAR, province_code VARCHAR);
CREATE TABLE zone_system (system_code VARCHAR, name_fr VARCHAR, name_nl VARCHAR, name_de VARCHAR, name_en VARCHAR, region_code VARCHAR);
CREATE TABLE zone_member (system_code VARCHAR, zone_code VARCHAR, nis_code VARCHAR, sector_code VARCHAR);
CREATE TABLE boundary (level VARCHAR, system_code VARCHAR, area_code VARCHAR, geometry VARCHAR);
CREATE TABLE cell (${CELL_COLUMNS.map((c) => `${c.name} ${c.sql}`).join(", ")});`;

function appendRow(appender: DuckDBAppender, values: unknown[]): void {
  for (const v of values) {
    if (v === null || v === undefined) appender.appendNull();
    else if (typeof v === "boolean") appender.appendBoolean(v);
    else if (typeof v === "number") appender.appendDouble(v);
    else appender.appendVarchar(String(v));
  }
  appender.endRow();
}

async function appendAll(connection: DuckDBConnection, table: string, rows: unknown[][]): Promise<void> {
  const appender = await connection.createAppender(table);
  for (const row of rows) appendRow(appender, row);
  appender.closeSync();
}

/** Writes `published.duckdb` and `manifest.json` into `dir` (replacing them); returns the manifest. */
export async function writeFixtureRelease(dir: string, options: FixtureOptions = {}): Promise<Manifest> {
  const firstYear = options.firstYear ?? 2020;
  const lastYear = options.lastYear ?? 2024;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const geo = fixtureGeography(options.municipalities ?? 8, options.zones ?? 6);
  const specs = indicatorSpecs(options.indicators ?? 3);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "published.duckdb");
  rmSync(file, { force: true });
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  const counts = { published: 0, suppressed: 0 };
  try {
    await connection.run(SCHEMA);
    for (const s of specs) {
      const metadata = { title: s.title, "short-description": { en: `${s.title.en}, by area and year.`, fr: `${s.title.fr}, par zone et par année.` }, definition: { en: `Definition of ${s.title.en}.` }, source: { en: "Synthetic fixture." } };
      await connection.run("INSERT INTO indicator VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", [
        s.id, s.version, s.aim, s.type, s.statistic, s.unit, s.polarity, listValue(s.strata), listValue(s.levels), JSON.stringify(metadata), s.polarity === "high-is-good" ? JSON.stringify({ value: 80 }) : null,
      ], [VARCHAR, INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, LIST(VARCHAR), LIST(VARCHAR), VARCHAR, VARCHAR]);
    }
    await appendAll(connection, "area", geo.areas.map((a) => [a.level, a.system_code, a.area_code, a.name_fr, a.name_nl, a.name_de, a.name_en, a.region_code, a.province_code]));
    await appendAll(connection, "zone_system", geo.systems.map((s) => [s.system_code, s.name_fr, s.name_nl, s.name_de, s.name_en, s.region_code]));
    await appendAll(connection, "zone_member", geo.members.map((m) => [m.system_code, m.zone_code, m.nis_code, m.sector_code]));
    await appendAll(connection, "boundary", geo.boundaries.map((b) => [b.level, b.system_code, b.area_code, b.geometry]));
    const appender = await connection.createAppender("cell");
    for (const spec of specs) {
      for (const cell of indicatorCells(spec, geo, years, options.shift ?? 0)) {
        for (const c of CELL_COLUMNS) {
          const v = cell[c.name];
          if (v === null) appender.appendNull();
          else if (c.sql === "INTEGER") appender.appendInteger(v as number);
          else if (c.sql === "TINYINT") appender.appendTinyInt(v as number);
          else if (c.sql === "DOUBLE") appender.appendDouble(v as number);
          else if (c.sql === "BOOLEAN") appender.appendBoolean(v as boolean);
          else appender.appendVarchar(v as string);
        }
        appender.endRow();
        counts[cell.hidden ?? "published"]++;
      }
    }
    appender.closeSync();
    await connection.run("CHECKPOINT");
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const manifest: Manifest = {
    format: "boussole-release/1",
    releaseId: options.releaseId ?? "fixture0000000a1",
    createdAt: "2026-11-23T14:00:00.000Z",
    synthetic: true,
    producer: "Boussole test fixture",
    years: [firstYear, lastYear],
    batches: [
      { batchId: "batch-1", producer: "Boussole test fixture", synthetic: true, finishedAt: "2026-11-20T09:00:00.000Z" },
      { batchId: "batch-2", producer: "Boussole test fixture", synthetic: true, finishedAt: "2026-11-22T09:30:00.000Z" },
    ],
    indicators: specs.map((s) => ({ id: s.id, version: s.version })),
    disclosure: { minCount: 5, protectionWidth: 5, publishZeros: true, rules: ["counts from 1 to 4 are hidden", "complementary cells protect them to a width of 5"] },
    audit: { passed: true, cellsPublished: counts.published, hiddenSmallCount: counts.suppressed, hiddenComplementary: 0, hiddenDerived: 0, narrowestInterval: 5, seconds: 0.1 },
  };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
