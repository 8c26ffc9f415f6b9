import { join } from "node:path";
import { loadExtract } from "../../etl/load/load-extract.ts";
import { computeIndicators } from "../../indicators/compute/compute.ts";
import { generateSample } from "../../sample/generate.ts";
import { temporaryDirectory } from "../../tests/helpers.ts";
import { peerDefinitions } from "../r-peer-indicators.ts";

/** A small synthetic extract (scale 0.001, 2023–2024), loaded, and the engine's cells of the peers' three indicators. */
export async function peerSample(seed: number) {
  const dir = temporaryDirectory();
  const extract = join(dir, "extract");
  await generateSample({ scale: 0.001, firstYear: 2023, lastYear: 2024, seed, out: extract, workers: 1 });
  const warehouse = join(dir, "warehouse.duckdb");
  const loaded = await loadExtract(extract, { warehouse });
  if (!loaded.written) throw new Error(loaded.check.report.format());
  const { cells } = await computeIndicators(warehouse, peerDefinitions());
  return { dir, extract, warehouse, cells };
}
