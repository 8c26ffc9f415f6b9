import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { Database } from "../core/duckdb.ts";
import { loadExtract } from "../etl/load/load-extract.ts";
import { definitionSchema, type Definition, type DefinitionInput } from "../indicators/definition/schema.ts";
import { TINY, TODAY, temporaryDirectory } from "./helpers.ts";

const words = { fr: "x", nl: "x", de: "x", en: "x" };

/** A definition for a test: the computation's fields given, the metadata filled with placeholders. */
export function definition(fields: Partial<DefinitionInput> & Pick<DefinitionInput, "id" | "statistic" | "unit">, defaults: Partial<DefinitionInput> = {}): Definition {
  return definitionSchema.parse({
    version: 1,
    aim: "population-health",
    type: "process",
    title: words,
    "short-description": words,
    definition: words,
    rationale: words,
    "numerator-text": words,
    "denominator-text": words,
    source: words,
    polarity: "high-is-good",
    ...defaults,
    ...fields,
  });
}

/** Emergency visits per 1,000 persons, also by quarter (the demo's `sub-annual` definition, reduced). */
export const quarterlyEmergencyVisits = (): Definition =>
  definition({
    id: "emergency-visits",
    statistic: "crude-rate",
    unit: "per-1000",
    population: {},
    numerator: { kind: "events", source: "health_service", codes: { nomenclature: ["990510"] }, count: "events" },
    "sub-annual": "quarter",
  });

/**
 * An extract (e.g. one made by `tinyWith`) loaded into a fresh warehouse; returns its path.
 * Tests of the later stages load through here rather than importing etl/ themselves.
 */
export async function warehouseOf(extract: string): Promise<string> {
  const warehouse = join(temporaryDirectory(), "warehouse.duckdb");
  const load = await loadExtract(extract, { warehouse, today: TODAY });
  expect(load.written).toBe(true);
  return warehouse;
}

/** The tiny extract loaded into a fresh warehouse; returns its path. */
export function tinyWarehouse(): Promise<string> {
  return warehouseOf(TINY);
}

/** Opens a warehouse (read-write), does `work`, closes it. */
export async function withDatabase<T>(path: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(path);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** A copy of the warehouse, changed by `change` (a record edited, a table dropped). */
export async function copyOf(warehouse: string, change: (db: Database) => Promise<unknown>): Promise<string> {
  const copy = join(temporaryDirectory(), "copy.duckdb");
  copyFileSync(warehouse, copy);
  await withDatabase(copy, change);
  return copy;
}
