import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchEtl } from "./etl.ts";
import { benchIndicators, type IndicatorBench } from "./indicators.ts";
import { benchApi } from "./api.ts";
import { benchWeb } from "./web.ts";
import { benchPublish, type PublishBench } from "./publish.ts";
import { benchRPeer, rPeerRow, type RPeerBench } from "./r-peer.ts";
import { benchFirstStart } from "./first-start.ts";

// `npm run bench`: every benchmark of the project, results as JSON in bench/results/.
// BENCH_SCALES=0.05,0.2,1 chooses the sample scales (default 0.05 and 0.2; 1 is full Belgium,
// hours on 2 cores). BENCH_PUBLISH_UP_TO (default 0.2): the largest scale also published.
const benchScales = (process.env.BENCH_SCALES ?? "0.05,0.2").split(",").map(Number);
const started = new Date();
const indicators: IndicatorBench[] = [];
const publishes: PublishBench[] = [];
const rPeer: RPeerBench[] = [];
// BENCH_PUBLISH_SCALES: the scales to publish (default 0.01, the demo; publishing is the slow step).
const publishScales = (process.env.BENCH_PUBLISH_SCALES ?? "0.01").split(",").map(Number);
// Every scale to publish is generated and loaded too (the demo's 0.01 takes seconds to load).
const scales = [...new Set([...benchScales, ...publishScales])].sort((a, b) => a - b);
// The indicator targets are set at scale 0.05; other scales are reported as measured.
const etl = benchEtl(
  scales,
  (scale, warehouse, extract) => {
    if (scale >= 0.05) indicators.push(benchIndicators(scale, warehouse));
    // An analyst's R data.table script, extract → figures of three indicators (BENCH_R_PEER=0 skips).
    rPeer.push(benchRPeer(scale, extract));
    if (publishScales.includes(scale)) publishes.push(benchPublish(scale, warehouse));
  },
  // Scales published above (with the attacker) are not published a second time by the ETL bench.
  { publishUpTo: Number(process.env.BENCH_PUBLISH_UP_TO ?? 0.2), publishedElsewhere: publishScales },
);

// The API on a generated release of national size (BENCH_API_SECONDS per route; 120 for the
// two-minute memory check), until the demo release publishes in reasonable time.
const api = await benchApi({ duration: Number(process.env.BENCH_API_SECONDS ?? 20) });

// The dashboard: JavaScript shipped (gzip) and navigation → first chart in headless Chromium.
const web = await benchWeb();

// A first `npm start` on an empty data folder (minutes: BENCH_FIRST_START=0 skips it).
const firstStart = process.env.BENCH_FIRST_START === "0" ? null : await benchFirstStart();

const results = {
  started: started.toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  etl,
  indicators,
  rPeer,
  publish: publishes,
  api,
  web,
  firstStart,
};
const dir = join(fileURLToPath(new URL(".", import.meta.url)), "results");
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(join(dir, "latest.json"), json);
writeFileSync(join(dir, `${started.toISOString().replace(/[:.]/g, "-")}.json`), json);

console.table(
  etl.tasks.map((t) => ({
    task: t.task,
    scale: t.scale,
    seconds: t.seconds.toFixed(1),
    "CPU s": t.cpuSeconds.toFixed(1),
    rows: t.rows,
    "rows/s": Math.round(t.rowsPerSecond),
    "peak MB": Math.round(t.maxRssMb),
    "MB on disk": Math.round(t.bytes / 2 ** 20),
  })),
);
console.table(etl.summary);
console.table(
  indicators.map((r) => ({
    scale: r.scale,
    "all (s)": r.allSeconds.toFixed(1),
    "CPU s": r.allCpuSeconds.toFixed(1),
    "peak MB": Math.round(r.allMaxRssMb),
    "query s": r.querySeconds.toFixed(1),
    "statistics s": r.statisticsSeconds.toFixed(1),
    cells: r.cells,
    "engine 3 (s)": r.engineSeconds.toFixed(2),
    "hand-written 3 (s)": r.handWrittenSeconds.toFixed(2),
    "engine / hand": r.engineOverHand.toFixed(2),
    "engine / hand with quarters": r.engineOverHandWithQuarters.toFixed(2),
    "within targets": r.withinTargets,
  })),
);
console.log("Boussole against an R data.table script, extract → three indicators (target: Boussole / R ≤ 0.5):");
console.table(rPeer.map(rPeerRow));
console.table(
  publishes.map((p) => ({
    scale: p.scale,
    seconds: p.seconds.toFixed(1),
    "CPU s": p.cpuSeconds.toFixed(1),
    "peak MB": Math.round(p.maxRssMb),
    "load before/after": `${p.loadBefore.toFixed(1)}/${p.loadAfter.toFixed(1)}`,
    cells: p.cells,
    "hidden %": (100 * p.hiddenShare).toFixed(1),
    narrowest: p.narrowestInterval,
    "within target": p.withinTarget,
    "attacker s": p.attackSeconds.toFixed(1),
    "attacker leaks": p.attackLeaks,
    "attacker narrowest": p.attackNarrowest,
  })),
);
console.table(Object.fromEntries(Object.entries(api.routes).map(([route, r]) => [route, { "req/s": Math.round(r.rps), "p50 ms": r.p50, "p99 ms": r.p99 }])));
console.log("API targets:", api.targets);
console.table(Object.fromEntries(Object.entries(web.firstChartMs).map(([page, r]) => [page, { "first chart, median ms": r.median, runs: r.runs.join(" ") }])));
console.log(`dashboard JS: ${(web.js.gzipBytes / 1024).toFixed(1)} KB gzipped (${web.js.files} files); targets:`, web.targets);
if (firstStart)
  console.log(
    `first start: the port answered after ${firstStart.firstAnswerSeconds.toFixed(1)} s, the first look (latest year) was served after ${firstStart.firstLookSeconds.toFixed(1)} s, the whole release after ${firstStart.releaseSeconds.toFixed(1)} s (target ≤ 90 s to the first data: ${firstStart.withinTarget}; load ${firstStart.loadBefore.toFixed(1)}/${firstStart.loadAfter.toFixed(1)})`,
  );
console.log(`results: ${join(dir, "latest.json")}`);
