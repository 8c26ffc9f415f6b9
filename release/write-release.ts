/**
 * Writes a release directory: `published.duckdb` and `manifest.json` (docs/release-format.md),
 * built in a temporary directory beside the target and renamed into place, so a server that
 * re-reads the directory never sees half a release. The release id is a hash of the content,
 * so two runs on the same data give the same id.
 *
 * The disclosure model (which cells are counts, their relations, which were primary) is the
 * publisher's internal state: it goes to `<out>.internal/disclosure.duckdb`, a sibling
 * directory that is never served nor copied with the release, since it says which hidden
 * cells were small counts.
 */
import { createHash } from "node:crypto";
import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { z } from "zod";
import { LANGUAGES } from "../core/languages.ts";
import { Database } from "../core/duckdb.ts";
import { createAndAppend, type ColumnType, type Columns } from "../core/append-rows.ts";
import type { SdcRelation } from "../disclosure/index.ts";
import type { Definition } from "../indicators/definition/schema.ts";
import type { PublishedCell } from "./apply-disclosure.ts";
import type { PublishedPeriodCell } from "./apply-period-disclosure.ts";
import {
  AREA_TABLE,
  BOUNDARY_TABLE,
  CELL_TABLE,
  INDICATOR_TABLE,
  PERIOD_CELL_TABLE,
  INDICATOR_TEXTS,
  ManifestSchema,
  RELEASE_FILES,
  ZONE_MEMBER_TABLE,
  ZONE_SYSTEM_TABLE,
  type AreaRow,
  type BoundaryRow,
  type IndicatorRow,
  type Manifest,
  type ZoneMemberRow,
  type ZoneSystemRow,
} from "./format.ts";
import type { ReleaseGeography } from "./geography.ts";

/**
 * The contract's columns of a table as the appender takes them; the compiler checks that rows
 * of type T have every column.
 */
function columnsOf<T>(table: { columns: readonly { name: keyof T & string; sql: ColumnType }[] }): Columns<T> {
  return table.columns.map((c) => [c.name, c.sql] as const);
}

/** The cell columns in the contract's order (also the order the content hash reads them in). */
export const CELL_COLUMNS: Columns<PublishedCell> = columnsOf<PublishedCell>(CELL_TABLE);
const PERIOD_CELL_COLUMNS: Columns<PublishedPeriodCell> = columnsOf<PublishedPeriodCell>(PERIOD_CELL_TABLE);
/** An indicator row as the definitions give it: strata and levels are read off the cells once they are written. */
type DefinitionRow = Omit<IndicatorRow, "strata" | "levels">;
const INDICATOR_COLUMNS: Columns<Partial<IndicatorRow>> = columnsOf<IndicatorRow>(INDICATOR_TABLE);
/** The disclosure model for a trusted re-auditor (`boussole audit`), kept out of the release: it names the primary cells. */
export interface SdcCellRow {
  problem: string;
  id: string;
  publishable: boolean;
  known: boolean;
  value: number | null;
  is_primary: boolean;
}
const SDC_CELL_COLUMNS: Columns<SdcCellRow> = [
  ["problem", "VARCHAR"],
  ["id", "VARCHAR"],
  ["publishable", "BOOLEAN"],
  ["known", "BOOLEAN"],
  ["value", "DOUBLE"],
  ["is_primary", "BOOLEAN"],
];

/** Metadata in the four languages; a text missing in one language falls back to English. */
export function indicatorRow(def: Definition): DefinitionRow {
  const metadata: Record<string, Record<string, string> | null> = {};
  for (const key of INDICATOR_TEXTS) {
    const text = def[key] as Partial<Record<(typeof LANGUAGES)[number], string>> | undefined;
    metadata[key] = text ? Object.fromEntries(LANGUAGES.map((l) => [l, (text[l] ?? text.en ?? "").trim()])) : null;
  }
  return {
    id: def.id,
    version: def.version,
    aim: def.aim,
    type: def.type,
    statistic: def.statistic,
    unit: def.unit,
    polarity: def.polarity,
    metadata: JSON.stringify(metadata),
    targets: def.targets ? JSON.stringify(def.targets) : null,
    sub_annual: def["sub-annual"] ?? null,
  };
}

export interface ReleaseContent {
  defs: readonly Definition[];
  cells: readonly PublishedCell[];
  /** Sub-annual values (`period_cell`), after disclosure control; none when no definition asks for them. */
  periodCells?: readonly PublishedPeriodCell[];
  geography: ReleaseGeography;
  sdc: { cells: SdcCellRow[]; relations: (SdcRelation & { problem: string })[] };
}

/** A hash of everything published, independent of write order and time. */
export function contentHash(content: ReleaseContent): string {
  const hash = createHash("sha256");
  const feed = (rows: readonly unknown[]) => {
    for (const line of rows.map((r) => JSON.stringify(r)).sort()) hash.update(line).update("\n");
  };
  feed(content.defs.map(indicatorRow));
  feed(content.cells.map((c) => CELL_COLUMNS.map(([n]) => c[n] ?? null)));
  feed((content.periodCells ?? []).map((c) => PERIOD_CELL_COLUMNS.map(([n]) => c[n] ?? null)));
  feed(content.geography.areas);
  feed(content.geography.members);
  feed(content.geography.boundaries);
  return hash.digest("hex").slice(0, 16);
}

