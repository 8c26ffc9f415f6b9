// One benchmark task in its own process, so that its peak memory is its own.
// Prints one JSON line: { task, seconds, cpuSeconds, rows, maxRssMb, bytes }.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../../core/duckdb.ts";
import { loadExtract } from "../../etl/load/load-extract.ts";
import { generateSample } from "../../sample/generate.ts";
import { loadDefinitions } from "../../indicators/definition/load.ts";
import { publish } from "../../release/publish.ts";

const [task, scale, dir, warehouse] = process.argv.slice(2) as [string, string, string, string];
const dirBytes = (d: string) => readdirSync(d).reduce((n, f) => n + statSync(join(d, f)).size, 0);
const started = performance.now();
let rows = 0;
let bytes = 0;

if (task === "generate") {
  const result = await generateSample({ scale: Number(scale), firstYear: 2019, lastYear: 2024, seed: 42, out: dir });
  rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
  bytes = dirBytes(dir);
} else if (task === "load" || task === "load-row-by-row") {
  // load-row-by-row: every row through the JavaScript checker, as before the DuckDB screen.
  const result = await loadExtract(dir, { warehouse, screen: task === "load" ? undefined : false });
  if (!result.written) throw new Error(result.check.report.format());
  rows = result.rows;
  bytes = statSync(warehouse).size;
} else if (task === "bare-duckdb") {
  // Baseline: DuckDB importing the same person-level CSV files with no checks at all.
  const db = await Database.open(warehouse);
  for (const name of readdirSync(dir).filter((n) => n.startsWith("ima_") && n.endsWith(".csv"))) {
    const table = name.replace(".csv", "");
    await db.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv($1)`, [join(dir, name)]);
    rows += Number(Object.values((await db.all(`SELECT count(*) FROM ${table}`))[0] ?? {})[0]);
  }
  await db.run("CHECKPOINT");
  db.close();
  bytes = statSync(warehouse).size;
} else if (task === "publish") {
  // dir: the release to write; compute, disclosure control, audit and files, as `publish` does.
  const { definitions } = loadDefinitions(join(import.meta.dirname, "..", "..", "indicators", "definitions"));
  const manifest = await publish(definitions, { warehouse, out: dir });
  rows = manifest.audit.cellsPublished;
  bytes = dirBytes(dir);
} else {
  throw new Error(`unknown task ${task}`);
}
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
// CPU: user + system of this process (DuckDB's threads included); above `seconds` when parallel.
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
console.log(JSON.stringify({ task, scale: Number(scale), seconds, cpuSeconds, rows, rowsPerSecond: rows / seconds, maxRssMb: usage.maxRSS / 1024, bytes }));
