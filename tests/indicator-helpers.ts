import { join } from "node:path";
import { expect } from "vitest";
import { loadExtract } from "../etl/load/load-extract.ts";
import { definitionSchema, type Definition, type DefinitionInput } from "../indicators/definition/schema.ts";
import { TINY, TODAY, temporaryDirectory } from "./helpers.ts";

const words = { fr: "x", nl: "x", de: "x", en: "x" };

/** A definition for a test: the computation's fields given, the metadata filled with placeholders. */
export function definition(fields: Partial<DefinitionInput> & Pick<DefinitionInput, "id" | "statistic" | "unit">, defaults: Partial<DefinitionInput> = {}): Definition {
  return definitionSchema.parse({
    version: 1, aim: "population-health", type: "process", title: words, "short-description": words, definition: words,
    rationale: words, "numerator-text": words, "denominator-text": words, source: words, polarity: "high-is-good", ...defaults, ...fields,
  });
}

/** The tiny extract loaded into a fresh warehouse; returns its path. */
export async function tinyWarehouse(): Promise<string> {
  const warehouse = join(temporaryDirectory(), "warehouse.duckdb");
  const load = await loadExtract(TINY, { warehouse, today: TODAY });
  expect(load.written).toBe(true);
  return warehouse;
}