/**
 * The model's relations, parts as lists: ~6·10⁵ rows. Appending lists value by value took
 * 11 s of the demo's publish; parts are appended as one string and split by DuckDB instead.
 */
async function appendRelations(db: Database, relations: readonly (SdcRelation & { problem: string })[]): Promise<void> {
  const SEPARATOR = "\u001f"; // ASCII unit separator: never in a cell id (checked)
  await db.run(`CREATE TABLE sdc_relation_text (problem VARCHAR, total VARCHAR, parts VARCHAR)`);
  const appender = await db.connection.createAppender("sdc_relation_text");
  for (const r of relations) {
    const parts = r.parts.join(SEPARATOR);
    if (r.total.includes(SEPARATOR) || parts.split(SEPARATOR).length !== r.parts.length) throw new Error(`a disclosure cell id holds the character U+001F: ${r.total}`);
    appender.appendVarchar(r.problem);
    appender.appendVarchar(r.total);
    appender.appendVarchar(parts);
    appender.endRow();
  }
  appender.closeSync();
  await db.run(`CREATE TABLE sdc_relation AS SELECT problem, total, string_split(parts, chr(31)) AS parts FROM sdc_relation_text`);
  await db.run(`DROP TABLE sdc_relation_text`);
}

/** Internal state of the publisher, beside (never inside) the release directory. */
export const internalDir = (releaseDir: string) => `${resolve(releaseDir)}.internal`;

async function writeInternal(target: string, content: ReleaseContent, releaseId: string): Promise<void> {
  const dir = internalDir(target);
  await mkdir(dir, { recursive: true });
  const file = join(dir, "disclosure.duckdb");
  const partial = `${file}.partial-${process.pid}`;
  await rm(partial, { force: true });
  const db = await Database.open(partial);
  try {
    // Which release this state belongs to (a content hash: hex digits only).
    await db.run(`CREATE TABLE meta AS SELECT '${releaseId.replace(/[^0-9a-zA-Z]/g, "")}' AS release_id`);
    await createAndAppend(db, "sdc_cell", SDC_CELL_COLUMNS, content.sdc.cells);
    await appendRelations(db, content.sdc.relations);
    await db.run("CHECKPOINT");
  } finally {
    db.close();
  }
  await rename(partial, file);
}

export async function writeRelease(outDir: string, content: ReleaseContent, manifest: Manifest): Promise<void> {
  // Written as given (key order kept; a non-finite number becomes null, as JSON has it), once
  // that text is known to parse as the contract's manifest.
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const checked = ManifestSchema.safeParse(JSON.parse(manifestText));
  if (!checked.success) throw new Error(`the manifest does not follow release/format.ts: ${z.prettifyError(checked.error)}`);
  const target = resolve(outDir);
  await mkdir(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
  await mkdir(temporary);
  try {
    const db = await Database.open(join(temporary, "published.duckdb"));
    try {
      // Strata and levels (NULL until then) are lists read off the cells themselves, below.
      await createAndAppend<Partial<IndicatorRow>>(db, INDICATOR_TABLE.name, INDICATOR_COLUMNS, content.defs.map(indicatorRow));
      await createAndAppend(db, AREA_TABLE.name, columnsOf<AreaRow>(AREA_TABLE), content.geography.areas);
      await createAndAppend(db, ZONE_SYSTEM_TABLE.name, columnsOf<ZoneSystemRow>(ZONE_SYSTEM_TABLE), content.geography.systems);
      await createAndAppend(db, ZONE_MEMBER_TABLE.name, columnsOf<ZoneMemberRow>(ZONE_MEMBER_TABLE), content.geography.members);
      await createAndAppend(db, BOUNDARY_TABLE.name, columnsOf<BoundaryRow>(BOUNDARY_TABLE), content.geography.boundaries);
      await createAndAppend(db, CELL_TABLE.name, CELL_COLUMNS, content.cells);
      await createAndAppend(db, PERIOD_CELL_TABLE.name, PERIOD_CELL_COLUMNS, content.periodCells ?? []);
      await db.run(`UPDATE indicator SET
        strata = coalesce((SELECT list(DISTINCT stratum ORDER BY stratum) FILTER (WHERE stratum <> 'total') FROM cell WHERE indicator_id = id), []),
        levels = coalesce((SELECT list(DISTINCT level ORDER BY level) FROM cell WHERE indicator_id = id), [])`);
      await db.run("CHECKPOINT");
    } finally {
      db.close();
    }
    await writeInternal(target, content, manifest.releaseId);
    await writeFile(join(temporary, "manifest.json"), manifestText);
    for (const name of RELEASE_FILES) {
      const handle = await open(join(temporary, name), "r");
      await handle.sync();
      await handle.close();
    }
    // Swap: the old release moves aside, the new one takes its name, the old one goes.
    const previous = `${target}.previous-${process.pid}-${Date.now()}`;
    let moved = false;
    try {
      await rename(target, previous);
      moved = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    await rename(temporary, target);
    if (moved) await rm(previous, { recursive: true, force: true });
  } catch (e) {
    await rm(temporary, { recursive: true, force: true });
    throw e;
  }
}
