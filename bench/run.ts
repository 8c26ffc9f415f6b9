import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchEtl } from "./etl.ts";

// `npm run bench`: every benchmark of the project, results as JSON in bench/results/.
// BENCH_SCALES=0.01,0.05,1 chooses the sample scales (default 0.01 and 0.05).
const scales = (process.env.BENCH_SCALES ?? "0.01,0.05").split(",").map(Number);
const started = new Date();
const etl = benchEtl(scales);

const results = {
  started: started.toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  etl,
};
const dir = join(fileURLToPath(new URL(".", import.meta.url)), "results");
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(join(dir, "latest.json"), json);
writeFileSync(join(dir, `${started.toISOString().replace(/[:.]/g, "-")}.json`), json);

console.table(etl.tasks.map((t) => ({ task: t.task, scale: t.scale, seconds: t.seconds.toFixed(1), rows: t.rows, "rows/s": Math.round(t.rowsPerSecond), "peak MB": Math.round(t.maxRssMb), "MB on disk": Math.round(t.bytes / 2 ** 20) })));
console.table(etl.summary);
console.log(`results: ${join(dir, "latest.json")}`);
