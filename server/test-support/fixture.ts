// A small but complete release for the server's tests, written by hand from the release
// contract (release/format.ts: its tables, columns and manifest); larger ones (more
// municipalities, zones, indicators) for benchmarks. tests/release-format.test.ts checks that it
// parses as the contract says.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { appendRows, type Columns } from "../../core/append-rows.ts";
import {
  AREA_TABLE,
  BOUNDARY_TABLE,
  CELL_TABLE,
  INDICATOR_TABLE,
  PERIOD_CELL_TABLE,
  RELEASE_FORMAT,
  RELEASE_TABLES,
  ZONE_MEMBER_TABLE,
  ZONE_SYSTEM_TABLE,
  type IndicatorRow,
  type Manifest,
  type SqlType,
} from "../../release/format.ts";
import { indicatorCells, indicatorSpecs, type IndicatorSpec } from "./fixture-cells.ts";
import { fixtureGeography } from "./fixture-geography.ts";
import { PERIOD_INDICATOR, periodCells } from "./fixture-periods.ts";

export { FIXTURE_INDICATORS, HIDDEN_CASES } from "./fixture-cells.ts";
export { SYSTEM as FIXTURE_SYSTEM } from "./fixture-geography.ts";
export { PERIOD_HIDDEN_CASES, PERIOD_INDICATOR } from "./fixture-periods.ts";

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

/** Appends rows to one of the contract's tables, in its column order. */
async function append<T>(connection: DuckDBConnection, table: { name: string; columns: readonly { name: keyof T & string; sql: SqlType }[] }, rows: Iterable<T>): Promise<void> {
  const appender = await connection.createAppender(table.name);
  appendRows(appender, table.columns.map((c) => [c.name, c.sql] as const) as Columns<T>, rows);
  appender.closeSync();
}

function indicatorRow(s: IndicatorSpec): IndicatorRow {
  const metadata = {
    title: s.title,
    "short-description": { en: `${s.title.en}, by area and year.`, fr: `${s.title.fr}, par zone et par année.` },
    definition: { en: `Definition of ${s.title.en}.` },
    source: { en: "Synthetic fixture." },
  };
  const { id, version, aim, type, statistic, unit, polarity, strata, levels } = s;
  return {
    id,
    version,
    aim,
    type,
    statistic,
    unit,
    polarity,
    strata,
    levels,
    metadata: JSON.stringify(metadata),
    targets: polarity === "high-is-good" ? JSON.stringify({ value: 80 }) : null,
    sub_annual: id === PERIOD_INDICATOR ? "quarter" : null,
  };
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
  const byIndicator: { id: string; cells: number; primary: number; secondary: number; derived: number; share: number }[] = [];
  try {
    for (const table of RELEASE_TABLES) await connection.run(table.createSql);
    await append(connection, INDICATOR_TABLE, specs.map(indicatorRow));
    await append(connection, AREA_TABLE, geo.areas);
    await append(connection, ZONE_SYSTEM_TABLE, geo.systems);
    await append(connection, ZONE_MEMBER_TABLE, geo.members);
    await append(connection, BOUNDARY_TABLE, geo.boundaries);
    for (const spec of specs) {
      const cells = indicatorCells(spec, geo, years, options.shift ?? 0);
      await append(connection, CELL_TABLE, cells);
      if (spec.id === PERIOD_INDICATOR) await append(connection, PERIOD_CELL_TABLE, periodCells(cells, options.shift ?? 0));
      const hidden = cells.filter((c) => c.hidden).length;
      counts.suppressed += hidden;
      counts.published += cells.length - hidden;
      byIndicator.push({ id: spec.id, cells: cells.length, primary: hidden, secondary: 0, derived: 0, share: hidden / Math.max(1, cells.length) });
    }
    await connection.run("CHECKPOINT");
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const manifest: Manifest = {
    format: RELEASE_FORMAT,
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
    notComputed: [],
    disclosure: {
      minCount: 5,
      protectionWidth: 5,
      publishZeros: true,
      municipalities: true,
      municipalityStrata: true,
      previousRelease: null,
      rules: ["counts from 1 to 4 are hidden", "complementary cells protect them to a width of 5"],
      professionalCounts: [],
    },
    audit: {
      passed: true,
      problems: specs.length,
      cellsPublished: counts.published,
      hiddenSmallCount: counts.suppressed,
      hiddenComplementary: 0,
      hiddenDerived: 0,
      hiddenShare: counts.suppressed / Math.max(1, counts.published + counts.suppressed),
      hiddenByIndicator: byIndicator,
      narrowestInterval: 5,
      lpSolves: 0,
      seconds: 0.1,
    },
  };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
