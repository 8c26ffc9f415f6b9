/**
 * Boussole's side of the R data.table peer (bench/r-peer.ts), in its own process so that its
 * CPU and peak memory are its own: the extract loaded into a fresh warehouse by the real
 * loader (checks included), then the three indicators computed, and their figures written as
 * CSV for the comparison. Prints one JSON line.
 */
import { writeFileSync } from "node:fs";
import { loadExtract } from "../../etl/load/load-extract.ts";
import { computeIndicators } from "../../indicators/compute/compute.ts";
import { comparableFigures, figuresToCsv } from "../peer-figures.ts";
import { peerDefinitions } from "../r-peer-indicators.ts";

const [extract, warehouse, out] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
const loaded = await loadExtract(extract, { warehouse });
if (!loaded.written) throw new Error(loaded.check.report.format());
const loadSeconds = (performance.now() - started) / 1000;

const { cells } = await computeIndicators(warehouse, peerDefinitions());
const figures = comparableFigures(cells);
writeFileSync(out, figuresToCsv(figures));
const seconds = (performance.now() - started) / 1000;

const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    seconds,
    loadSeconds,
    computeSeconds: seconds - loadSeconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMb: usage.maxRSS / 1024,
    rows: loaded.rows,
    cells: figures.length,
  }),
);
